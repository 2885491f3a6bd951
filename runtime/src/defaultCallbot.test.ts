import { validateFlow } from '@callbot/shared';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock/virtualClock.ts';
import { defaultCallbot } from './defaultCallbot.ts';
import type { Command } from './protocol.ts';
import { createCallSession } from './session/session.ts';

function answer(available: number) {
  const clock = new VirtualClock(Date.parse('2026-11-24T10:00:00-03:00'));
  const asked: string[] = [];
  const session = createCallSession(defaultCallbot({ defaultTeam: 'recepcao' }), {
    clock,
    directory: (team) => {
      asked.push(team);
      return available;
    },
  });
  const commands: Command[] = [];
  session.subscribe((m) => {
    if (m.channel === 'command') commands.push(m.command);
  });
  session.send({
    type: 'call.started',
    channel: 'line',
    direction: 'inbound',
    from: '+5511999990000',
    to: '+551130000000',
  });
  const endPrompt = () => {
    const say = commands.findLast((c) => c.type === 'say');
    if (say?.type === 'say') session.send({ type: 'prompt.ended', promptId: say.promptId });
  };
  return { session, commands, asked, endPrompt };
}

describe('defaultCallbot (R9: a line with no callbot still answers)', () => {
  it('is a valid flow', () => {
    expect(validateFlow(defaultCallbot({ defaultTeam: 'recepcao' }))).toEqual([]);
  });

  it('greets, then transfers the call to the default team', () => {
    const call = answer(2);
    expect(call.commands[0]).toMatchObject({ type: 'say', interruptible: false });
    call.endPrompt();
    expect(call.asked).toEqual(['recepcao']);
    expect(call.commands.at(-1)).toEqual({
      type: 'transfer',
      team: 'recepcao',
      maxWaitSeconds: 120,
    });
    call.session.send({ type: 'transfer.result', outcome: 'answered' });
    expect(call.session.getSnapshot().outcome).toBe('transferred');
  });

  it('says nobody can answer and hangs up when the team has no agent', () => {
    const call = answer(0);
    call.endPrompt();
    expect(call.commands.at(-1)).toMatchObject({
      type: 'say',
      text: expect.stringContaining('ninguém') as string,
    });
    call.endPrompt();
    expect(call.commands.at(-1)).toEqual({ type: 'hangup', reason: 'flow_ended' });
    expect(call.session.getSnapshot().outcome).toBe('hung_up');
  });

  it('refuses to be made without a default team', () => {
    expect(() => defaultCallbot({ defaultTeam: '  ' })).toThrow(/default team/);
  });
});
