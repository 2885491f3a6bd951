import { z } from '@callbot/shared/zod';
import type { AgentAdapter, AgentTurn, AgentTurnRequest } from './adapter.ts';

/**
 * The part of WHATWG `fetch` this adapter uses. Node 20+ and browsers provide
 * it as `globalThis.fetch`; tests and special transports can inject their own.
 */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/** How to reach an OpenAI-compatible chat-completions endpoint. */
export interface OpenAiChatAgentOptions {
  /**
   * The full endpoint URL, e.g. `https://api.openai.com/v1/chat/completions`
   * or `http://localhost:11434/v1/chat/completions` for a local model.
   */
  url: string;
  /** The model name the endpoint knows, e.g. `gpt-4o-mini` or `llama3.1`. */
  model: string;
  /** Sent as `authorization: Bearer <apiKey>`; leave out for endpoints without auth. */
  apiKey?: string;
  /** Defaults to `globalThis.fetch`. Timeouts and cancellation belong here, if wanted. */
  fetch?: FetchLike;
  temperature?: number;
  /**
   * Sent as `max_tokens`; defaults to {@link DEFAULT_MAX_TOKENS}, so a model
   * that rambles is cut well before a turn outgrows what a session takes
   * (`MAX_AGENT_TEXT` characters).
   */
  maxTokens?: number;
}

/**
 * The `max_tokens` asked for unless `maxTokens` says otherwise: about 2,000
 * characters, a long spoken turn.
 *
 * @example
 * openAiChatAgent({ url, model, maxTokens: DEFAULT_MAX_TOKENS * 2 });
 */
export const DEFAULT_MAX_TOKENS = 500;

/**
 * The endpoint could not give an agent turn: it was unreachable, answered
 * with an error status, or answered something that is not a chat completion.
 * The message names the URL and, when there is one, the status and the start
 * of the body; it never contains the API key. A session that gets one writes
 * an `agent.error` line and takes the node's `transfer` port.
 *
 * @example
 * agent(request).catch((error) => {
 *   if (error instanceof AgentError && error.status === 401) alertOps('check the LLM key');
 * });
 */
export class AgentError extends Error {
  override readonly name = 'AgentError';
  /** The endpoint URL. */
  readonly url: string;
  /** The HTTP status, when the endpoint answered. */
  readonly status: number | undefined;

  constructor(message: string, details: { url: string; status?: number; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.url = details.url;
    this.status = details.status;
  }
}

/** The tool the model calls when the caller needs nothing more. */
export const FINISH_CALL_TOOL = 'finish_call';
/** The tool the model calls when the caller wants a person or it cannot help. */
export const TRANSFER_TO_HUMAN_TOOL = 'transfer_to_human';

const VOICE_CALL_GUIDANCE = [
  'You are talking with a caller on a phone call. Everything you write is read aloud by a',
  'text-to-speech voice, so answer in short spoken sentences, one idea at a time, with no',
  'markdown, lists, emoji, links or special symbols.',
  `When the caller needs nothing more, call the tool ${FINISH_CALL_TOOL} with a short farewell.`,
  `When the caller asks for a person, or you cannot help, call the tool ${TRANSFER_TO_HUMAN_TOOL}`,
  'with a short message saying they are being put through.',
].join(' ');

const OPENING_NOTE = '(The call has just been connected. Greet the caller.)';

const TOOLS = [
  {
    type: 'function',
    function: {
      name: FINISH_CALL_TOOL,
      description: 'End the call: the caller is served and needs nothing more.',
      parameters: {
        type: 'object',
        properties: {
          farewell: { type: 'string', description: 'What to say to the caller before hanging up.' },
        },
      },
    },
  },
  {
    type: 'function',
    function: {
      name: TRANSFER_TO_HUMAN_TOOL,
      description: 'Put the caller through to a person: they asked for one, or you cannot help.',
      parameters: {
        type: 'object',
        properties: {
          message: {
            type: 'string',
            description: 'What to say to the caller before the transfer.',
          },
        },
      },
    },
  },
] as const;

// Lenient: only what is read is checked, and extra fields pass through.
const functionCallSchema = z.object({
  name: z.string(),
  arguments: z.unknown().optional(),
});

const contentSchema = z
  .union([z.string(), z.array(z.object({ text: z.string().optional() }).loose())])
  .nullish();

const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: contentSchema,
          tool_calls: z.array(z.object({ function: functionCallSchema }).loose()).nullish(),
          function_call: functionCallSchema.nullish(),
        }),
      }),
    )
    .min(1),
});

type FunctionCall = z.infer<typeof functionCallSchema>;

const BODY_EXCERPT_CHARS = 200;

