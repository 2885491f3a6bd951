import type { EditorState, EditorStore } from './store.ts';

/** Mac keyboards use ⌘ where others use Ctrl. */
export type Platform = 'mac' | 'other';

/** One key press, as `KeyboardEvent.key` names it, with its modifiers. */
export interface KeyCombo {
  key: string;
  /** ⌘ on a Mac, Ctrl elsewhere. */
  mod?: boolean;
  /** Must Shift be held? `'any'` for keys typed with Shift on some layouts (`?`). */
  shift?: boolean | 'any';
}

/**
 * Does running the action change the undo history? (excalidraw's
 * `CaptureUpdateAction`.) `record`: it edits the flow, and undo takes it
 * back as one step; `never`: selection, clipboard, opening a dialog, or
 * moving in the history itself.
 */
export type CaptureUpdate = 'record' | 'never';

/**
 * What the page around the editor provides to actions that are not about
 * the document (opening a dialog, framing the canvas). Optional: an action
 * whose capability is missing does nothing. A feature adds its own member here.
 */
export interface PageCapabilities {
  /** Opens the keyboard shortcuts help. */
  openHelp?: () => void;
  /**
   * Lays the whole flow out again with the canvas's node sizes (one undoable
   * step) and frames it; the canvas provides it.
   */
  layOut?: () => void;
}

export interface ActionContext {
  store: EditorStore;
  page: PageCapabilities;
}

/**
 * One command of the editor, as the toolbar, menus, shortcuts and tests run
 * it (excalidraw's actions: `perform`, `keys`, `captureUpdate`).
 */
export interface Action {
  /** What it does, in English; `en.ts`'s `shortcuts.actions` says it word for word. */
  label: string;
  /** Its keyboard shortcut, if it has one; the help dialog lists them in registry order. */
  keys?: Record<Platform, KeyCombo[]>;
  captureUpdate: CaptureUpdate;
  /** When false, the action is greyed out in menus and its keys go on to the browser. */
  enabled?: (state: EditorState, page: PageCapabilities) => boolean;
  /** Its keys are left to the browser while the user has text selected on the page. */
  yieldsToTextSelection?: boolean;
  perform: (context: ActionContext) => void;
}

const both = (...combos: KeyCombo[]): Record<Platform, KeyCombo[]> => ({
  mac: combos,
  other: combos,
});

const hasSelection = (s: EditorState) =>
  s.selection.nodes.length > 0 || s.selection.edges.length > 0;
const hasSelectedNodes = (s: EditorState) => s.selection.nodes.length > 0;

/**
 * Every command of the editor, in the order the shortcuts help lists them.
 * Adding one is one entry here (and its words in the i18n files).
 */
export const actions = {
  undo: {
    label: 'Undo',
    keys: both({ key: 'z', mod: true }),
    captureUpdate: 'never',
    perform: ({ store }) => store.getState().undo(),
  },
  redo: {
    label: 'Redo',
    keys: {
      mac: [{ key: 'z', mod: true, shift: true }],
      other: [
        { key: 'z', mod: true, shift: true },
        { key: 'y', mod: true },
      ],
    },
    captureUpdate: 'never',
    perform: ({ store }) => store.getState().redo(),
  },
  delete: {
    label: 'Delete the selection',
    keys: both({ key: 'Delete' }, { key: 'Backspace' }),
    captureUpdate: 'record',
    enabled: hasSelection,
    perform: ({ store }) => store.getState().deleteSelection(),
  },
  copy: {
    label: 'Copy the selected nodes',
    keys: both({ key: 'c', mod: true }),
    captureUpdate: 'never',
    enabled: hasSelectedNodes,
    yieldsToTextSelection: true,
    perform: ({ store }) => store.getState().copy(),
  },
  paste: {
    label: 'Paste',
    keys: both({ key: 'v', mod: true }),
    captureUpdate: 'record',
    enabled: (s) => s.clipboard !== null,
    perform: ({ store }) => store.getState().paste(),
  },
  duplicate: {
    label: 'Duplicate the selected nodes',
    keys: both({ key: 'd', mod: true }),
    captureUpdate: 'record',
    enabled: hasSelectedNodes,
    perform: ({ store }) => store.getState().duplicate(),
  },
  selectAll: {
    label: 'Select all',
    keys: both({ key: 'a', mod: true }),
    captureUpdate: 'never',
    perform: ({ store }) => store.getState().selectAll(),
  },
  clearSelection: {
    label: 'Clear the selection',
    keys: both({ key: 'Escape' }),
    captureUpdate: 'never',
    enabled: hasSelection,
    perform: ({ store }) => store.getState().clearSelection(),
  },
  autoLayout: {
    label: 'Auto layout',
    captureUpdate: 'record',
    enabled: (state, page) => page.layOut !== undefined && state.doc.nodes.length > 0,
    perform: ({ page }) => page.layOut?.(),
  },
  help: {
    label: 'Show keyboard shortcuts',
    keys: both({ key: '?', shift: 'any' }),
    captureUpdate: 'never',
    enabled: (_state, page) => page.openHelp !== undefined,
    perform: ({ page }) => page.openHelp?.(),
  },
} satisfies Record<string, Action>;

export type ActionId = keyof typeof actions;

/** The registry's ids, in order. */
export const actionIds = Object.keys(actions) as ActionId[];

/** An action by id, typed as the general `Action`. */
export function actionById(id: ActionId): Action {
  return actions[id];
}

/** Can the action run now? (A menu greys it out otherwise.) */
export function canPerform(id: ActionId, state: EditorState, page: PageCapabilities = {}): boolean {
  const action = actionById(id);
  return action.enabled ? action.enabled(state, page) : true;
}

/**
 * Runs an action if it can run now; says whether it ran. The one way the
 * toolbar, menus, shortcuts and tests run a command.
 */
export function performAction(id: ActionId, context: ActionContext): boolean {
  if (!canPerform(id, context.store.getState(), context.page)) return false;
  actionById(id).perform(context);
  return true;
}
