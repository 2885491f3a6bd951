/**
 * The sandbox provider on the server: the provider adapter in-process, with
 * the designer's sandbox rules (`@callbot/shared`: the seeded numbers, which
 * numbers fail and how, how long each stage takes). Nothing leaves the
 * process, so `npm start` works with nothing set up. Time is the injected
 * clock's; what a real provider reports later by webhook (an order's
 * progress, the customer's reply to the invitation, a call's end) the
 * sandbox schedules at its time and delivers as `ProviderEvent`s to
 * `deliver`, the same path the webhooks take. Tests drive it: a manual
 * scheduler (`manualScheduler`) runs what is due, and `reply` makes a
 * customer answer at once (accept, decline, withdraw, switch).
 *
 * State is kept in memory per workspace. With a `store`, the sandbox's
 * account (its number orders, the counter its ids come from and the WhatsApp
 * numbers it verified) is kept in the database too, and a restart resumes it (`ready`): an order still in
 * progress gets its events when due (or at once when that time passed while
 * the server was down), and new ids never repeat old ones. Calls and
 * invitations in flight are not resumed (they last seconds).
 */
import {
  callOutcomeOf,
  callView,
  failsOnOrder,
  generateNumbers,
  isTakenOnOrder,
  numberTypes,
  orderView,
  permissionAnswerOf,
  permissionView,
  sandboxCountries,
  sandboxTimings,
  seededRandom,
  sipCheckOf,
  whatsappAccountOf,
  type AvailableNumber,
  type CustomerReply,
  type SandboxCall,
  type SandboxOrder,
  type SandboxPermissionRequest,
} from '@callbot/shared';
import { ProviderFailure, type ProviderAdapter, type ProviderEvent } from './adapter.ts';
import type { SandboxStore } from './sandboxStore.ts';

/** Runs `run` at `at` (epoch ms, the sandbox's clock). */
export type Scheduler = (at: number, run: () => Promise<void>) => void;

/** The wall clock's scheduler: a timer per event, never holding the process open. */
export const timerScheduler =
  (now: () => number): Scheduler =>
  (at, run) => {
    setTimeout(() => void run(), Math.max(0, at - now())).unref();
  };

/** A scheduler for tests: nothing runs until `runDue(now)`, which runs what is due by then, one after the other. */
export interface ManualScheduler extends Scheduler {
  /** Runs what is due at `now`, in time order; resolves with how many ran. */
  runDue(now: number): Promise<number>;
}

export function manualScheduler(): ManualScheduler {
  const queue: { at: number; seq: number; run: () => Promise<void> }[] = [];
  let seq = 0;
  const schedule: Scheduler = (at, run) => {
    queue.push({ at, seq: seq++, run });
  };
  return Object.assign(schedule, {
    async runDue(now: number) {
      let ran = 0;
      for (;;) {
        queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
        if (!queue[0] || queue[0].at > now) return ran;
        await queue.shift()!.run();
        ran++;
      }
    },
  });
}

export interface SandboxProviderOptions {
  now: () => number;
  schedule: Scheduler;
  /** Where the sandbox's events go: the server applies them as it applies webhooks. */
  deliver: (ws: string, event: ProviderEvent) => Promise<void>;
  /** Makes the offered numbers (the designer's default, 6). */
  seed?: number;
  /** Where a failed delivery is told. */
  log?: (line: string) => void;
  /** Where the sandbox's account is kept across restarts (none: in memory only). */
  store?: SandboxStore;
}

interface WorkspaceSandbox {
  counter: number;
  taken: Set<string>;
  orders: SandboxOrder[];
  released: Set<string>;
  verified: Map<string, string>;
  calls: SandboxCall[];
  requests: SandboxPermissionRequest[];
  /** Requests the customer was made to answer (`reply`) before the sandbox's own answer. */
  answered: Set<string>;
}

export interface SandboxProvider {
  /** The adapter of one workspace (each workspace has its own orders, lines and calls). */
  forWorkspace(ws: string): ProviderAdapter;
  /**
   * The customer `number` answers at the provider now, as a workspace's test
   * or demo wants: delivered like any provider event.
   */
  reply(ws: string, number: string, reply: CustomerReply): Promise<void>;
  /** Resolves once the stored account is resumed (at once without a `store`); the adapters wait for it. */
  readonly ready: Promise<void>;
}

