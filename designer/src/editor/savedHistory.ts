import type { FlowHistory, HistoryStep } from '../persistence/index.ts';
import { commands, type CommandName } from './commands.ts';
import type { EditorState, HistoryEntry } from './store.ts';

const isCommand = (name: string): name is CommandName => Object.hasOwn(commands, name);

/** The editor's undo and redo steps as the flow keeps them: each command's name and its document. */
export function historyToStore(state: Pick<EditorState, 'past' | 'future'>): FlowHistory {
  const step = ({ name, doc }: HistoryEntry): HistoryStep => ({ name, doc });
  return { past: state.past.map(step), future: state.future.map(step) };
}

/**
 * Steps read back into history entries, named by today's commands. A step
 * of a command this designer no longer has cuts the history there, as an
 * unreadable one does: undo never jumps over a step it cannot name.
 */
export function historyFromStore(history: FlowHistory<HistoryStep> | undefined): {
  past: HistoryEntry[];
  future: HistoryEntry[];
} {
  const entry = ({ name, doc }: HistoryStep): HistoryEntry | null =>
    isCommand(name) ? { name, label: commands[name].label, doc } : null;
  const past: HistoryEntry[] = [];
  for (const step of history?.past ?? []) {
    const read = entry(step);
    if (read) past.push(read);
    else past.length = 0;
  }
  const future: HistoryEntry[] = [];
  for (const step of history?.future ?? []) {
    const read = entry(step);
    if (!read) break;
    future.push(read);
  }
  return { past, future };
}
