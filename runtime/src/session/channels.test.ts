import type { CallEvent } from '@callbot/shared';
import { describe, expect, it } from 'vitest';
import { examples } from '../examples.ts';
import { dtmf, OPEN_AT, TestCall } from '../test/support.ts';

/** A reception call that arrives by `channel`, is greeted, reaches the menu and presses 1. */
function call(channel: Extract<CallEvent, { type: 'call.started' }>['channel']) {
  return new TestCall(examples.reception)
    .send({
      type: 'call.started',
      callId: `call-${channel}`,
      channel,
      direction: 'inbound',
      from: '+5511999990000',
      to: '+551130000000',
      at: OPEN_AT,
    })
    .advance(2800)
    .endPrompt()
    .advance(3200)
    .endPrompt()
    .send(dtmf('1'));
}

describe('the caller’s experience (R11)', () => {
  it('R11: a call by WhatsApp is an ordinary phone call: the caller hears and does exactly what a line caller does', () => {
    const line = call('line');
    const whatsapp = call('whatsapp');
    const sip = call('sip');
    expect(line.commands().length).toBeGreaterThan(2);
    expect(whatsapp.commands()).toEqual(line.commands());
    expect(sip.commands()).toEqual(line.commands());
    expect(whatsapp.nodes()).toEqual(line.nodes());
  });
});
