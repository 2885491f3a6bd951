import { compileFlow, validateFlow, type Diagnostic } from '@callbot/shared';
import { describe, expect, it } from 'vitest';
import aiAgentJson from '../../examples/ai-agent.flow.json';
import receptionJson from '../../examples/reception.flow.json';
import { EXIT, MAX_FILE_BYTES, runCli, USAGE, type CliIo } from './main.ts';

/** A file that cannot be read, as Node reports it: an error with a `code`. */
const unreadable = (code: string, message = `${code}: cannot read`) =>
  Object.assign(new Error(message), { code });

/** An in-memory file system and terminal; `now` is the wall clock the CLI sees. */
function fakeIo(files: Record<string, string | Error>, now = 0) {
  let out = '';
  let err = '';
  const writes: string[] = [];
  const io: CliIo = {
    stdout: (text) => {
      writes.push(text);
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    readFile: (path) => {
      const file = Object.hasOwn(files, path) ? files[path] : unreadable('ENOENT');
      return file instanceof Error ? Promise.reject(file) : Promise.resolve(file!);
    },
    now: () => now,
  };
  return { io, out: () => out, err: () => err, writes };
}

async function run(args: string[], files: Record<string, string | Error> = {}, now?: number) {
  const fake = fakeIo(files, now);
  const code = await runCli(args, fake.io);
  return { code, out: fake.out(), err: fake.err(), writes: fake.writes };
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const reception = json(receptionJson);
const aiAgent = json(aiAgentJson);

type Flow = typeof receptionJson;
/** The reception example, changed by `edit` (on a deep copy). */
function receptionWith(edit: (flow: Flow) => void): string {
  const flow = structuredClone(receptionJson);
  edit(flow);
  return json(flow);
}
const menuOf = (flow: Flow) => {
  const menu = flow.nodes.find((n) => n.id === 'menu') as
    { data: { options: { key: string }[] } } | undefined;
  if (!menu) throw new Error('the reception example has a menu');
  return menu.data.options;
};
/** Option 2 of the menu takes key 1 as well: an error (and nothing else). */
const duplicateKey = receptionWith((flow) => {
  menuOf(flow)[1]!.key = '1';
});
/** A message nothing leads to and that leads nowhere: two warnings, no error. */
const orphan = { id: 'orphan', kind: 'message', data: { text: 'Olá' }, connections: {} };
const withOrphan = receptionWith((flow) => {
  (flow.nodes as unknown[]).push(orphan);
});
const withErrorAndWarnings = receptionWith((flow) => {
  menuOf(flow)[1]!.key = '1';
  (flow.nodes as unknown[]).push(orphan);
});
/** The greeting's text is a number: not a flow. */
const schemaError = receptionWith((flow) => {
  (flow.nodes[0]!.data as { text: unknown }).text = 5;
});

/** The script of the call protocol's example: a Tuesday at 10:00, open. */
const protocolScript = {
  call: { channel: 'line', direction: 'inbound', from: '+5511999990000', to: '+551130000000' },
  startAt: '2026-11-24T10:00:00-03:00',
  agents: { vendas: 0, suporte: 2 },
  wordsPerMinute: 150,
  steps: [
    { at: 1000, event: { type: 'dtmf', digit: '1' } },
    { when: 'listening', delay: 200, event: { type: 'dtmf', digit: '2' } },
    { when: 'say', delay: 300, event: { type: 'speech', text: 'falar com atendente' } },
  ],
};
type ScriptJson = Record<string, unknown> & { steps: Record<string, unknown>[] };
function scriptWith(edit: (script: ScriptJson) => void): string {
  const script = structuredClone(protocolScript) as unknown as ScriptJson;
  edit(script);
  return json(script);
}

interface Line {
  t: number;
  kind: string;
  [field: string]: unknown;
}
const parseLines = (out: string): Line[] =>
  out
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Line);

/** Bad input is reported as one line, `callbot: FILE: reason`, and nothing else. */
function expectOneLineError(result: { code: number; out: string; err: string }, file: string) {
  expect(result.code).toBe(EXIT.badInput);
  expect(result.out).toBe('');
  expect(result.err.endsWith('\n')).toBe(true);
  expect(result.err.trimEnd().split('\n')).toHaveLength(1);
  expect(result.err.startsWith(`callbot: ${file}: `)).toBe(true);
  expect(result.err).not.toMatch(/\n\s+at /);
}

describe('callbot simulate', () => {
  const files = { 'flow.json': reception, 'script.json': json(protocolScript) };

  it('runs the call protocol example: one JSON trace line per line, ending with the call', async () => {
    const result = await run(['simulate', 'flow.json', 'script.json'], files);
    expect(result.code).toBe(EXIT.ok);
    expect(result.err).toBe('');
    const lines = parseLines(result.out);
    for (const line of lines) {
      expect(typeof line.t).toBe('number');
      expect(typeof line.kind).toBe('string');
    }
    expect(lines.map((l) => l.t)).toEqual([...lines.map((l) => l.t)].sort((a, b) => a - b));
    expect(lines.at(-1)).toEqual({
      t: 6200,
      kind: 'end',
      outcome: 'transferred',
      durationMs: 6200,
    });
    // The key pressed during the greeting is dropped (R18); the one after listening starts is taken.
    expect(lines).toContainEqual({
      t: 1000,
      kind: 'input',
      event: { type: 'dtmf', digit: '1' },
      accepted: false,
      reason: 'not_listening',
    });
    expect(lines).toContainEqual({ t: 6000, kind: 'listen', on: true });
    expect(lines).toContainEqual({
      t: 6200,
      kind: 'input',
      event: { type: 'dtmf', digit: '2' },
      accepted: true,
    });
    expect(lines).toContainEqual({
      t: 6200,
      kind: 'transfer',
      team: 'suporte',
      outcome: 'answered',
    });
  });

  it('reads a schedule at the step’s moment: 08:59:58 closed, 09:00:00 open, whatever the greeting takes', async () => {
    const branch = async (startAt: string) => {
      const result = await run(['simulate', 'flow.json', 'script.json'], {
        'flow.json': reception,
        'script.json': json({ ...protocolScript, startAt, steps: [] }),
      });
      expect(result.code).toBe(EXIT.ok);
      const nodes = parseLines(result.out).filter((l) => l.kind === 'node');
      return nodes.map((l) => (l as unknown as { id: string }).id).slice(0, 3);
    };
    expect(await branch('2026-11-24T08:59:58-03:00')).toEqual(['greeting', 'horario', 'fechado']);
    expect(await branch('2026-11-24T09:00:00-03:00')).toEqual(['greeting', 'horario', 'menu']);
  });

  it('writes each line as the call produces it, one write per line', async () => {
    const result = await run(['simulate', 'flow.json', 'script.json'], files);
    expect(result.writes.length).toBe(parseLines(result.out).length);
    for (const write of result.writes) expect(write).toMatch(/^\{.*\}\n$/);
  });

  it('places a script without startAt at the wall clock the host gives', async () => {
    const script = scriptWith((s) => {
      delete s.startAt;
      s.steps = [];
    });
    // A Sunday: the store is closed, so the call goes to the after-hours bot.
    const sunday = Date.parse('2026-11-29T10:00:00-03:00');
    const result = await run(
      ['simulate', 'flow.json', 'script.json'],
      { ...files, 'script.json': script },
      sunday,
    );
    expect(result.code).toBe(EXIT.ok);
    const lines = parseLines(result.out);
    expect(lines.filter((l) => l.kind === 'node').map((l) => l.id)).toEqual([
      'greeting',
      'horario',
      'fechado',
      'bot-fora',
    ]);
    expect(lines.at(-1)).toMatchObject({ kind: 'end', outcome: 'handed_off' });
  });

  it('runs the AI agent example with the agent turns the script gives', async () => {
    const script = {
      call: {
        channel: 'whatsapp',
        direction: 'inbound',
        from: '+5511999990000',
        to: '+551130000000',
      },
      startAt: '2026-11-24T10:00:00-03:00',
      agents: { suporte: 1 },
      steps: [
        {
          when: 'listening',
          delay: 500,
          event: { type: 'agent.reply', text: 'Como posso ajudar você hoje?' },
        },
        { when: 'say', delay: 300, event: { type: 'speech', text: 'quero falar com uma pessoa' } },
        { at: 9000, event: { type: 'agent.reply', text: 'Vou transferir você.', transfer: true } },
      ],
    };
    const result = await run(['simulate', 'flow.json', 'script.json'], {
      'flow.json': aiAgent,
      'script.json': json(script),
    });
    expect(result.code).toBe(EXIT.ok);
    const lines = parseLines(result.out);
    expect(lines.map((l) => l.kind)).toContain('say.cancel');
    expect(lines).toContainEqual(
      expect.objectContaining({ kind: 'transfer', team: 'suporte', outcome: 'answered' }),
    );
    expect(lines.at(-1)).toMatchObject({ kind: 'end', outcome: 'transferred' });
  });

  it('refuses a flow with errors (exit 2): it cannot run; the first error names its field', async () => {
    const result = await run(['simulate', 'flow.json', 'script.json'], {
      ...files,
      'flow.json': duplicateKey,
    });
    expectOneLineError(result, 'flow.json');
    expect(result.err).toContain('nodes[4].data.options[1].key: Key 1 is used by options 1 and 2');
    expect(result.err).toContain('the flow cannot run: see callbot validate flow.json');
  });

  it('refuses a script with a wrong field (exit 2), naming the field and why', async () => {
    const script = scriptWith((s) => {
      s.steps[2] = { when: 'say', event: { type: 'dtmf', digit: 'x' } };
    });
    const result = await run(['simulate', 'flow.json', 'script.json'], {
      ...files,
      'script.json': script,
    });
    expectOneLineError(result, 'script.json');
    expect(result.err).toBe(
      'callbot: script.json: steps[2].event.digit: expected one of "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#"; received "x"\n',
    );
  });

  it.each([
    [
      'a step of neither kind',
      (s: ScriptJson) => void delete s.steps[0]!.at,
      'steps[0]: needs one of the fields "at" or "when"',
    ],
    [
      'an unknown "when"',
      (s: ScriptJson) => void (s.steps[1]!.when = 'sya'),
      'steps[1].when: expected one of "listening", "say"; received "sya"',
    ],
    [
      'an unknown event type',
      (s: ScriptJson) => void (s.steps[0]!.event = { type: 'dtfm', digit: '1' }),
      'steps[0].event.type: unknown value "dtfm"',
    ],
    [
      'an unknown field',
      (s: ScriptJson) => void (s.steps[0]!.extra = true),
      'steps[0].extra: unknown field',
    ],
    [
      'a time as a string',
      (s: ScriptJson) => void (s.steps[0]!.at = '1000'),
      'steps[0].at: expected number, received string',
    ],
    [
      'a date without offset',
      (s: ScriptJson) => void (s.startAt = '2026-11-24 10:00'),
      'startAt: expected an ISO 8601 date and time with offset, like "2026-11-24T10:00:00-03:00"; received "2026-11-24 10:00"',
    ],
    ['a missing call', (s: ScriptJson) => void delete s.call, 'call: missing; expected object'],
    [
      'the call started by a step',
      (s: ScriptJson) =>
        void (s.steps[0]!.event = {
          type: 'call.started',
          channel: 'line',
          direction: 'inbound',
          from: '1',
          to: '2',
        }),
      'steps[0].event: the simulator starts the call itself',
    ],
  ])('explains a script with %s', async (_, edit, expected) => {
    const result = await run(['simulate', 'flow.json', 'script.json'], {
      ...files,
      'script.json': scriptWith(edit),
    });
    expectOneLineError(result, 'script.json');
    expect(result.err).toContain(`callbot: script.json: ${expected}`);
  });

  it('refuses a script that is not JSON, or the flow given as the script', async () => {
    const notJson = await run(['simulate', 'flow.json', 'script.json'], {
      ...files,
      'script.json': '{ "call": ',
    });
    expectOneLineError(notJson, 'script.json');
    expect(notJson.err).toContain('not valid JSON');

    const swapped = await run(['simulate', 'flow.json', 'flow.json'], files);
    expectOneLineError(swapped, 'flow.json');
    expect(swapped.err).toContain('this is a flow, not a script');
  });

  it('refuses a missing script or flow (exit 2)', async () => {
    expectOneLineError(await run(['simulate', 'flow.json', 'nope.json'], files), 'nope.json');
    expectOneLineError(await run(['simulate', 'nope.json', 'script.json'], files), 'nope.json');
  });
});

describe('callbot validate', () => {
  it('says a clean flow has no problems (exit 0)', async () => {
    for (const flow of [reception, aiAgent]) {
      const result = await run(['validate', 'flow.json'], { 'flow.json': flow });
      expect(result).toMatchObject({ code: EXIT.ok, out: 'flow.json: no problems\n', err: '' });
    }
  });

  it('lists the diagnostics one per line, errors first, then a summary (exit 1 for an error)', async () => {
    const result = await run(['validate', 'flow.json'], { 'flow.json': withErrorAndWarnings });
    expect(result.code).toBe(EXIT.findings);
    expect(result.err).toBe('');
    const lines = result.out.trimEnd().split('\n');
    expect(lines).toEqual([
      'error  menu  nodes[4].data.options[1].key  Key 1 is used by options 1 and 2; only the first would ever be chosen.  (hint: Give each option a different key.)',
      expect.stringMatching(/^warning {2}orphan {2}nodes\[11\]\.connections {2}The "next" output/),
      expect.stringMatching(/^warning {2}orphan {2}nodes\[11\] {2}No call can reach "orphan"/),
      'flow.json: 1 error, 2 warnings',
    ]);
  });

  it('passes a flow with only warnings (exit 0)', async () => {
    const result = await run(['validate', 'flow.json'], { 'flow.json': withOrphan });
    expect(result.code).toBe(EXIT.ok);
    expect(result.out.trimEnd().split('\n').at(-1)).toBe('flow.json: 0 errors, 2 warnings');
  });

  it('prints the diagnostics as a JSON array with --json', async () => {
    const clean = await run(['validate', '--json', 'flow.json'], { 'flow.json': reception });
    expect(clean).toMatchObject({ code: EXIT.ok, err: '' });
    expect(JSON.parse(clean.out)).toEqual([]);

    const broken = await run(['validate', 'flow.json', '--json'], {
      'flow.json': withErrorAndWarnings,
    });
    expect(broken.code).toBe(EXIT.findings);
    const diagnostics = JSON.parse(broken.out) as Diagnostic[];
    expect(diagnostics).toEqual(validateFlow(JSON.parse(withErrorAndWarnings)));
    expect(diagnostics.map((d) => d.code).sort()).toEqual([
      'menu.duplicateKey',
      'node.unreachable',
      'port.unconnected',
    ]);
  });

  it('refuses a file that is not JSON (exit 2, one line)', async () => {
    const result = await run(['validate', 'flow.json'], { 'flow.json': '{ "schemaVersion": 1,' });
    expectOneLineError(result, 'flow.json');
    expect(result.err).toContain('not valid JSON');
  });

  it('refuses a file that is not a flow (exit 2), naming the field and why', async () => {
    const result = await run(['validate', 'flow.json', '--json'], { 'flow.json': schemaError });
    expectOneLineError(result, 'flow.json');
    expect(result.err).toBe(
      'callbot: flow.json: nodes[0].data.text: expected string, received number.\n',
    );

    const script = await run(['validate', 'script.json'], { 'script.json': json(protocolScript) });
    expectOneLineError(script, 'script.json');
    expect(script.err).toContain('schemaVersion: ');
  });

  it('reads a flow saved with a byte-order mark', async () => {
    const result = await run(['validate', 'flow.json'], { 'flow.json': `\uFEFF${reception}` });
    expect(result).toMatchObject({ code: EXIT.ok, out: 'flow.json: no problems\n' });
  });
});

describe('callbot compile', () => {
  it('prints the machine config as JSON indented by 2 (exit 0)', async () => {
    const result = await run(['compile', 'flow.json'], { 'flow.json': reception });
    expect(result).toMatchObject({ code: EXIT.ok, err: '' });
    expect(result.out).toBe(`${JSON.stringify(compileFlow(receptionJson).machine, null, 2)}\n`);
  });

  it('prints the diagnostics on stderr and no machine when the flow has errors (exit 1)', async () => {
    const result = await run(['compile', 'flow.json'], { 'flow.json': withErrorAndWarnings });
    expect(result.code).toBe(EXIT.findings);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^error {2}menu {2}nodes\[4\]\.data\.options\[1\]\.key {2}Key 1/);
    expect(result.err.trimEnd().split('\n').at(-1)).toBe('flow.json: 1 error, 2 warnings');
  });

  it('compiles a flow with warnings, telling them on stderr so stdout stays JSON', async () => {
    const result = await run(['compile', 'flow.json'], { 'flow.json': withOrphan });
    expect(result.code).toBe(EXIT.ok);
    expect(JSON.parse(result.out)).toMatchObject({ id: 'callbot', initial: '_ready' });
    expect(result.err).toContain('flow.json: 0 errors, 2 warnings');
  });

  it('refuses a file that is not a flow (exit 2)', async () => {
    expectOneLineError(
      await run(['compile', 'flow.json'], { 'flow.json': schemaError }),
      'flow.json',
    );
    expectOneLineError(await run(['compile', 'flow.json'], { 'flow.json': '[]' }), 'flow.json');
  });
});

