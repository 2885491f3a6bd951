/**
 * The telephony provider as the server uses it, one interface for every
 * provider: the sandbox (`sandbox.ts`, in-process, what `npm start` uses
 * with nothing set up) and Twilio (`twilio.ts`, REST with the workspace's
 * account). Answers are the shapes of the provider API contract
 * (`@callbot/shared`'s `api/provider.ts`); refusals are `ProviderFailure`s
 * with that contract's error codes. What happens later (an order becoming
 * active, a customer's reply to the invitation, a call's end) comes back as
 * `ProviderEvent`s: the provider's signed webhooks, or the sandbox's own
 * deliveries, both applied by `events.ts`.
 */
import {
  providerErrorStatus,
  type ApiErrorCode,
  type AvailableNumbersPage,
  type AvailableNumbersQuery,
  type NumberOrder,
  type OrderStatus,
  type PermissionRequest,
  type ProviderCall,
  type ProviderCountry,
  type SipCheck,
  type SipTarget,
  type WhatsappVerification,
} from '@callbot/shared';

/** Where the provider sends a number's calls and what it reports about them. */
export interface VoiceUrls {
  /** The TwiML of an arriving call (`/voice/incoming`). */
  voiceUrl: string;
  /** Where a call's status changes are posted (`/voice/status`). */
  statusCallbackUrl: string;
}

export interface ProviderAdapter {
  readonly kind: 'sandbox' | 'twilio';
  listCountries(): Promise<ProviderCountry[]>;
  /** R4: numbers on sale now in a country. */
  searchNumbers(query: AvailableNumbersQuery): Promise<AvailableNumbersPage>;
  /** R4, R7: orders a number, its calls sent to `urls`; 409 `number_taken` when it went meanwhile. */
  orderNumber(input: { country: string; number: string } & VoiceUrls): Promise<NumberOrder>;
  /** The order as the provider has it now (the webhooks keep the server's copy up to date). */
  getOrder(orderId: string): Promise<NumberOrder>;
  /** Points a number the account holds at these URLs (voice webhooks). */
  configureNumber(input: { number: string } & VoiceUrls): Promise<void>;
  /** 409 `order_in_progress` while its order is requested or in process (R7). */
  releaseNumber(number: string): Promise<void>;
  /** R1: whether a WhatsApp sender is a Business account with calling on (422 with why not). */
  whatsappSender(number: string): Promise<WhatsappVerification>;
  /** R13: sends the call-permission request template from the line `from` to the customer `to`. */
  requestCallPermission(input: { from: string; to: string }): Promise<PermissionRequest>;
  /**
   * Places a business-initiated WhatsApp call from the line `from` to `to`;
   * the provider fetches `twimlUrl` for what to do and posts the call's
   * progress to `statusCallbackUrl`. Only after the rules allowed it.
   */
  placeWhatsappCall(input: {
    from: string;
    to: string;
    twimlUrl: string;
    statusCallbackUrl: string;
  }): Promise<ProviderCall>;
  checkSip(target: SipTarget): Promise<SipCheck>;
}

/** A provider's refusal or failure, with the contract's code (and HTTP status). */
export class ProviderFailure extends Error {
  override readonly name = 'ProviderFailure';
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
    this.status = providerErrorStatus[code];
  }

  /** The contract's error body. */
  body() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.reason && { reason: this.reason }),
      },
    };
  }
}

/**
 * What the provider reports later, normalised. `id` is the provider's own
 * id of the event (the same event delivered twice has the same id, and the
 * second changes nothing).
 */
export type ProviderEvent =
  /** R7: a number order moved on; `failureReason` on `failed`. */
  | {
      id: string;
      type: 'order';
      orderId: string;
      status: OrderStatus;
      failureReason: string | null;
      at: number;
    }
  /**
   * R13-R15: the customer `customer` answered the line `line`'s permission
   * request, or changed it later from the call icon: `accept` (for the
   * temporary period, or `permanent`) or `reject`. Whether that is an
   * acceptance, a decline, a withdrawal or a switch depends on the permission
   * it finds (as WhatsApp reports them: one kind of reply).
   */
  | {
      id: string;
      type: 'permissionReply';
      customer: string;
      line: string;
      response: 'accept' | 'reject';
      permanent: boolean;
      at: number;
    }
  /** A business-initiated call ended (or was answered). */
  | {
      id: string;
      type: 'callStatus';
      callId: string;
      status: 'answered' | 'unanswered' | 'failed';
      failureReason: string | null;
      at: number;
    };
