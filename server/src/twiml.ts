/**
 * TwiML, the voice-webhook answer of Twilio and of the providers that speak
 * its dialect, built from typed verbs. Every text and attribute is escaped
 * here; no caller of this module writes XML.
 */

export interface SayVerb {
  verb: 'Say';
  text: string;
  language?: string;
}

export interface GatherVerb {
  verb: 'Gather';
  action: string;
  input: ('dtmf' | 'speech')[];
  /** Seconds of silence before the provider gives up and goes on with the next verb. */
  timeout: number;
  language?: string;
  /** Whether caller input stops the prompts inside (AI agents only, R17). */
  bargeIn: boolean;
  /** Stop at this many keys (a menu's one key). */
  numDigits?: number;
  /** The key that ends the input (Twilio's default `#`); empty: none does. */
  finishOnKey?: string;
  children: SayVerb[];
}

/**
 * Where a `<Dial>` rings: a number, a SIP address, or a WhatsApp user
 * (WhatsApp Business Calling: `<WhatsApp>+E.164</WhatsApp>`, from a
 * `callerId` that is the business's voice-enabled WhatsApp sender).
 */
export type DialTarget = { number: string } | { sip: string } | { whatsapp: string };

export interface DialVerb {
  verb: 'Dial';
  /** Called with the outcome (`DialCallStatus`); without it the document goes on after the Dial. */
  action?: string;
  target: DialTarget;
  /** The number shown to who is rung; `whatsapp:+E.164` for a WhatsApp call. */
  callerId?: string;
  /** Where the provider posts the dialled leg's progress. */
  statusCallback?: string;
}

/** Puts the caller into a named queue; `action` is called when they leave it. */
export interface EnqueueVerb {
  verb: 'Enqueue';
  action?: string;
  queue: string;
}

export interface RedirectVerb {
  verb: 'Redirect';
  url: string;
}

export interface HangupVerb {
  verb: 'Hangup';
}

/** Silence, in seconds. */
export interface PauseVerb {
  verb: 'Pause';
  length: number;
}

export type Verb =
  SayVerb | GatherVerb | DialVerb | EnqueueVerb | RedirectVerb | HangupVerb | PauseVerb;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text made safe for XML content and attribute values; characters XML 1.0
 * cannot carry at all (most control characters) are dropped.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function element(
  name: string,
  attributes: Record<string, string | number | undefined>,
  content?: string,
): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  // Empty elements are self-closing, as Twilio's own VoiceResponse writes them.
  return content === undefined || content === ''
    ? `<${name}${attrs}/>`
    : `<${name}${attrs}>${content}</${name}>`;
}

function render(verb: Verb): string {
  switch (verb.verb) {
    case 'Say':
      return element('Say', { language: verb.language }, escapeXml(verb.text));
    case 'Gather':
      return element(
        'Gather',
        {
          input: verb.input.join(' '),
          action: verb.action,
          method: 'POST',
          timeout: verb.timeout,
          numDigits: verb.numDigits,
          finishOnKey: verb.finishOnKey,
          language: verb.language,
          speechTimeout: verb.input.includes('speech') ? 'auto' : undefined,
          bargeIn: verb.bargeIn ? 'true' : undefined,
        },
        verb.children.map(render).join(''),
      );
    case 'Dial':
      return element(
        'Dial',
        { action: verb.action, method: verb.action && 'POST', callerId: verb.callerId },
        'number' in verb.target
          ? element('Number', {}, escapeXml(verb.target.number))
          : 'sip' in verb.target
            ? element('Sip', {}, escapeXml(verb.target.sip))
            : element(
                'WhatsApp',
                {
                  statusCallback: verb.statusCallback,
                  statusCallbackMethod: verb.statusCallback && 'POST',
                  statusCallbackEvent:
                    verb.statusCallback && 'initiated ringing answered completed',
                },
                escapeXml(verb.target.whatsapp),
              ),
      );
    case 'Enqueue':
      return element(
        'Enqueue',
        { action: verb.action, method: verb.action && 'POST' },
        escapeXml(verb.queue),
      );
    case 'Redirect':
      return element('Redirect', { method: 'POST' }, escapeXml(verb.url));
    case 'Hangup':
      return element('Hangup', {});
    case 'Pause':
      return element('Pause', { length: verb.length });
  }
}

/**
 * The whole TwiML document for a list of verbs, played by the provider in order.
 *
 * @example
 * twiml([{ verb: 'Say', text: 'Olá!' }, { verb: 'Hangup' }]);
 * // <?xml version="1.0" encoding="UTF-8"?><Response><Say>Olá!</Say><Hangup/></Response>
 */
export function twiml(verbs: readonly Verb[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${element('Response', {}, verbs.map(render).join(''))}`;
}