describe('files that cannot be read (exit 2)', () => {
  it.each([
    ['missing', unreadable('ENOENT'), 'callbot: flow.json: no such file\n'],
    ['a directory', unreadable('EISDIR'), 'callbot: flow.json: is a directory, not a file\n'],
    ['not allowed', unreadable('EACCES'), 'callbot: flow.json: permission denied\n'],
    [
      'too big',
      unreadable('EFBIG'),
      'callbot: flow.json: larger than 5 MB, the most callbot reads\n',
    ],
    [
      'broken otherwise',
      unreadable('EIO', 'EIO: i/o error, read'),
      'callbot: flow.json: cannot be read (EIO: i/o error, read)\n',
    ],
  ])('%s', async (_, error, message) => {
    for (const command of ['validate', 'compile']) {
      const result = await run([command, 'flow.json'], { 'flow.json': error });
      expectOneLineError(result, 'flow.json');
      expect(result.err).toBe(message);
    }
  });

  it('refuses text over the limit even when the host read it', async () => {
    const result = await run(['validate', 'flow.json'], {
      'flow.json': ' '.repeat(MAX_FILE_BYTES + 1),
    });
    expect(result.err).toBe('callbot: flow.json: larger than 5 MB, the most callbot reads\n');
  });
});

describe('usage', () => {
  it.each([['--help'], ['-h'], ['help'], ['validate', '--help']])(
    'prints the usage on stdout for %s (exit 0)',
    async (...args) => {
      const result = await run(args);
      expect(result).toEqual({ code: EXIT.ok, out: USAGE, err: '', writes: [USAGE] });
    },
  );

  it.each([
    [[], 'callbot: no command given'],
    [['frob'], 'callbot: unknown command "frob"'],
    [['validate'], 'callbot: validate needs FLOW.json'],
    [['simulate', 'flow.json'], 'callbot: simulate needs FLOW.json and SCRIPT.json'],
    [['compile', 'a.json', 'b.json'], 'callbot: compile takes 1 file: FLOW.json'],
    [['compile', '--json', 'a.json'], 'callbot: unknown option "--json" for compile'],
    [['validate', '--xml', 'a.json'], 'callbot: unknown option "--xml" for validate'],
    [['constructor'], 'callbot: unknown command "constructor"'],
  ])('prints the usage on stderr for %j (exit 2)', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.out).toBe('');
    expect(result.err).toBe(`${message}\n\n${USAGE}`);
  });

  it('takes operands after --, even when they look like options', async () => {
    const result = await run(['validate', '--', '-flow.json'], { '-flow.json': reception });
    expect(result).toMatchObject({ code: EXIT.ok, out: '-flow.json: no problems\n' });
  });
});

describe('unexpected failures', () => {
  it('are one line, "internal error", exit 70, no stack', async () => {
    const io: CliIo = {
      stdout: () => {
        throw new Error('the terminal broke\nin two lines');
      },
      stderr: (text) => void errors.push(text),
      readFile: () => Promise.resolve(reception),
      now: () => 0,
    };
    const errors: string[] = [];
    expect(await runCli(['validate', 'flow.json'], io)).toBe(EXIT.internal);
    expect(errors).toEqual(['callbot: internal error: the terminal broke in two lines\n']);
  });

  it('are reported even when what was thrown is not an Error', async () => {
    const errors: string[] = [];
    const io: CliIo = {
      stdout: () => {},
      stderr: (text) => void errors.push(text),
      readFile: () => Promise.resolve(reception),
      now: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a broken host might do
        throw 'no clock';
      },
    };
    const script = scriptWith((s) => void delete s.startAt);
    io.readFile = (path) => Promise.resolve(path === 'script.json' ? script : reception);
    expect(await runCli(['simulate', 'flow.json', 'script.json'], io)).toBe(EXIT.internal);
    expect(errors).toEqual(['callbot: internal error: no clock\n']);
  });
});
