/** One message of the conversation an AI agent node holds with the caller. */
export interface AgentMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** What an agent is asked for each turn. */
export interface AgentTurnRequest {
  /** The aiAgent node. */
  node: string;
  /** The node's instructions (the system prompt). */
  instructions: string;
  /** The endpoint name the node chose (the embedding code maps it). */
  endpoint: string;
  /** The conversation so far, oldest first; empty for the opening turn. */
  messages: AgentMessage[];
}

/** An agent's turn: what to say, and whether the conversation ends. */
export interface AgentTurn {
  text: string;
  /** The caller is served: take the node's `done` port after saying `text`. */
  done?: boolean;
  /** The caller wants a person: take the node's `transfer` port after saying `text`. */
  transfer?: boolean;
}

/**
 * Plugs a language model into aiAgent nodes: a function from the
 * conversation to the agent's next turn. See `openAiChatAgent` for any
 * OpenAI-compatible chat-completions endpoint.
 */
export type AgentAdapter = (request: AgentTurnRequest) => AgentTurn | Promise<AgentTurn>;
