import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answeringCallbot,
  assignCallbot,
  callbotOfNumber,
  defaultTeamOf,
  releaseCallbot,
  unassignCallbot,
} from './callbots.ts';
import type { Line, Team } from './schema.ts';

const sip = (id: string, callbotId?: string): Line => ({
  id,
  kind: 'sip',
  label: `PBX ${id}`,
  host: 'pbx.example.com',
  port: 5061,
  transport: 'tls',
  username: 'u',
  password: 'p',
  createdAt: 0,
  ...(callbotId === undefined ? {} : { callbotId }),
});

describe('assignCallbot', () => {
  it('gives a line with no callbot the one chosen, leaving the input untouched', () => {
    const lines = [sip('a'), sip('b')];
    const result = assignCallbot(lines, 'a', 'recepcao');
    expect(result).toEqual({ ok: true, lines: [sip('a', 'recepcao'), sip('b')] });
    expect(lines[0]).toEqual(sip('a'));
  });

  it('R3: assigning a second callbot to a line is refused unless replacing', () => {
    const lines = [sip('a', 'recepcao')];
    const refused = assignCallbot(lines, 'a', 'vendas');
    expect(refused).toMatchObject({
      ok: false,
      code: 'R3.lineHasCallbot',
      currentCallbotId: 'recepcao',
      params: { lineId: 'a', current: 'recepcao', callbotId: 'vendas' },
    });
    expect(refused.ok === false && refused.message).toContain('"recepcao"');

    const replaced = assignCallbot(lines, 'a', 'vendas', { replace: true });
    expect(replaced).toEqual({ ok: true, lines: [sip('a', 'vendas')], replaced: 'recepcao' });
  });

  it('R3: assigning the callbot a line already has changes nothing', () => {
    const lines = [sip('a', 'recepcao')];
    const result = assignCallbot(lines, 'a', 'recepcao');
    expect(result.ok && result.lines).toBe(lines);
    expect(result).not.toHaveProperty('replaced');
  });

  it('refuses an unknown line', () => {
    expect(assignCallbot([sip('a')], 'z', 'recepcao')).toMatchObject({
      ok: false,
      code: 'line.notFound',
    });
  });

  it('R3: whatever the sequence of assignments, each line has at most one callbot, the last one accepted', () => {
    const ops = fc.array(
      fc.record({
        line: fc.constantFrom('a', 'b', 'c'),
        callbot: fc.constantFrom('x', 'y', 'z'),
        replace: fc.boolean(),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(ops, (steps) => {
        let lines = [sip('a'), sip('b'), sip('c')];
        const expected = new Map<string, string>();
        for (const step of steps) {
          const result = assignCallbot(lines, step.line, step.callbot, { replace: step.replace });
          const current = expected.get(step.line);
          const accepted = current === undefined || current === step.callbot || step.replace;
          expect(result.ok).toBe(accepted);
          if (result.ok) {
            lines = result.lines;
            expected.set(step.line, step.callbot);
            if (current !== undefined && current !== step.callbot) {
              expect(result.replaced).toBe(current);
            }
          }
        }
        expect(lines.map((l) => l.callbotId)).toEqual(
          ['a', 'b', 'c'].map((id) => expected.get(id)),
        );
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('when a flow stops being a callbot or is deleted', () => {
  it('R9: its lines lose it and fall back to the default callbot', () => {
    const lines = [sip('a', 'recepcao'), sip('b', 'vendas'), sip('c', 'recepcao')];
    const { lines: after, released } = releaseCallbot(lines, 'recepcao');
    expect(released).toEqual(['a', 'c']);
    expect(after).toEqual([sip('a'), sip('b', 'vendas'), sip('c')]);
    expect(answeringCallbot(after[0]!, { callbots: ['vendas'], defaultTeamId: 'suporte' })).toEqual(
      {
        kind: 'default',
        team: 'suporte',
        reason: 'none',
      },
    );
  });

  it('returns the same lines when the flow answered none', () => {
    const lines = [sip('a', 'vendas')];
    expect(releaseCallbot(lines, 'recepcao')).toEqual({ lines, released: [] });
    expect(releaseCallbot(lines, 'recepcao').lines).toBe(lines);
  });

  it('takes the callbot off one line', () => {
    expect(unassignCallbot([sip('a', 'x'), sip('b', 'x')], 'a')).toEqual([sip('a'), sip('b', 'x')]);
  });
});

describe('answeringCallbot', () => {
  it('R9: a line with its own callbot is answered by it', () => {
    expect(answeringCallbot(sip('a', 'recepcao'), { callbots: ['recepcao'] })).toEqual({
      kind: 'assigned',
      callbotId: 'recepcao',
    });
  });

  it('R9: a line with nothing configured is answered by the default callbot, which transfers to the default team', () => {
    expect(
      answeringCallbot(sip('a'), { callbots: ['recepcao'], defaultTeamId: 'suporte' }),
    ).toEqual({
      kind: 'default',
      team: 'suporte',
      reason: 'none',
    });
  });

  it('R10: a flow that is not marked as a callbot (a chat bot) never answers calls, even assigned', () => {
    // Enabling calls does not make a chat bot answer: only flows marked as callbots do.
    expect(
      answeringCallbot(sip('a', 'chat-bot'), { callbots: [], defaultTeamId: 'suporte' }),
    ).toEqual({ kind: 'default', team: 'suporte', reason: 'notCallbot' });
  });

  it('R9: a line whose flow is no longer a callbot is answered by the default callbot', () => {
    expect(answeringCallbot(sip('a', 'velho'), { callbots: new Set(['recepcao']) })).toEqual({
      kind: 'default',
      reason: 'notCallbot',
    });
  });
});

describe('defaultTeamOf', () => {
  const teams: Team[] = [
    { id: 'vendas', name: 'Vendas', agents: 2, isDefault: false },
    { id: 'suporte', name: 'Suporte', agents: 1, isDefault: true },
  ];
  it('prefers the team the settings name, then the one marked as default', () => {
    expect(defaultTeamOf(teams, 'vendas')?.id).toBe('vendas');
    expect(defaultTeamOf(teams)?.id).toBe('suporte');
    expect(defaultTeamOf(teams, 'apagada')?.id).toBe('suporte');
    expect(defaultTeamOf([teams[0]!])).toBeUndefined();
  });
});

describe('one number, one callbot (R6)', () => {
  const number = '+5511912345678';
  const voice: Line = { ...sip('voz'), number };
  const whatsapp: Line = {
    id: 'wa',
    kind: 'whatsapp',
    number,
    displayName: 'Loja',
    business: true,
    calling: true,
    callsEnabled: false,
    voiceLineId: 'voz',
    createdAt: 0,
  };

  it('R6: one number has one callbot across its WhatsApp and voice lines', () => {
    const result = assignCallbot([whatsapp, voice, sip('outra')], 'wa', 'recepcao');
    expect(result.ok && result.lines.map((l) => [l.id, l.callbotId])).toEqual([
      ['wa', 'recepcao'],
      ['voz', 'recepcao'],
      ['outra', undefined],
    ]);
  });

  it('R6: a second callbot on the voice line of a number whose WhatsApp line has one is refused unless replacing both', () => {
    const lines = [{ ...whatsapp, callbotId: 'recepcao' }, voice];
    expect(assignCallbot(lines, 'voz', 'vendas')).toMatchObject({
      ok: false,
      code: 'R3.lineHasCallbot',
      currentCallbotId: 'recepcao',
    });
    const replaced = assignCallbot(lines, 'voz', 'vendas', { replace: true });
    expect(replaced).toMatchObject({ ok: true, replaced: 'recepcao' });
    expect(replaced.ok && replaced.lines.map((l) => l.callbotId)).toEqual(['vendas', 'vendas']);
    // Taking it off one takes it off the number.
    expect(
      unassignCallbot(replaced.ok ? replaced.lines : [], 'wa').map((l) => l.callbotId),
    ).toEqual([undefined, undefined]);
    expect(callbotOfNumber([{ ...whatsapp, callbotId: 'recepcao' }], voice)).toBe('recepcao');
  });
});