export function createSandboxProvider(options: SandboxProviderOptions): SandboxProvider {
  const { now, schedule, store } = options;
  const log = options.log ?? (() => {});
  const numbers = generateNumbers(options.seed ?? 6);
  const workspaces = new Map<string, WorkspaceSandbox>();

  const stateOf = (ws: string): WorkspaceSandbox => {
    let state = workspaces.get(ws);
    if (!state) {
      state = {
        counter: 0,
        taken: new Set(),
        orders: [],
        released: new Set(),
        verified: new Map(),
        calls: [],
        requests: [],
        answered: new Set(),
      };
      workspaces.set(ws, state);
    }
    return state;
  };

  function deliverAt(ws: string, at: number, event: ProviderEvent): void;
  function deliverAt(ws: string, at: number, still: () => boolean, event: ProviderEvent): void;
  function deliverAt(
    ws: string,
    at: number,
    ...rest: [ProviderEvent] | [() => boolean, ProviderEvent]
  ): void {
    const [still, event] = rest.length === 1 ? [() => true, rest[0]] : rest;
    schedule(at, async () => {
      if (!still()) return;
      try {
        await options.deliver(ws, event);
        // An order's last event delivered: nothing of it is left to resume after a restart.
        if (event.type === 'order' && event.status !== 'in_process') {
          await store?.settleOrder(ws, event.orderId);
        }
      } catch (error) {
        log(`sandbox provider: an event was not applied: ${(error as Error).message}`);
      }
    });
  }

  /** An order's events from the provider: in process, then active or failed, each at its time. */
  function scheduleOrder(ws: string, order: SandboxOrder): void {
    const inProcessAt = order.createdAt + sandboxTimings.orderInProcessAfterMs;
    const doneAt = order.createdAt + sandboxTimings.orderDoneAfterMs;
    deliverAt(ws, inProcessAt, {
      id: `${order.orderId}:in_process`,
      type: 'order',
      orderId: order.orderId,
      status: 'in_process',
      failureReason: null,
      at: inProcessAt,
    });
    const failed = failsOnOrder(order.number);
    deliverAt(ws, doneAt, {
      id: `${order.orderId}:${failed ? 'failed' : 'active'}`,
      type: 'order',
      orderId: order.orderId,
      status: failed ? 'failed' : 'active',
      failureReason: failed ? 'regulatory_rejected' : null,
      at: doneAt,
    });
  }

  /** The stored accounts taken back; the orders not settled scheduled again (events apply once each). */
  async function resume(from: SandboxStore): Promise<void> {
    for (const account of await from.load()) {
      const state = stateOf(account.ws);
      state.counter = Math.max(state.counter, account.counter);
      for (const { number, displayName } of account.verified)
        state.verified.set(number, displayName);
      for (const { released, settled, ...order } of account.orders) {
        state.orders.push(order);
        if (released) state.released.add(order.orderId);
        if (!settled) scheduleOrder(account.ws, order);
      }
    }
  }
  const ready = store
    ? resume(store).catch((error: unknown) => {
        log(`sandbox provider: its stored orders were not resumed: ${(error as Error).message}`);
      })
    : Promise.resolve();

  function forWorkspace(ws: string): ProviderAdapter {
    const state = stateOf(ws);
    const nextId = (prefix: string) => `${prefix}_${String(++state.counter).padStart(6, '0')}`;
    /** The counter kept before an id it gave is used, so a restart never gives that id again. */
    const keepCounter = async () => {
      await store?.saveCounter(ws, state.counter);
    };
    const ownedOrder = (number: string) =>
      state.orders.find((o) => o.number === number && !state.released.has(o.orderId));
    const needVerified = (from: string) => {
      if (!state.verified.has(from)) {
        throw new ProviderFailure(
          'whatsapp_not_verified',
          `${from} is not a verified WhatsApp line.`,
        );
      }
    };

    return {
      kind: 'sandbox',
      listCountries: () =>
        Promise.resolve(
          sandboxCountries.map((c) => ({
            code: c.code,
            name: c.name,
            callingCode: c.callingCode,
            monthlyPrice: c.monthlyPrice,
            numberTypes: c.numberTypes,
          })),
        ),

      async searchNumbers(query) {
        await ready;
        const { country, contains = '', type } = query;
        const limit = query.limit ?? 20;
        const offset = Number(query.cursor ?? 0);
        if (!sandboxCountries.some((c) => c.code === country)) {
          throw new ProviderFailure(
            'invalid_request',
            `country: no numbers are sold in "${country}"`,
          );
        }
        if (!/^\d{0,15}$/.test(contains)) {
          throw new ProviderFailure('invalid_request', 'contains: digits only');
        }
        if (type !== undefined && !numberTypes.includes(type)) {
          throw new ProviderFailure('invalid_request', `type: one of ${numberTypes.join(', ')}`);
        }
        if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
          throw new ProviderFailure('invalid_request', 'limit: a whole number from 1 to 50');
        }
        if (!Number.isInteger(offset) || offset < 0) {
          throw new ProviderFailure('invalid_request', 'cursor: not a cursor this API gave');
        }
        const matching = numbers.filter(
          (n: AvailableNumber) =>
            n.country === country &&
            (type === undefined || n.type === type) &&
            n.number.slice(1).includes(contains) &&
            !state.taken.has(n.number) &&
            ownedOrder(n.number) === undefined,
        );
        return {
          numbers: matching.slice(offset, offset + limit),
          nextCursor: offset + limit < matching.length ? String(offset + limit) : null,
        };
      },

      async orderNumber({ country, number }) {
        await ready;
        const offered = numbers.find((n) => n.number === number && n.country === country);
        if (!offered) {
          throw new ProviderFailure(
            'not_found',
            `${number} is not a number offered in ${country}.`,
          );
        }
        if (state.taken.has(number) || ownedOrder(number) || isTakenOnOrder(number)) {
          if (ownedOrder(number) === undefined) state.taken.add(number);
          throw new ProviderFailure(
            'number_taken',
            `${number} was bought by someone else meanwhile.`,
          );
        }
        const order: SandboxOrder = { orderId: nextId('ord'), number, country, createdAt: now() };
        // Taken at once (a second order of the number is refused meanwhile), then kept.
        state.orders.push(order);
        try {
          await keepCounter();
          await store?.saveOrder(ws, order);
        } catch (error) {
          state.orders.splice(state.orders.indexOf(order), 1);
          throw error;
        }
        scheduleOrder(ws, order);
        return orderView(order, now());
      },

      async getOrder(orderId) {
        await ready;
        const order = state.orders.find((o) => o.orderId === orderId);
        if (!order) throw new ProviderFailure('not_found', `No order ${orderId}.`);
        return orderView(order, now());
      },

      async configureNumber({ number }) {
        await ready;
        const order = ownedOrder(number);
        if (!order)
          throw new ProviderFailure('not_found', `${number} is not a number of this account.`);
      },

      async releaseNumber(number) {
        await ready;
        const order = ownedOrder(number);
        const status = order && orderView(order, now()).status;
        if (!order || status === 'failed') {
          throw new ProviderFailure('not_found', `${number} is not a number of this account.`);
        }
        if (status !== 'active') {
          throw new ProviderFailure(
            'order_in_progress',
            `${number} cannot be released while its order is ${status === 'requested' ? 'requested' : 'in process'}.`,
          );
        }
        state.released.add(order.orderId);
        await store?.releaseOrder(ws, order.orderId);
      },

      async whatsappSender(number) {
        await ready;
        const account = whatsappAccountOf(number);
        if ('refused' in account) {
          const why = {
            personal_account: 'is a personal WhatsApp account, not WhatsApp Business',
            calling_not_enabled: 'is a WhatsApp Business account without calling enabled',
            not_on_whatsapp: 'is not on WhatsApp',
          }[account.refused];
          throw new ProviderFailure('verification_refused', `${number} ${why}.`, account.refused);
        }
        state.verified.set(number, account.displayName);
        await store?.saveVerified(ws, number, account.displayName);
        return { number, business: true, calling: true, displayName: account.displayName };
      },

      async requestCallPermission({ from, to }) {
        await ready;
        needVerified(from);
        const sent: SandboxPermissionRequest = {
          requestId: nextId('perm'),
          from,
          to,
          sentAt: now(),
        };
        await keepCounter();
        state.requests.push(sent);
        const answerAt = sent.sentAt + sandboxTimings.permissionAnswerAfterMs;
        // Unless the customer was made to answer first (`reply`): then theirs is the answer.
        deliverAt(ws, answerAt, () => !state.answered.has(sent.requestId), {
          id: `${sent.requestId}:answer`,
          type: 'permissionReply',
          customer: to,
          line: from,
          response: permissionAnswerOf(to) === 'accepted' ? 'accept' : 'reject',
          permanent: false,
          at: answerAt,
        });
        return permissionView(sent, now());
      },

      async placeWhatsappCall({ from, to }) {
        await ready;
        needVerified(from);
        const call: SandboxCall = { callId: nextId('call'), from, to, startedAt: now() };
        await keepCounter();
        state.calls.push(call);
        const endAt = call.startedAt + sandboxTimings.callRingMs;
        const outcome = callOutcomeOf(to);
        deliverAt(ws, endAt, {
          id: `${call.callId}:${outcome}`,
          type: 'callStatus',
          callId: call.callId,
          status: outcome,
          failureReason: outcome === 'failed' ? 'unreachable' : null,
          at: endAt,
        });
        return callView(call, now());
      },

      checkSip(target) {
        return Promise.resolve(sipCheckOf(target.host, seededRandom(target.port)));
      },
    };
  }

  async function reply(ws: string, number: string, answer: CustomerReply): Promise<void> {
    await ready;
    const state = stateOf(ws);
    const pending = state.requests.filter((r) => r.to === number);
    for (const request of pending) state.answered.add(request.requestId);
    const line = pending.at(-1)?.from ?? number;
    const at = now();
    const id = `reply_${String(++state.counter).padStart(6, '0')}`;
    await store?.saveCounter(ws, state.counter);
    await options.deliver(ws, {
      id,
      type: 'permissionReply',
      customer: number,
      line,
      response: answer === 'declined' || answer === 'revoked' ? 'reject' : 'accept',
      permanent: answer === 'accepted_always' || answer === 'switched_always',
      at,
    });
  }

  return { forWorkspace, reply, ready };
}
