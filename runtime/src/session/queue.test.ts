import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@callbot/shared';
import { examples } from '../examples.ts';
import { dtmf, OPEN_AT, TestCall, transferResult, type CallOptions } from '../test/support.ts';

// Queues (R16): a transfer waits in its team's queue, with a wait message or
// hold music, at most `maxWaitSeconds` on the call's clock; then it takes
// the no-agents path, as it does when nobody is available at all.

/** The reception example, its sales transfer waiting `maxWaitSeconds` with `waitMessage`. */
function reception(data: { maxWaitSeconds?: number; waitMessage?: string }): FlowDocument {
  const doc = structuredClone(examples.reception);
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      n.id === 't-vendas' && n.kind === 'transfer' ? { ...n, data: { ...n.data, ...data } } : n,
    ),
  };
}

function queued(doc: FlowDocument, options: CallOptions = { agents: { vendas: 1 } }): TestCall {
  return new TestCall(doc, options)
    .start(OPEN_AT)
    .advance(2800)
    .endPrompt()
    .advance(3200)
    .endPrompt()
    .send(dtmf('1'));
}

describe('queues (R16)', () => {
  it('queues the caller with the wait message and the longest wait, not listening meanwhile', () => {
    const call = queued(reception({ maxWaitSeconds: 60, waitMessage: 'Aguarde, por favor.' }));
    expect(call.commands().at(-1)).toEqual({
      type: 'transfer',
      team: 'vendas',
      maxWaitSeconds: 60,
      waitMessage: 'Aguarde, por favor.',
    });
    expect(call.lines().at(-1)).toMatchObject({ kind: 'transfer', outcome: 'queued' });
    expect(call.commands().filter((c) => c.type === 'listen' && c.on).length).toBe(1);
    expect(call.session.getSnapshot()).toMatchObject({ node: 't-vendas' });
  });

  it('takes the no-agents path when nobody answers within the longest wait, on the virtual clock', () => {
    const call = queued(reception({ maxWaitSeconds: 30 }));
    call.advance(29_999);
    expect(call.session.getSnapshot()).toMatchObject({ node: 't-vendas' });
    call.advance(1);
    expect(call.lines().filter((l) => l.kind === 'transfer')).toEqual([
      expect.objectContaining({ outcome: 'queued', t: 6000 }),
      expect.objectContaining({ outcome: 'no_agents', t: 36_000 }),
    ]);
    expect(call.nodes().at(-1)).toBe('bot-vendas');
    // An answer after the wait is over puts nobody through.
    const mark = call.messages.length;
    call.send(transferResult('answered'));
    expect(
      call.since(mark).filter((m) => m.channel === 'trace' && m.line.kind === 'transfer'),
    ).toEqual([]);
    expect(call.session.getSnapshot()).toMatchObject({ outcome: 'handed_off' });
  });

  it('waits 120 s by default, and an answer in time puts the call through', () => {
    const late = queued(reception({}));
    late.advance(119_999);
    expect(late.session.getSnapshot()).toMatchObject({ node: 't-vendas' });
    late.advance(1);
    expect(late.nodes().at(-1)).toBe('bot-vendas');

    const answered = queued(reception({}));
    answered.advance(90_000).send(transferResult('answered'));
    expect(answered.session.getSnapshot()).toMatchObject({
      status: 'ended',
      outcome: 'transferred',
    });
    answered.advance(60_000);
    expect(
      answered
        .lines()
        .filter((l) => l.kind === 'transfer')
        .map((l) => 'outcome' in l && l.outcome),
    ).toEqual(['queued', 'answered']);
  });
});
