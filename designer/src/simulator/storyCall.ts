import { createSimulatedCall, examples, type TraceLine } from '@callbot/runtime';

/**
 * A reception call at an open hour, played in virtual time for stories and
 * tests: a key in the greeting (ignored), silence until the first no-input,
 * then 1 with an agent in vendas.
 */
export function receptionCallLines(): TraceLine[] {
  const call = createSimulatedCall(examples.reception, {
    call: { channel: 'line', direction: 'inbound', from: '+5511999990000', to: '+551130000000' },
    startAt: '2026-11-24T10:00:00-03:00',
    agents: { vendas: 1 },
  });
  call.start();
  call.runUntil(1000);
  call.send({ type: 'dtmf', digit: '5' });
  call.runUntil(15_000);
  call.send({ type: 'dtmf', digit: '1' });
  return [...call.getSnapshot().transcript];
}
