import { describe, it, expect } from 'vitest';
import type { AgentTurnRequest } from './adapter.ts';
import {
  AgentError,
  DEFAULT_MAX_TOKENS,
  openAiChatAgent,
  type FetchLike,
} from './openAiChatAgent.ts';

const URL = 'https://llm.example.test/v1/chat/completions';
const KEY = 'sk-test-very-secret-key-123';

type Init = Parameters<FetchLike>[1];

interface SentRequest {
  url: string;
  init: Init;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    tools: { type: string; function: { name: string; parameters: unknown } }[];
    tool_choice: string;
    temperature?: number;
    max_tokens?: number;
  };
}

/** A fetch that records each request and answers with `status` and `body`. */
function fakeFetch(answer: { status?: number; body: string } | (() => Promise<never>)) {
  const requests: SentRequest[] = [];
  const fetch: FetchLike = (url, init) => {
    requests.push({ url, init, body: JSON.parse(init.body) as SentRequest['body'] });
    if (typeof answer === 'function') return answer();
    const status = answer.status ?? 200;
    return Promise.resolve({
      ok: status >= 200 && status < 300,
      status,
      text: () => Promise.resolve(answer.body),
    });
  };
  return { fetch, requests };
}

/** A chat-completions body with one choice holding `message`. */
function completion(message: Record<string, unknown>): { body: string } {
  return {
    body: JSON.stringify({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    }),
  };
}

function toolCall(name: string, args: string) {
  return { id: `call_${name}`, type: 'function', function: { name, arguments: args } };
}

const request = (messages: AgentTurnRequest['messages'] = []): AgentTurnRequest => ({
  node: 'agent-1',
  instructions: 'You take pizza orders for Pizzaria Bella.',
  endpoint: 'openai',
  messages,
});

/** Runs one turn and returns the AgentError it must reject with. */
async function failure(fetch: FetchLike, apiKey: string | undefined = KEY): Promise<AgentError> {
  const agent = openAiChatAgent({ url: URL, model: 'm', fetch, ...(apiKey ? { apiKey } : {}) });
  const error: unknown = await Promise.resolve(agent(request())).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgentError);
  return error as AgentError;
}

