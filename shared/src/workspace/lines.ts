import { refuse, type Refusal } from './result.ts';
import type { Line, PurchasedLine, PurchaseStatus, WhatsAppLine } from './schema.ts';

/**
 * R7: where a purchase request can go. `requested → in_process → active`,
 * or `failed` from either of the first two; `active` and `failed` are final.
 */
export const purchaseTransitions: Readonly<Record<PurchaseStatus, readonly PurchaseStatus[]>> = {
  requested: ['in_process', 'failed'],
  in_process: ['active', 'failed'],
  active: [],
  failed: [],
};

/**
 * R7: the purchased line moved to `to`, or a refusal when a request cannot
 * go there (e.g. back from `active`). Moving to the status it has changes
 * nothing (providers repeat their notifications).
 */
export function nextStatus(
  line: PurchasedLine,
  to: PurchaseStatus,
): { ok: true; line: PurchasedLine } | Refusal<'R7.invalidTransition'> {
  if (line.status === to) return { ok: true, line };
  if (!purchaseTransitions[line.status].includes(to)) {
    return refuse(
      'R7.invalidTransition',
      `A number request that is ${line.status.replace('_', ' ')} cannot become ${to.replace('_', ' ')}.`,
      { from: line.status, to },
    );
  }
  return { ok: true, line: { ...line, status: to } };
}

/**
 * R7: a purchased line cannot be deleted while its request is received or
 * in process (the provider is buying the number); it can once active or
 * failed. WhatsApp and SIP lines can always be deleted.
 */
export function canDeleteLine(line: Line): { ok: true } | Refusal<'R7.requestPending'> {
  if (line.kind === 'purchased' && (line.status === 'requested' || line.status === 'in_process')) {
    return refuse(
      'R7.requestPending',
      line.status === 'requested'
        ? 'This number was requested and the request is not processed yet: it can be deleted once it is active or has failed.'
        : 'This number is being bought: it can be deleted once it is active or has failed.',
      { status: line.status },
    );
  }
  return { ok: true };
}

/**
 * R4, R5: what a line carries. A purchased line carries calls only, never
 * messages: it is not a WhatsApp line. A SIP line carries calls. A WhatsApp
 * line carries messages, and calls once they are enabled (R2).
 */
export function lineCapabilities(line: Line): { calls: boolean; messages: boolean } {
  switch (line.kind) {
    case 'purchased':
      return { calls: line.status === 'active', messages: false };
    case 'sip':
      return { calls: true, messages: false };
    case 'whatsapp':
      return { calls: line.calling && line.callsEnabled, messages: true };
  }
}

/**
 * R6: one number can be both the WhatsApp line and the voice line only when
 * the WhatsApp number has the Business connection with calling on and the
 * voice line is connected as an existing line (SIP) on that same number.
 */
export function canShareNumber(
  whatsappLine: WhatsAppLine,
  voiceLine: Line,
): { ok: true } | Refusal<'R6.callingOff' | 'R6.notExistingLine' | 'R6.differentNumber'> {
  if (!whatsappLine.business || !whatsappLine.calling) {
    return refuse(
      'R6.callingOff',
      'The WhatsApp number needs the Business connection with calling on before it can also be the voice line.',
      { number: whatsappLine.number },
    );
  }
  if (voiceLine.kind !== 'sip') {
    return refuse(
      'R6.notExistingLine',
      voiceLine.kind === 'purchased'
        ? 'A purchased line cannot share a WhatsApp number: connect the voice line as an existing line (SIP).'
        : 'The voice line must be connected as an existing line (SIP).',
      { kind: voiceLine.kind },
    );
  }
  if (voiceLine.number !== whatsappLine.number) {
    return refuse(
      'R6.differentNumber',
      `The existing line answers on ${voiceLine.number ?? 'no number'}, not on the WhatsApp number ${whatsappLine.number}.`,
      { number: whatsappLine.number, voiceNumber: voiceLine.number ?? '' },
    );
  }
  return { ok: true };
}
