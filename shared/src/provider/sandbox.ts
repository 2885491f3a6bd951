/**
 * The sandbox provider's rules, written once for the designer's in-browser
 * sandbox (MSW handlers) and the callbot server's (an in-process adapter):
 * the countries and numbers it offers (seeded), which numbers fail and how,
 * how long each stage lasts, and the API's views of its records at a time.
 * Pure: every time is given (epoch ms).
 */
import type {
  AvailableNumber,
  NumberOrder,
  NumberType,
  PermissionRequest,
  ProviderCall,
  ProviderCountry,
  SipCheck,
  VerificationRefusal,
} from '../api/provider.ts';

/** How long each stage lasts, in the sandbox's time. */
export const sandboxTimings = {
  /** An order is `requested` this long, then `in_process`… */
  orderInProcessAfterMs: 3_000,
  /** …then `active` (or `failed`) from this long after it was placed. */
  orderDoneAfterMs: 10_000,
  /** A WhatsApp call rings this long before it is answered or not. */
  callRingMs: 4_000,
  /** The customer answers the invitation template after this long. */
  permissionAnswerAfterMs: 5_000,
} as const;

/** A block of numbers a country offers: its type, place, prefix and national length. */
interface NumberRange {
  type: NumberType;
  locality: string;
  prefix: string;
  nationalDigits: number;
}

const local = (locality: string, prefix: string, nationalDigits: number): NumberRange => ({
  type: 'local',
  locality,
  prefix,
  nationalDigits,
});

export const sandboxCountries: (ProviderCountry & { ranges: NumberRange[] })[] = [
  {
    code: 'BR',
    name: 'Brazil',
    callingCode: '+55',
    monthlyPrice: { amount: 2_500, currency: 'BRL' },
    numberTypes: ['local', 'tollfree', 'mobile'],
    ranges: [
      local('São Paulo', '113', 10),
      local('Rio de Janeiro', '213', 10),
      local('Belo Horizonte', '313', 10),
      local('Porto Alegre', '513', 10),
      { type: 'tollfree', locality: 'Toll free', prefix: '800', nationalDigits: 10 },
      { type: 'mobile', locality: 'São Paulo', prefix: '119', nationalDigits: 11 },
    ],
  },
  {
    code: 'MX',
    name: 'Mexico',
    callingCode: '+52',
    monthlyPrice: { amount: 9_900, currency: 'MXN' },
    numberTypes: ['local', 'tollfree'],
    ranges: [
      local('Ciudad de México', '55', 10),
      local('Guadalajara', '33', 10),
      local('Monterrey', '81', 10),
      { type: 'tollfree', locality: 'Toll free', prefix: '800', nationalDigits: 10 },
    ],
  },
  {
    code: 'US',
    name: 'United States',
    callingCode: '+1',
    monthlyPrice: { amount: 115, currency: 'USD' },
    numberTypes: ['local', 'tollfree'],
    ranges: [
      local('New York, NY', '212', 10),
      local('San Francisco, CA', '415', 10),
      local('Chicago, IL', '312', 10),
      { type: 'tollfree', locality: 'Toll free', prefix: '888', nationalDigits: 10 },
    ],
  },
  {
    code: 'AR',
    name: 'Argentina',
    callingCode: '+54',
    monthlyPrice: { amount: 450_000, currency: 'ARS' },
    numberTypes: ['local'],
    ranges: [local('Buenos Aires', '11', 10), local('Córdoba', '351', 10)],
  },
  {
    code: 'CO',
    name: 'Colombia',
    callingCode: '+57',
    monthlyPrice: { amount: 1_800_000, currency: 'COP' },
    numberTypes: ['local'],
    ranges: [local('Bogotá', '601', 10), local('Medellín', '604', 10)],
  },
  {
    code: 'ES',
    name: 'Spain',
    callingCode: '+34',
    monthlyPrice: { amount: 300, currency: 'EUR' },
    numberTypes: ['local'],
    ranges: [local('Madrid', '91', 9), local('Barcelona', '93', 9)],
  },
];

/** mulberry32: a small seeded generator, so the same seed offers the same numbers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** How many numbers each country offers. */
const NUMBERS_PER_COUNTRY = 40;

/**
 * Numbers ending in 00 are bought by someone else between listing and
 * ordering (409 `number_taken`); numbers ending in 99 are ordered, then the
 * order fails. Every country's first page holds one of each (3rd and 5th).
 */
export const isTakenOnOrder = (number: string) => number.endsWith('00');
export const failsOnOrder = (number: string) => number.endsWith('99');

