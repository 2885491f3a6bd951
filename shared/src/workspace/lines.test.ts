import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canDeleteLine, canShareNumber, lineCapabilities, nextStatus } from './lines.ts';
import {
  purchaseStatuses,
  type PurchasedLine,
  type PurchaseStatus,
  type SipLine,
  type WhatsAppLine,
} from './schema.ts';

const purchased = (status: PurchaseStatus): PurchasedLine => ({
  id: 'p',
  kind: 'purchased',
  country: 'BR',
  number: '+551130000000',
  status,
  requestedAt: 0,
  orderId: 'ord-1',
  createdAt: 0,
});

const whatsapp = (over: Partial<WhatsAppLine> = {}): WhatsAppLine => ({
  id: 'w',
  kind: 'whatsapp',
  number: '+551130000000',
  displayName: 'Loja',
  business: true,
  calling: true,
  callsEnabled: false,
  createdAt: 0,
  ...over,
});

const sip = (number?: string): SipLine => ({
  id: 's',
  kind: 'sip',
  label: 'PBX',
  host: 'pbx.example.com',
  port: 5060,
  transport: 'udp',
  username: 'u',
  password: 'p',
  createdAt: 0,
  ...(number === undefined ? {} : { number }),
});

describe('purchase requests', () => {
  it('R7: a request goes requested → in process → active', () => {
    const inProcess = nextStatus(purchased('requested'), 'in_process');
    expect(inProcess).toEqual({ ok: true, line: purchased('in_process') });
    expect(nextStatus(purchased('in_process'), 'active')).toEqual({
      ok: true,
      line: purchased('active'),
    });
  });

  it('R7: a request can fail while requested or in process, and active or failed is final', () => {
    expect(nextStatus(purchased('requested'), 'failed').ok).toBe(true);
    expect(nextStatus(purchased('in_process'), 'failed').ok).toBe(true);
    expect(nextStatus(purchased('active'), 'requested')).toMatchObject({
      ok: false,
      code: 'R7.invalidTransition',
      params: { from: 'active', to: 'requested' },
    });
    expect(nextStatus(purchased('failed'), 'active').ok).toBe(false);
    expect(nextStatus(purchased('requested'), 'active').ok).toBe(false);
  });

  it('R7: a repeated status changes nothing', () => {
    const line = purchased('in_process');
    const result = nextStatus(line, 'in_process');
    expect(result.ok && result.line).toBe(line);
  });

  it('R7: a line cannot be deleted while its request is received or in process', () => {
    expect(canDeleteLine(purchased('requested'))).toMatchObject({
      ok: false,
      code: 'R7.requestPending',
      params: { status: 'requested' },
    });
    expect(canDeleteLine(purchased('in_process'))).toMatchObject({
      ok: false,
      code: 'R7.requestPending',
    });
    expect(canDeleteLine(purchased('active'))).toEqual({ ok: true });
    expect(canDeleteLine(purchased('failed'))).toEqual({ ok: true });
    expect(canDeleteLine(whatsapp())).toEqual({ ok: true });
    expect(canDeleteLine(sip())).toEqual({ ok: true });
  });

  it('R7: whatever the notifications, a request that could not be deleted becomes deletable only as active or failed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...purchaseStatuses), { maxLength: 20 }), (steps) => {
        let line = purchased('requested');
        for (const to of steps) {
          const result = nextStatus(line, to);
          if (result.ok) line = result.line;
          expect(canDeleteLine(line).ok).toBe(line.status === 'active' || line.status === 'failed');
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('lineCapabilities', () => {
  it('R5: a purchased line carries calls only, never messages: it is not a WhatsApp line', () => {
    expect(lineCapabilities(purchased('active'))).toEqual({ calls: true, messages: false });
    expect(lineCapabilities(purchased('in_process'))).toEqual({ calls: false, messages: false });
  });

  it('R4: a WhatsApp line carries messages, and calls once enabled', () => {
    expect(lineCapabilities(whatsapp())).toEqual({ calls: false, messages: true });
    expect(lineCapabilities(whatsapp({ callsEnabled: true }))).toEqual({
      calls: true,
      messages: true,
    });
    expect(lineCapabilities(sip())).toEqual({ calls: true, messages: false });
  });
});

describe('canShareNumber', () => {
  it('R6: one number is both the WhatsApp and the voice line when connected as an existing (SIP) line', () => {
    expect(canShareNumber(whatsapp(), sip('+551130000000'))).toEqual({ ok: true });
  });

  it('R6: refused without WhatsApp calling, for a purchased line, or for another number', () => {
    expect(canShareNumber(whatsapp({ calling: false }), sip('+551130000000'))).toMatchObject({
      ok: false,
      code: 'R6.callingOff',
    });
    expect(canShareNumber(whatsapp(), purchased('active'))).toMatchObject({
      ok: false,
      code: 'R6.notExistingLine',
      params: { kind: 'purchased' },
    });
    expect(canShareNumber(whatsapp(), sip('+551140000000'))).toMatchObject({
      ok: false,
      code: 'R6.differentNumber',
    });
    expect(canShareNumber(whatsapp(), sip())).toMatchObject({
      ok: false,
      code: 'R6.differentNumber',
    });
  });
});
