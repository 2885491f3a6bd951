#!/usr/bin/env node
// The `callbot` command. The runtime is TypeScript run from source, so the
// CLI loads it through tsx's loader (a dependency of this package).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
