import { describe, expect, it } from 'vitest';
import { HOLD_MUSIC_URL, queueWaitVerbs, transferVerbs } from './protocol.ts';
import type { Team } from './store.ts';
import { twiml } from './twiml.ts';

// Queues (R16) on Twilio: what the caller hears while waiting for a team, and
// how the wait ends at the transfer node's maximum.

const teams: Team[] = [
  { id: 'vendas', target: 'fila-vendas', agentsAvailable: 2, isDefault: true },
  { id: 'suporte', target: '+5511955550123', agentsAvailable: 1, isDefault: false },
];

describe('a transfer’s TwiML', () => {
  it('enters a queue team with a wait document, reported to the dial-result step', () => {
    const doc = twiml(transferVerbs(teams, { team: 'vendas', maxWaitSeconds: 90 }, 4));
    expect(doc).toContain(
      '<Enqueue action="/voice/dial-result?step=4" method="POST" waitUrl="/voice/queue-wait?step=4" waitUrlMethod="POST">fila-vendas</Enqueue>',
    );
  });

  it('says the wait message, then dials a number team ringing at most the wait (600 s at most)', () => {
    const doc = twiml(
      transferVerbs(
        teams,
        { team: 'suporte', maxWaitSeconds: 45, waitMessage: 'Aguarde & obrigado.' },
        2,
        'pt-BR',
      ),
    );
    expect(doc).toContain('<Say language="pt-BR">Aguarde &amp; obrigado.</Say><Dial');
    expect(doc).toContain('timeout="45"');
    expect(twiml(transferVerbs(teams, { team: 'suporte', maxWaitSeconds: 1800 }, 2))).toContain(
      'timeout="600"',
    );
  });

  it('waits with the message, or hold music without one, and leaves the queue at the maximum wait', () => {
    const waiting = { team: 'vendas', maxWaitSeconds: 60, waitMessage: 'Aguarde, por favor.' };
    expect(twiml(queueWaitVerbs(59, waiting))).toContain('<Say>Aguarde, por favor.</Say>');
    expect(twiml(queueWaitVerbs(60, waiting))).toContain('<Leave/>');
    expect(twiml(queueWaitVerbs(0, { team: 'vendas', maxWaitSeconds: 60 }))).toContain(
      `<Play>${HOLD_MUSIC_URL}</Play>`,
    );
  });
});
