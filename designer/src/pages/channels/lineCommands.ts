import {
  assignCallbot,
  canDeleteLine,
  canEnableWhatsAppCalls,
  canShareNumber,
  checkWhatsAppNumber,
  callbotOfNumber,
  checkLineNumber,
  linesToTurnOff,
  nextStatus,
  unassignCallbot,
  type AssignResult,
  type ChecklistCallbot,
  type Line,
  type PurchasedLine,
  type PurchaseStatus,
  type Refusal,
  type SipLine,
  type Team,
  type WhatsAppLine,
} from '@callbot/shared';
import type { WorkspaceRepository } from '../../persistence/index.ts';
import type { ProviderClient } from '../../provider/index.ts';

/** What the line commands act on: the workspace's storage, the provider, a clock and ids. */
export interface LineDeps {
  workspace: WorkspaceRepository;
  provider: ProviderClient;
  now: () => number;
  newId: () => string;
}

const refusalOf = <C extends string>(r: Refusal<C>): Refusal<C> => r;

async function findLine(workspace: WorkspaceRepository, id: string): Promise<Line | undefined> {
  return (await workspace.listLines()).items.find((l) => l.id === id);
}

/**
 * R4: orders `number` in `country` from the provider and keeps the order as
 * a purchased line in the status the provider gave (`requested` at first).
 * A provider failure (e.g. `number_taken`, 409) rejects and stores nothing.
 */
export async function buyNumber(
  { workspace, provider, now, newId }: LineDeps,
  input: { country: string; number: string },
): Promise<PurchasedLine> {
  const order = await provider.orderNumber(input);
  const at = now();
  const line: PurchasedLine = {
    id: newId(),
    kind: 'purchased',
    country: order.country,
    number: order.number,
    status: order.status,
    requestedAt: at,
    orderId: order.orderId,
    createdAt: at,
  };
  return (await workspace.putLine(line)) as PurchasedLine;
}

/** The steps from one status to another along R7's transitions (requested → active goes through in process). */
function stepsTo(from: PurchaseStatus, to: PurchaseStatus): PurchaseStatus[] {
  return from === 'requested' && to === 'active' ? ['in_process', 'active'] : [to];
}

/**
 * R7: asks the provider where the line's order is and moves the stored line
 * along (`requested → in_process → active`, or `failed`). Returns the line as
 * stored and, for a failed order, the provider's reason.
 */
export async function syncOrder(
  deps: LineDeps,
  lineId: string,
): Promise<{ line: PurchasedLine; failureReason: string | null } | null> {
  const before = await findLine(deps.workspace, lineId);
  if (before?.kind !== 'purchased') return null;
  const order = await deps.provider.getOrder(before.orderId);
  // Read again: the line may have changed (a callbot assigned) or gone while the provider answered.
  const current = await findLine(deps.workspace, lineId);
  if (current?.kind !== 'purchased') return null;
  let line = current;
  for (const status of stepsTo(line.status, order.status)) {
    const moved = nextStatus(line, status);
    if (!moved.ok) break;
    line = moved.line;
  }
  if (line !== current) await deps.workspace.putLine(line);
  return { line, failureReason: order.failureReason };
}

/**
 * R7: deletes a line. Refused while a purchase is requested or in process.
 * An active purchased number is released at the provider first: when that
 * fails the line is kept (and the error rejects). A failed order has nothing
 * to release.
 */
export async function deleteLine(
  { workspace, provider }: LineDeps,
  line: Line,
): Promise<{ ok: true } | Refusal<'R7.requestPending'>> {
  const verdict = canDeleteLine(line);
  if (!verdict.ok) return refusalOf(verdict);
  if (line.kind === 'purchased' && line.status === 'active') {
    await provider.releaseNumber(line.number);
  }
  await workspace.deleteLine(line.id);
  return { ok: true };
}

/**
 * R3: gives the line the callbot; refused when it has another one unless
 * `replace` (the caller asked the user first). Never two callbots.
 */
export async function assignLineCallbot(
  { workspace }: Pick<LineDeps, 'workspace'>,
  lineId: string,
  callbotId: string,
  replace = false,
): Promise<AssignResult> {
  const lines = (await workspace.listLines()).items;
  const result = assignCallbot(lines, lineId, callbotId, { replace });
  if (result.ok && result.lines !== lines) {
    await workspace.putLine(result.lines.find((l) => l.id === lineId)!);
  }
  return result;
}

/**
 * R9: takes the callbot off the line; the default callbot answers it then.
 * R2: a WhatsApp line with calls enabled has them turned off, with why.
 */
export async function unassignLineCallbot(
  { workspace, now }: Pick<LineDeps, 'workspace' | 'now'>,
  lineId: string,
): Promise<void> {
  const lines = (await workspace.listLines()).items;
  const next = unassignCallbot(lines, lineId);
  let line = next.find((l) => l.id === lineId)!;
  if (line.kind === 'whatsapp') {
    line = linesToTurnOff([line], [], () => undefined, now())[0]?.line ?? line;
  }
  if (next !== lines) await workspace.putLine(line);
}

export interface SipForm {
  label: string;
  host: string;
  port: number;
  transport: SipLine['transport'];
  username: string;
  password: string;
  /** As typed; empty for none. */
  number: string;
  /** R19: the business declares the number is its own line, not a personal mobile. */
  declared: boolean;
}

