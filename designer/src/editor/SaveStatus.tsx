import type { AutosaveState } from '../persistence/index.ts';

const text: Record<AutosaveState['status'], string> = {
  saved: 'Saved',
  saving: 'Saving…',
  error: 'Not saved',
  conflict: 'Not saved: changed in another tab',
};

/** Whether the last edit is safely stored; a storage error is shown, never swallowed. */
export function SaveStatus({ state }: { state: AutosaveState }) {
  return (
    <span className={`save-status save-status--${state.status}`} role="status">
      {text[state.status]}
      {state.status === 'error' && state.error && (
        <span className="save-status__why">
          {' '}
          ({state.error.message} Your edits are kept in this tab.)
        </span>
      )}
      {state.status === 'conflict' && (
        <span className="save-status__why">
          {' '}
          Reload to see the other tab’s version; your edits here are kept until you do.
        </span>
      )}
    </span>
  );
}