describe('openAiChatAgent request', () => {
  it('posts the model, the system prompt, the history in order and both tools', async () => {
    const { fetch, requests } = fakeFetch(completion({ content: 'Anything else?' }));
    const agent = openAiChatAgent({
      url: URL,
      model: 'gpt-4o-mini',
      apiKey: KEY,
      fetch,
      temperature: 0.3,
      maxTokens: 150,
    });

    await agent(
      request([
        { role: 'assistant', content: 'Hello, Pizzaria Bella!' },
        { role: 'user', content: 'One margherita, please.' },
        { role: 'assistant', content: 'Large or medium?' },
        { role: 'user', content: 'Large.' },
      ]),
    );

    expect(requests).toHaveLength(1);
    const [sent] = requests;
    expect(sent!.url).toBe(URL);
    expect(sent!.init.method).toBe('POST');
    expect(sent!.init.headers).toEqual({
      'content-type': 'application/json',
      authorization: `Bearer ${KEY}`,
    });
    const { body } = sent!;
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.temperature).toBe(0.3);
    expect(body.max_tokens).toBe(150);
    expect(body.tool_choice).toBe('auto');

    expect(body.messages[0]!.role).toBe('system');
    const system = body.messages[0]!.content;
    expect(system).toContain('You take pizza orders for Pizzaria Bella.');
    expect(system).toContain('finish_call');
    expect(system).toContain('transfer_to_human');
    expect(system).toMatch(/markdown/);
    expect(body.messages.slice(1)).toEqual([
      { role: 'assistant', content: 'Hello, Pizzaria Bella!' },
      { role: 'user', content: 'One margherita, please.' },
      { role: 'assistant', content: 'Large or medium?' },
      { role: 'user', content: 'Large.' },
    ]);

    expect(body.tools.map((t) => [t.type, t.function.name])).toEqual([
      ['function', 'finish_call'],
      ['function', 'transfer_to_human'],
    ]);
    expect(body.tools[0]!.function.parameters).toMatchObject({
      type: 'object',
      properties: { farewell: { type: 'string' } },
    });
    expect(body.tools[1]!.function.parameters).toMatchObject({
      type: 'object',
      properties: { message: { type: 'string' } },
    });
  });

  it('sends no authorization header nor temperature when not given, and a bounded max_tokens', async () => {
    const { fetch, requests } = fakeFetch(completion({ content: 'Hi!' }));
    await openAiChatAgent({ url: URL, model: 'llama3.1', fetch })(request());

    const [sent] = requests;
    expect(sent!.init.headers).toEqual({ 'content-type': 'application/json' });
    expect(sent!.body).not.toHaveProperty('temperature');
    // A model is never left to talk without limit: a turn stays far below what a session takes.
    expect(sent!.body.max_tokens).toBe(DEFAULT_MAX_TOKENS);
  });

  it('asks for a greeting on the opening turn with a bracketed user note', async () => {
    const { fetch, requests } = fakeFetch(completion({ content: 'Hi!' }));
    await openAiChatAgent({ url: URL, model: 'm', fetch })(request([]));

    const { messages } = requests[0]!.body;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[1]!.content).toMatch(/^\(.*connected.*greet.*\)$/i);
  });

  it('does not add the opening note once the conversation has started', async () => {
    const { fetch, requests } = fakeFetch(completion({ content: 'Sure.' }));
    await openAiChatAgent({ url: URL, model: 'm', fetch })(
      request([
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'Hi' },
      ]),
    );

    expect(requests[0]!.body.messages.some((m) => /connected/i.test(m.content))).toBe(false);
    expect(requests[0]!.body.messages).toHaveLength(3);
  });

  it('uses globalThis.fetch when none is injected', async () => {
    const { fetch, requests } = fakeFetch(completion({ content: 'Hi!' }));
    const global = globalThis as { fetch?: unknown };
    const original = global.fetch;
    global.fetch = fetch;
    try {
      const turn = await openAiChatAgent({ url: URL, model: 'm' })(request());
      expect(turn).toEqual({ text: 'Hi!' });
      expect(requests).toHaveLength(1);
    } finally {
      global.fetch = original;
    }
  });
});

describe('openAiChatAgent reply', () => {
  const turnFor = async (message: Record<string, unknown>) => {
    const { fetch } = fakeFetch(completion(message));
    return openAiChatAgent({ url: URL, model: 'm', fetch })(request());
  };

  it('returns a plain reply as text, without done or transfer', async () => {
    expect(await turnFor({ content: '  Large or medium?  ' })).toEqual({
      text: 'Large or medium?',
    });
  });

  it('ends with done on finish_call, speaking the farewell when content is null', async () => {
    expect(
      await turnFor({
        content: null,
        tool_calls: [toolCall('finish_call', '{"farewell":"Thanks, bye!"}')],
      }),
    ).toEqual({ text: 'Thanks, bye!', done: true });
  });

  it('prefers the content over the farewell argument when both are given', async () => {
    expect(
      await turnFor({
        content: 'Your pizza is on its way. Goodbye!',
        tool_calls: [toolCall('finish_call', '{"farewell":"Bye!"}')],
      }),
    ).toEqual({ text: 'Your pizza is on its way. Goodbye!', done: true });
  });

  it('ends with transfer on transfer_to_human, speaking its message', async () => {
    expect(
      await turnFor({
        content: '',
        tool_calls: [toolCall('transfer_to_human', '{"message":"Putting you through now."}')],
      }),
    ).toEqual({ text: 'Putting you through now.', transfer: true });
  });

  it('lets transfer_to_human win when both tools are called', async () => {
    expect(
      await turnFor({
        content: null,
        tool_calls: [
          toolCall('finish_call', '{"farewell":"Bye!"}'),
          toolCall('transfer_to_human', '{"message":"One moment, a colleague will help."}'),
        ],
      }),
    ).toEqual({ text: 'One moment, a colleague will help.', transfer: true });
  });

  it('accepts the legacy function_call field', async () => {
    expect(
      await turnFor({
        content: null,
        function_call: { name: 'finish_call', arguments: '{"farewell":"Have a nice day."}' },
      }),
    ).toEqual({ text: 'Have a nice day.', done: true });
  });

  it('tolerates tool arguments that are not valid JSON', async () => {
    expect(
      await turnFor({
        content: null,
        tool_calls: [toolCall('transfer_to_human', '{"message": "unterminated')],
      }),
    ).toEqual({ text: '', transfer: true });
    expect(
      await turnFor({
        content: 'Goodbye!',
        tool_calls: [toolCall('finish_call', 'not json at all')],
      }),
    ).toEqual({ text: 'Goodbye!', done: true });
  });

  it('ignores tools it did not offer', async () => {
    expect(
      await turnFor({
        content: 'Let me check.',
        tool_calls: [toolCall('lookup_order', '{"id":1}')],
      }),
    ).toEqual({ text: 'Let me check.' });
  });
});

