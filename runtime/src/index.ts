/**
 * @callbot/runtime: runs callbot flows against call events, in Node or in
 * the browser. The call protocol, its public contract, is docs/call-protocol.md.
 */
export type { AgentAdapter, AgentMessage, AgentTurn, AgentTurnRequest } from './agents/adapter.ts';
export {
  AgentError,
  DEFAULT_MAX_TOKENS,
  openAiChatAgent,
  type FetchLike,
  type OpenAiChatAgentOptions,
} from './agents/openAiChatAgent.ts';
export type { Clock } from './clock/clock.ts';
export { realClock } from './clock/realClock.ts';
export { VirtualClock } from './clock/virtualClock.ts';
export { defaultCallbot, type DefaultCallbotOptions } from './defaultCallbot.ts';
export { examples } from './examples.ts';
export type * from './protocol.ts';
export {
  createCallSession,
  DEFAULT_LIMITS,
  machineFingerprint,
  restoreCallSession,
  SessionError,
  type AgentDirectory,
  type CallSession,
  type CallSessionOptions,
  type PersistedCall,
  type RunnableFlow,
  type SessionLimits,
  type SessionSnapshot,
} from './session/session.ts';
export { AGENT_MEMORY } from './session/agentTurns.ts';
export { scriptSchema, type Script, type ScriptInput, type ScriptStep } from './simulate/script.ts';
export { simulateCall, type SimulateOptions, type SimulationResult } from './simulate/simulate.ts';
export {
  createSimulatedCall,
  type SimulatedCall,
  type SimulatedCallSetup,
  type SimulatedInput,
  type SimulatedSnapshot,
} from './simulate/simulatedCall.ts';
export {
  DEFAULT_WORDS_PER_MINUTE,
  inputLabel,
  playedInOrder,
  timelineOf,
  type Span,
  type TimelineData,
} from './timeline.ts';
