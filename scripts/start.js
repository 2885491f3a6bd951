// `npm start`: one process with everything — the callbot server, its embedded
// database (PGlite in server/.data/), the API, the voice webhooks and the
// designer — on http://localhost:8787 (`PORT` overrides). The designer is
// built first when designer/dist is missing or older than its sources (or
// those of @callbot/shared and @callbot/runtime, which it bundles).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'designer', 'dist', 'index.html');
const sources = [
  'designer/src',
  'designer/public',
  'designer/index.html',
  'designer/vite.config.ts',
  'shared/src',
  'runtime/src',
].map((p) => path.join(root, p));

/** The newest modification time under `p` (a file or a folder), 0 when it does not exist. */
function newest(p) {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(p)) latest = Math.max(latest, newest(path.join(p, entry)));
  return latest;
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
if (builtAt === 0 || sources.some((p) => newest(p) > builtAt)) {
  console.error(
    builtAt === 0
      ? 'Building the designer (first start)…'
      : 'Building the designer (its sources changed)…',
  );
  const build = spawnSync('npm', ['run', 'build', '--workspace', '@callbot/designer'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('The designer did not build; the server is not started.');
    process.exit(build.status ?? 1);
  }
}

const server = spawn('npm', ['run', 'server', '--workspace', '@callbot/server'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CALLBOT_DESIGNER_DIR: path.join(root, 'designer', 'dist') },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
