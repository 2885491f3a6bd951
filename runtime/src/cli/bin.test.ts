/**
 * End to end: the real `bin/callbot.js`, spawned with Node from the repository
 * root. This is the one test of the Node side (reading files, the size guard,
 * exit codes set on the process). Here it runs on the TypeScript sources (the
 * `@callbot/source` condition, through tsx); the packaging check
 * (`scripts/check-packages.js`) runs the same bin from the built package.
 *
 * The runtime's sources are typed without Node (`types: []`), and that must
 * stay so for the code beside this file. So Node's modules are imported with
 * a computed specifier, which TypeScript types as `any` and does not resolve,
 * and are given here just the shape this test uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import receptionJson from '../../examples/reception.flow.json';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
interface ChildProcess {
  execFile: (
    file: string,
    args: string[],
    options: { cwd: string; encoding: 'utf8'; timeout: number },
    done: (error: { code?: unknown } | null, stdout: string, stderr: string) => void,
  ) => unknown;
}
interface Fs {
  mkdtemp: (prefix: string) => Promise<string>;
  writeFile: (path: string, data: string) => Promise<void>;
  rm: (path: string, options: { recursive: boolean; force: boolean }) => Promise<void>;
}

const node = (name: string): Promise<unknown> => {
  const specifier = `node:${name}`;
  return import(/* @vite-ignore */ specifier);
};

const { execFile } = (await node('child_process')) as ChildProcess;
const fs = (await node('fs/promises')) as Fs;
const { tmpdir } = (await node('os')) as { tmpdir: () => string };
const { fileURLToPath } = (await node('url')) as { fileURLToPath: (url: string) => string };
const { resolve } = (await node('path')) as { resolve: (...paths: string[]) => string };
const { execPath } = (await node('process')) as { execPath: string };

/** The repository root, four steps up from this file (runtime/src/cli/bin.test.ts). */
const here = fileURLToPath((import.meta as { url?: string }).url ?? '');
const root = resolve(here, '../../../..');

/** Runs `node runtime/bin/callbot.js ...args` from the repository root, on the sources. */
function callbot(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      execPath,
      ['--conditions=@callbot/source', '--import', 'tsx', 'runtime/bin/callbot.js', ...args],
      { cwd: root, encoding: 'utf8', timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let scratch = '';
beforeAll(async () => {
  scratch = await fs.mkdtemp(`${tmpdir()}/callbot-cli-`);
});
afterAll(async () => {
  if (scratch) await fs.rm(scratch, { recursive: true, force: true });
});

describe('bin/callbot.js', { timeout: 60_000 }, () => {
  it('validates the reception example (exit 0)', async () => {
    expect(await callbot('validate', 'runtime/examples/reception.flow.json')).toEqual({
      code: 0,
      stdout: 'runtime/examples/reception.flow.json: no problems\n',
      stderr: '',
    });
  });

  it('simulates a call from files on disk, one JSON line per trace line', async () => {
    const script = `${scratch}/script.json`;
    await fs.writeFile(
      script,
      JSON.stringify({
        call: { channel: 'sip', direction: 'inbound', from: '100', to: '200' },
        startAt: '2026-11-24T10:00:00-03:00',
        agents: { vendas: 1 },
        steps: [{ when: 'listening', event: { type: 'dtmf', digit: '1' } }],
      }),
    );
    const run = await callbot('simulate', 'runtime/examples/reception.flow.json', script);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { t: number; kind: string });
    expect(lines.at(-1)).toMatchObject({ kind: 'end', outcome: 'transferred' });
  });

  it('refuses a missing file, a directory and a file over 5 MB (exit 2, one line, no stack)', async () => {
    const big = `${scratch}/big.json`;
    await fs.writeFile(big, ' '.repeat(5 * 1024 * 1024 + 1));
    const cases: [string, string][] = [
      ['runtime/examples/nope.json', 'no such file'],
      ['runtime/examples', 'is a directory, not a file'],
      [big, 'larger than 5 MB'],
    ];
    for (const [file, why] of cases) {
      const run = await callbot('validate', file);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(new RegExp(`^callbot: ${file}: ${why}.*\\n$`));
    }
  });

  it('sets exit code 1 for a flow with errors', async () => {
    // The reception example without its greeting: a flow, but one that cannot run.
    const flow = `${scratch}/no-greeting.json`;
    const nodes = receptionJson.nodes.filter((n) => n.kind !== 'greeting');
    await fs.writeFile(flow, JSON.stringify({ ...receptionJson, nodes }));
    const run = await callbot('compile', flow);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error {2}/);
  });
});