/**
 * An {@link AgentAdapter} for any OpenAI-compatible chat-completions endpoint
 * (OpenAI, Azure-style proxies, Ollama, vLLM, LM Studio, ...). Each turn posts
 * the node's instructions, a short note on speaking in a phone call and the
 * conversation so far, and offers the model two tools: `finish_call` (the
 * turn ends with `done`) and `transfer_to_human` (the turn ends with
 * `transfer`; it wins when both are called).
 *
 * Failures (unreachable endpoint, error status, an answer that is not a chat
 * completion) reject with an {@link AgentError}. There is no timeout: inject a
 * `fetch` that aborts if one is needed.
 *
 * @example
 * const agent = openAiChatAgent({
 *   url: 'https://api.openai.com/v1/chat/completions',
 *   model: 'gpt-4o-mini',
 *   apiKey: process.env.OPENAI_API_KEY,
 * });
 * const turn = await agent({
 *   node: 'agent-1',
 *   instructions: 'You take pizza orders for Pizzaria Bella.',
 *   endpoint: 'openai',
 *   messages: [],
 * });
 * // turn: { text: 'Hello, Pizzaria Bella! What would you like today?' }
 */
export function openAiChatAgent(options: OpenAiChatAgentOptions): AgentAdapter {
  const { url, apiKey } = options;
  const hide = (text: string): string => (apiKey ? text.split(apiKey).join('***') : text);
  const shownUrl = hide(url);

  return async (request: AgentTurnRequest): Promise<AgentTurn> => {
    const fetchFn = options.fetch ?? (globalThis as { fetch?: FetchLike }).fetch?.bind(globalThis);
    if (!fetchFn) {
      throw new AgentError(
        `No fetch available to call AI agent endpoint ${shownUrl}: pass the \`fetch\` option.`,
        { url: shownUrl },
      );
    }

    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (apiKey) headers.authorization = `Bearer ${apiKey}`;

    let response: Awaited<ReturnType<FetchLike>>;
    let body: string;
    try {
      response = await fetchFn(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(requestBody(options, request)),
      });
      body = await response.text();
    } catch (error) {
      throw new AgentError(
        `Could not reach AI agent endpoint ${shownUrl}: ${hide(errorText(error))}`,
        { url: shownUrl, cause: error },
      );
    }

    const status = response.status;
    const excerpt = (): string => bodyExcerpt(hide(body));
    if (!response.ok) {
      throw new AgentError(`AI agent endpoint ${shownUrl} answered HTTP ${status}: ${excerpt()}`, {
        url: shownUrl,
        status,
      });
    }

    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      throw new AgentError(
        `AI agent endpoint ${shownUrl} answered HTTP ${status} with a body that is not JSON: ${excerpt()}`,
        { url: shownUrl, status, cause: error },
      );
    }

    const parsed = completionSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
      throw new AgentError(
        `AI agent endpoint ${shownUrl} answered HTTP ${status} with no usable chat completion ` +
          `(${where}): ${excerpt()}`,
        { url: shownUrl, status, cause: parsed.error },
      );
    }

    const message = parsed.data.choices[0]!.message;
    return toTurn(contentText(message.content), [
      ...(message.tool_calls ?? []).map((call) => call.function),
      ...(message.function_call ? [message.function_call] : []),
    ]);
  };
}

function requestBody(options: OpenAiChatAgentOptions, request: AgentTurnRequest) {
  const instructions = request.instructions.trim();
  const messages: { role: 'system' | 'user' | 'assistant'; content: string }[] = [
    {
      role: 'system',
      content: instructions ? `${instructions}\n\n${VOICE_CALL_GUIDANCE}` : VOICE_CALL_GUIDANCE,
    },
    ...request.messages.map(({ role, content }) => ({ role, content })),
  ];
  // Some endpoints refuse a conversation with no user message.
  if (request.messages.length === 0) messages.push({ role: 'user', content: OPENING_NOTE });

  return {
    model: options.model,
    messages,
    tools: TOOLS,
    tool_choice: 'auto',
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    max_tokens: options.maxTokens ?? DEFAULT_MAX_TOKENS,
  };
}

function toTurn(content: string, calls: FunctionCall[]): AgentTurn {
  const transfer = calls.find((call) => call.name === TRANSFER_TO_HUMAN_TOOL);
  const finish = calls.find((call) => call.name === FINISH_CALL_TOOL);
  // The winning tool's own argument first, then whatever the other one said.
  const spoken =
    content ||
    argument(transfer, 'message') ||
    argument(finish, 'farewell') ||
    argument(transfer, 'farewell') ||
    argument(finish, 'message');

  if (transfer) return { text: spoken, transfer: true };
  if (finish) return { text: spoken, done: true };
  return { text: spoken };
}

/** A string argument of a tool call; arguments that are not valid JSON count as none. */
function argument(call: FunctionCall | undefined, key: string): string {
  if (!call) return '';
  let args = call.arguments;
  if (typeof args === 'string') {
    try {
      args = JSON.parse(args);
    } catch {
      return '';
    }
  }
  if (typeof args !== 'object' || args === null) return '';
  const value = (args as Record<string, unknown>)[key];
  return typeof value === 'string' ? value.trim() : '';
}

function contentText(content: z.infer<typeof contentSchema>): string {
  if (content == null) return '';
  if (typeof content === 'string') return content.trim();
  return content
    .map((part) => part.text ?? '')
    .join('')
    .trim();
}

function bodyExcerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (!flat) return '(empty body)';
  return flat.length > BODY_EXCERPT_CHARS ? `${flat.slice(0, BODY_EXCERPT_CHARS)}…` : flat;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
