#!/usr/bin/env node
// The `callbot` command. All the CLI does is in `src/cli/main.ts`; this file
// only hands it Node's I/O. `#cli` (package.json `imports`) is the built
// JavaScript in `dist/`, so an installed package runs on plain Node; inside
// the monorepo, `node --conditions=@callbot/source --import tsx` runs it
// from the TypeScript sources instead (that is how its tests run it).
import { open } from 'node:fs/promises';

let cli;
try {
  cli = await import('#cli');
} catch (error) {
  // Only a broken install, or a checkout not built yet, gets here; still one line, no stack.
  process.stderr.write(
    `callbot: internal error: cannot load the CLI: ${error?.message ?? error}` +
      ' (in a checkout, run `npm run build --workspace @callbot/runtime` first)\n',
  );
  process.exit(70);
}
const { runCli, MAX_FILE_BYTES } = cli;

const fileError = (code, message) => Object.assign(new Error(message), { code });
const tooBig = (path) => fileError('EFBIG', `${path} is larger than ${MAX_FILE_BYTES} bytes`);

/**
 * A whole file as UTF-8, refused when it is a directory or over the size
 * limit. The read stops one chunk past the limit, so a pipe or device that
 * never ends (`/dev/zero`) is refused too rather than filling the memory.
 */
async function readFile(path) {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw fileError('EISDIR', `${path} is a directory`);
    if (info.size > MAX_FILE_BYTES) throw tooBig(path);
    const chunks = [];
    let total = 0;
    for (;;) {
      const { bytesRead, buffer } = await handle.read({ buffer: Buffer.alloc(64 * 1024) });
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > MAX_FILE_BYTES) throw tooBig(path);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    // Output piped into a reader that stops early (`| head`): stop quietly, as Unix tools do.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream === process.stdout) {
      process.stderr.write(`callbot: cannot write the output: ${error.message}\n`);
    }
    process.exit(70);
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile,
  now: () => Date.now(),
});
