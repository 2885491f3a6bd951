/**
 * @callbot/runtime: runs compiled callbot flows against call events.
 * Call sessions, the call protocol and the CLI arrive with issue 3.
 */
export { examples } from './examples.ts';