/**
 * R19: connects a PBX or call centre over SIP. A number, when given, must be
 * a phone number that is not a personal mobile: refused where its type is
 * certain, declared by the business where it is not (or where it is a mobile
 * that is one of the workspace's WhatsApp Business numbers, R6). The rest is
 * checked by the line's schema (a `WorkspaceRefusal` names the field). On
 * the number of a WhatsApp line, the SIP line is that line's voice line and
 * answers with its callbot (R6: one number, one callbot).
 */
export async function addSipLine(
  { workspace, now, newId }: Pick<LineDeps, 'workspace' | 'now' | 'newId'>,
  form: SipForm,
  country?: string,
): Promise<
  | { ok: true; line: SipLine }
  | Refusal<'number.invalid' | 'R19.personalMobile' | 'R19.declarationNeeded'>
> {
  const lines = (await workspace.listLines()).items;
  let number: string | undefined;
  if (form.number.trim()) {
    const typed = form.number.trim();
    const whatsappLine = (n: string) =>
      lines.find((l): l is WhatsAppLine => l.kind === 'whatsapp' && l.number === n);
    const checked = checkLineNumber(typed, {
      ...(country !== undefined && { country }),
      ...(form.declared && { declared: 'business' as const }),
      whatsappBusiness: whatsappLine(typed) !== undefined,
    });
    if (!checked.ok) return checked;
    number = checked.number;
  }
  const line: SipLine = {
    id: newId(),
    kind: 'sip',
    label: form.label,
    host: form.host,
    port: form.port,
    transport: form.transport,
    username: form.username,
    password: form.password,
    createdAt: now(),
    ...(number && { number }),
    ...(form.declared && { numberDeclared: 'business' as const }),
  };
  const callbotId = callbotOfNumber(lines, line);
  if (callbotId !== undefined) line.callbotId = callbotId;
  const stored = (await workspace.putLine(line)) as SipLine;
  const whatsapp = lines.find(
    (l): l is WhatsAppLine => l.kind === 'whatsapp' && l.number === number && !l.voiceLineId,
  );
  if (whatsapp && canShareNumber(whatsapp, stored).ok) {
    await workspace.putLine({ ...whatsapp, voiceLineId: stored.id });
  }
  return { ok: true, line: stored };
}

/**
 * R1, R6, R8: verifies the number with the provider (a refused verification
 * rejects with the provider's reason) and adds it as a WhatsApp line when it
 * is a Business number with calling; with `voiceLineId`, the same number is
 * also the voice line of that existing (SIP) line. Nothing is stored on a
 * refusal.
 */
export async function createWhatsAppLine(
  { workspace, provider, now, newId }: LineDeps,
  input: { number: string; voiceLineId?: string },
): Promise<
  | { ok: true; line: WhatsAppLine }
  | Refusal<
      | 'R1.notBusiness'
      | 'R1.callingOff'
      | 'R6.callingOff'
      | 'R6.notExistingLine'
      | 'R6.differentNumber'
      | 'line.notFound'
    >
> {
  const verified = await provider.verifyWhatsappNumber(input.number.trim());
  const checked = checkWhatsAppNumber(verified);
  if (!checked.ok) return checked;
  const line: WhatsAppLine = {
    id: newId(),
    kind: 'whatsapp',
    number: verified.number,
    displayName: verified.displayName,
    business: true,
    calling: verified.calling,
    callsEnabled: false,
    createdAt: now(),
  };
  if (input.voiceLineId) {
    const voice = await findLine(workspace, input.voiceLineId);
    if (!voice) {
      return { ok: false, code: 'line.notFound', message: 'The voice line no longer exists.' };
    }
    const shared = canShareNumber(line, voice);
    if (!shared.ok) return shared;
    line.voiceLineId = voice.id;
  }
  return { ok: true, line: (await workspace.putLine(line)) as WhatsAppLine };
}

/**
 * R2: switches WhatsApp calls on the line on or off. Switching on is
 * refused while the number's calling is off or the checklist is incomplete
 * (the refusal lists what is missing).
 */
export async function setWhatsAppCalls(
  { workspace }: Pick<LineDeps, 'workspace'>,
  input: CallingContext & { lineId: string },
  enabled: boolean,
): Promise<{ ok: true } | Exclude<ReturnType<typeof canEnableWhatsAppCalls>, { ok: true }>> {
  const line = await findLine(workspace, input.lineId);
  if (line?.kind !== 'whatsapp') return { ok: true };
  if (enabled) {
    const reception = input.callbots.find((c) => c.id === line.callbotId);
    const verdict = canEnableWhatsAppCalls({ line, teams: input.teams, reception });
    if (!verdict.ok) return verdict;
  }
  if (line.callsEnabled !== enabled) {
    const { callsTurnedOff: _cleared, ...rest } = line;
    await workspace.putLine(
      enabled ? { ...rest, callsEnabled: true } : { ...line, callsEnabled: false },
    );
  }
  return { ok: true };
}

/** What R2's checklist reads besides the line: the teams, and the callbots with their flows. */
export interface CallingContext {
  teams: readonly Team[];
  callbots: readonly ChecklistCallbot[];
}
