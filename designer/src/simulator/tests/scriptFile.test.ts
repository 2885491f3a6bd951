import { describe, expect, it } from 'vitest';
import { examples, scriptSchema, simulateCall, type Script } from '@callbot/runtime';
import { parseScriptFile, scriptFileOf } from './scriptFile.ts';

const reception = examples.reception;

const script: Script = scriptSchema.parse({
  call: { channel: 'whatsapp', direction: 'inbound', from: '+5511999990000', to: '+551130000000' },
  startAt: '2026-11-23T10:00:00-03:00',
  agents: { suporte: 2 },
  steps: [
    { at: 300, event: { type: 'dtmf', digit: '9' } },
    { when: 'listening', delay: 400, event: { type: 'speech', text: 'suporte' } },
  ],
});

describe('scriptFileOf', () => {
  it('writes a script that callbot simulate reads and that reproduces the stored transcript', () => {
    const transcript = simulateCall(reception, script).lines;
    const file = scriptFileOf({ name: 'Suporte por voz', script });

    expect(file.fileName).toBe('suporte-por-voz.script.json');
    const parsed = scriptSchema.parse(JSON.parse(file.text));
    expect(parsed).toEqual(script);
    expect(simulateCall(reception, parsed).lines).toEqual(transcript);
    expect(transcript.at(-1)).toMatchObject({ kind: 'end', outcome: 'transferred' });
  });

  it('writes the moment a script without one was replayed at, so the command does not use today', () => {
    const { startAt: _, ...undated } = script;
    const transcript = simulateCall(reception, undated).lines;
    const parsed = scriptSchema.parse(
      JSON.parse(scriptFileOf({ name: 'x', script: undated }).text),
    );
    expect(parsed.startAt).toBe('1970-01-01T00:00:00.000Z');
    expect(simulateCall(reception, parsed).lines).toEqual(transcript);
  });

  it('names the file even when the name has no letters', () => {
    expect(scriptFileOf({ name: '???', script }).fileName).toBe('test-case.script.json');
  });
});

describe('parseScriptFile', () => {
  it('reads a script in the call-protocol format, with its defaults', () => {
    const result = parseScriptFile(JSON.stringify({ call: script.call, steps: [] }));
    expect(result).toEqual({
      ok: true,
      script: { call: script.call, agents: {}, wordsPerMinute: 150, maxMs: 600_000, steps: [] },
    });
  });

  it('says which field is wrong, or that the file is not JSON', () => {
    const wrong = parseScriptFile(JSON.stringify({ ...script, wordsPerMinute: 0 }));
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.why).toMatch(/^wordsPerMinute: /);
    const notJson = parseScriptFile('{ call: ');
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.why).toMatch(/JSON/);
  });
});