export function generateNumbers(seed: number): AvailableNumber[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => pick([...'0123456789'])).join('');
  const all: AvailableNumber[] = [];
  for (const c of sandboxCountries) {
    const made = new Set<string>();
    while (made.size < NUMBERS_PER_COUNTRY) {
      const i = made.size;
      // The first page starts with local numbers, whatever the country.
      const range = pick(i < 6 ? c.ranges.filter((r) => r.type === 'local') : c.ranges);
      let ending = digits(2);
      if (i === 2) ending = '00';
      else if (i === 4) ending = '99';
      else while (ending === '00' || ending === '99') ending = digits(2);
      const national =
        range.prefix + digits(range.nationalDigits - range.prefix.length - 2) + ending;
      const number = c.callingCode + national;
      if (made.has(number)) continue;
      made.add(number);
      all.push({
        number,
        country: c.code,
        locality: range.locality,
        type: range.type,
        capabilities: ['voice'],
      });
    }
  }
  return all;
}

/**
 * WhatsApp verification by the number's last digit: 1 a personal account,
 * 2 a business account without calling, 3 not on WhatsApp; any other digit is
 * a WhatsApp Business account with calling.
 */
export function whatsappAccountOf(
  number: string,
): { refused: VerificationRefusal } | { displayName: string } {
  const last = number.at(-1);
  if (last === '1') return { refused: 'personal_account' };
  if (last === '2') return { refused: 'calling_not_enabled' };
  if (last === '3') return { refused: 'not_on_whatsapp' };
  const names = ['Acme Atendimento', 'Clínica Bem Estar', 'Loja Central', 'Banco Horizonte'];
  return { displayName: names[Number(number.slice(-2)) % names.length]! };
}

/**
 * A WhatsApp call's outcome by the called number's last digit: 0 is not
 * answered, 9 fails (`unreachable`); any other is answered.
 */
export function callOutcomeOf(to: string): 'answered' | 'unanswered' | 'failed' {
  const last = to.at(-1);
  return last === '0' ? 'unanswered' : last === '9' ? 'failed' : 'answered';
}

/** The customer declines the invitation template when their number ends in 8; accepts otherwise. */
export const permissionAnswerOf = (to: string): 'accepted' | 'declined' =>
  to.endsWith('8') ? 'declined' : 'accepted';

/** The sandbox's record of an order, a call and a permission request. */
export interface SandboxOrder {
  orderId: string;
  number: string;
  country: string;
  createdAt: number;
}
export interface SandboxCall {
  callId: string;
  from: string;
  to: string;
  startedAt: number;
}
export interface SandboxPermissionRequest {
  requestId: string;
  from: string;
  to: string;
  sentAt: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function orderView(order: SandboxOrder, now: number): NumberOrder {
  const age = now - order.createdAt;
  const done = age >= sandboxTimings.orderDoneAfterMs;
  const failed = done && failsOnOrder(order.number);
  const status: NumberOrder['status'] = done
    ? failed
      ? 'failed'
      : 'active'
    : age >= sandboxTimings.orderInProcessAfterMs
      ? 'in_process'
      : 'requested';
  const updatedAt = done
    ? order.createdAt + sandboxTimings.orderDoneAfterMs
    : status === 'in_process'
      ? order.createdAt + sandboxTimings.orderInProcessAfterMs
      : order.createdAt;
  return {
    orderId: order.orderId,
    number: order.number,
    country: order.country,
    status,
    createdAt: iso(order.createdAt),
    updatedAt: iso(updatedAt),
    failureReason: failed ? 'regulatory_rejected' : null,
  };
}

export function callView(call: SandboxCall, now: number): ProviderCall {
  const ended = now - call.startedAt >= sandboxTimings.callRingMs;
  const outcome = callOutcomeOf(call.to);
  return {
    callId: call.callId,
    from: call.from,
    to: call.to,
    status: ended ? outcome : 'ringing',
    startedAt: iso(call.startedAt),
    endedAt: ended ? iso(call.startedAt + sandboxTimings.callRingMs) : null,
    failureReason: ended && outcome === 'failed' ? 'unreachable' : null,
  };
}

export function permissionView(request: SandboxPermissionRequest, now: number): PermissionRequest {
  const answered = now - request.sentAt >= sandboxTimings.permissionAnswerAfterMs;
  return {
    requestId: request.requestId,
    from: request.from,
    to: request.to,
    template: { name: 'call_permission_request', language: 'pt_BR' },
    status: answered ? permissionAnswerOf(request.to) : 'sent',
    sentAt: iso(request.sentAt),
    answeredAt: answered ? iso(request.sentAt + sandboxTimings.permissionAnswerAfterMs) : null,
  };
}

/**
 * SIP reachability by host: `.invalid` hosts are not found, hosts with
 * "unreachable" in their name time out, private addresses (10/8, 172.16/12,
 * 192.168/16, localhost) are refused; any other host answers.
 */
export function sipCheckOf(host: string, random: () => number): SipCheck {
  const h = host.toLowerCase();
  if (h.endsWith('.invalid')) return { reachable: false, reason: 'dns_not_found' };
  if (h.includes('unreachable')) return { reachable: false, reason: 'timeout' };
  if (h === 'localhost' || /^(10\.|192\.168\.|127\.|172\.(1[6-9]|2\d|3[01])\.)/.test(h)) {
    return { reachable: false, reason: 'private_address' };
  }
  return { reachable: true, latencyMs: 20 + Math.floor(random() * 120) };
}