describe('openAiChatAgent failures', () => {
  it('turns an HTTP error into an AgentError with URL, status and body, never the key', async () => {
    const body = JSON.stringify({
      error: {
        message: `Incorrect API key provided: ${KEY}. You can find your API key at https://platform.example.test.`,
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      },
    });
    const error = await failure(fakeFetch({ status: 401, body }).fetch);

    expect(error.status).toBe(401);
    expect(error.url).toBe(URL);
    expect(error.message).toContain(URL);
    expect(error.message).toContain('401');
    expect(error.message).toContain('Incorrect API key provided');
    expect(error.message).not.toContain(KEY);
    expect(error.message).not.toContain(KEY.slice(0, 12));
  });

  it('shows at most 200 characters of a long error body', async () => {
    const error = await failure(fakeFetch({ status: 500, body: 'x'.repeat(5000) }).fetch);

    expect(error.message).toContain('500');
    expect(error.message).toContain('x'.repeat(200));
    expect(error.message).not.toContain('x'.repeat(201));
  });

  it('turns a network failure into an AgentError naming the URL', async () => {
    const error = await failure(
      fakeFetch(() => Promise.reject(new TypeError('fetch failed: ECONNREFUSED'))).fetch,
    );

    expect(error.status).toBeUndefined();
    expect(error.message).toContain(URL);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('turns a body that is not JSON into an AgentError', async () => {
    const error = await failure(fakeFetch({ body: '<html>Bad gateway</html>' }).fetch);

    expect(error.status).toBe(200);
    expect(error.message).toContain(URL);
    expect(error.message).toMatch(/not JSON/);
    expect(error.message).toContain('<html>Bad gateway</html>');
  });

  it('turns a response without choices into an AgentError', async () => {
    const missing = await failure(fakeFetch({ body: JSON.stringify({ id: 'x' }) }).fetch);
    expect(missing.message).toContain(URL);
    expect(missing.message).toContain('choices');

    const empty = await failure(fakeFetch({ body: JSON.stringify({ choices: [] }) }).fetch);
    expect(empty.message).toContain('choices');
  });

  it('throws an AgentError at call time when there is no fetch at all', async () => {
    const global = globalThis as { fetch?: unknown };
    const original = global.fetch;
    delete global.fetch;
    try {
      const agent = openAiChatAgent({ url: URL, model: 'm' });
      await expect(Promise.resolve(agent(request()))).rejects.toThrow(AgentError);
      await expect(Promise.resolve(agent(request()))).rejects.toThrow(/fetch/);
    } finally {
      global.fetch = original;
    }
  });
});
