/**
 * `npm run sign --workspace @callbot/server -- URL Name=value ...`: prints
 * the X-Twilio-Signature a provider would send for a POST of these form
 * fields to URL, signed with TWILIO_AUTH_TOKEN; for replaying calls by hand.
 */
import { twilioSignature } from './signature.ts';

const [url, ...fields] = process.argv.slice(2);
const authToken = process.env.TWILIO_AUTH_TOKEN;
if (!url || !authToken || fields.some((f) => !f.includes('='))) {
  process.stderr.write(
    'usage: TWILIO_AUTH_TOKEN=... npm run sign --workspace @callbot/server -- URL Name=value ...\n',
  );
  process.exit(2);
}
const params = fields.map((f): [string, string] => [
  f.slice(0, f.indexOf('=')),
  f.slice(f.indexOf('=') + 1),
]);
process.stdout.write(`${twilioSignature(authToken, url, params)}\n`);
