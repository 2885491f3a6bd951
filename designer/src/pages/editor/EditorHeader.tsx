import {
  ArrowLeft,
  ClipboardCopy,
  ClipboardPaste,
  CopyPlus,
  Download,
  Ellipsis,
  History,
  Keyboard,
  ListChecks,
  Play,
  SquareDashedMousePointer,
  Trash2,
  Workflow,
} from 'lucide-react';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { libraryHref } from '../../app/route.ts';
import { AutoLayoutButton } from '../../canvas/AutoLayoutButton.tsx';
import { FindNode } from '../../canvas/FindNode.tsx';
import { summarize, useDiagnostics } from '../../editor/diagnostics.ts';
import { LanguageMenu } from '../../ui/LanguageMenu.tsx';
import type { AutosaveState } from '../../persistence/index.ts';
import { PublishButton } from '../../publish/PublishButton.tsx';
import { comboText, currentPlatform, shortcutById } from '../../shortcuts/shortcuts.ts';
import { ShortcutsButton } from '../../shortcuts/ShortcutsHelp.tsx';
import { UndoRedo } from '../../shortcuts/UndoRedo.tsx';
import { Button, IconButton } from '../../ui/Button.tsx';
import { Menu, MenuItem, MenuSeparator } from '../../ui/Menu.tsx';
import { ThemeChoices } from '../../ui/ThemeMenu.tsx';
import { Tooltip } from '../../ui/Tooltip.tsx';
import { useCompact } from '../../ui/useCompact.ts';
import { canPerform, performAction, type ActionId } from '../../editor/actions.ts';
import { useEditor, useEditorStore } from '../../editor/EditorContext.tsx';
import { SaveStatus } from './SaveStatus.tsx';

const selectName = (s: { doc: { settings: { name: string } } }) => s.doc.settings.name;

/**
 * The editor's header, always one row: the way back, the flow's name and
 * save state, history, find, the main actions (Simulate, Publish) and a menu
 * for the less used ones. Where it does not fit in full (a narrow window, a
 * longer language, the people editing along in a server's workspace), it is
 * compact: the way back shows its icon only (named by its tooltip), the
 * find box is narrower, and versions and shortcuts move into the menu;
 * Simulate and Publish always keep their names.
 */
export function EditorHeader({
  save,
  simulating,
  checksOpen,
  onToggleSimulator,
  onToggleChecks,
  onOpenVersions,
  onOpenMachine,
  onOpenShortcuts,
  onExport,
  presence,
  readOnlyAs,
  flowId,
}: {
  save: AutosaveState;
  simulating: boolean;
  checksOpen: boolean;
  onToggleSimulator: () => void;
  onToggleChecks: () => void;
  onOpenVersions: () => void;
  onOpenMachine: () => void;
  onOpenShortcuts: () => void;
  onExport: () => void;
  /** Who else has the flow open (a server's workspace). */
  presence?: ReactNode;
  /** The role that opens the flow read-only (no edit, undo or publish; simulating stays). */
  readOnlyAs?: 'trainer' | 'viewer' | null;
  /** The flow's id, for publishing in a server's workspace. */
  flowId?: string;
}) {
  const { t, i18n } = useTranslation();
  const name = useEditor(selectName);
  const header = useRef<HTMLElement>(null);
  const compact = useCompact(header, `${i18n.language} ${readOnlyAs ?? 'edit'}`);
  return (
    <header ref={header} className={compact ? 'editor__bar editor__bar--compact' : 'editor__bar'}>
      <Tooltip content={t('shell.backToFlows')}>
        <a href={libraryHref} className="editor__back">
          <ArrowLeft aria-hidden="true" size={16} />
          <span className={compact ? 'visually-hidden' : undefined}>{t('library.title')}</span>
        </a>
      </Tooltip>
      <h1 className="editor__title" title={name}>
        {name}
      </h1>
      {readOnlyAs ? (
        <p className="editor__read-only" role="status">
          {t(`wsflows.readOnlyAs.${readOnlyAs}`)}
        </p>
      ) : (
        <SaveStatus state={save} />
      )}
      {presence}
      <div className="editor__tools">
        {!readOnlyAs && (
          <>
            <UndoRedo />
            <span className="editor__divider" aria-hidden="true" />
          </>
        )}
        <FindNode />
        {!readOnlyAs && <AutoLayoutButton />}
        <ChecksButton open={checksOpen} onToggle={onToggleChecks} />
        {!compact && (
          <>
            <IconButton label={t('editor.versions')} icon={<History />} onClick={onOpenVersions} />
            <ShortcutsButton onClick={onOpenShortcuts} />
          </>
        )}
        <Menu
          label={t('shell.moreActions')}
          trigger={<IconButton label={t('shell.moreActions')} icon={<Ellipsis />} />}
        >
          {compact && (
            <>
              <MenuItem icon={<History />} onSelect={onOpenVersions}>
                {t('editor.versions')}
              </MenuItem>
              <MenuItem icon={<Keyboard />} keys="?" onSelect={onOpenShortcuts}>
                {t('shortcuts.title')}
              </MenuItem>
              <MenuSeparator />
            </>
          )}
          <MenuItem icon={<Download />} onSelect={onExport}>
            {t('editor.exportFlow')}
          </MenuItem>
          <MenuItem icon={<Workflow />} onSelect={onOpenMachine}>
            {t('machine.title')}
          </MenuItem>
          <MenuSeparator />
          {!readOnlyAs && (
            <>
              <EditItems />
              <MenuSeparator />
            </>
          )}
          <ThemeChoices />
        </Menu>
        <LanguageMenu />
      </div>
      <div className="editor__primary">
        <Button icon={<Play />} aria-pressed={simulating} onClick={onToggleSimulator}>
          {t('simulator.open')}
        </Button>
        {!readOnlyAs && <PublishButton {...(flowId !== undefined && { flowId })} />}
      </div>
    </header>
  );
}

/** The Checks toggle: how many problems the flow has, and the panel that lists them. */
function ChecksButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const diagnostics = useDiagnostics();
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const count = diagnostics.length;
  return (
    <Tooltip content={summarize(diagnostics, t)}>
      <button
        type="button"
        className={`ui-button ui-button--ghost ui-button--md editor__checks${
          errors > 0 ? ' editor__checks--error' : count > 0 ? ' editor__checks--warning' : ''
        }`}
        aria-expanded={open}
        aria-controls="editor-checks"
        aria-label={count === 0 ? t('shell.checksNone') : t('shell.checksCount', { count })}
        onClick={onToggle}
      >
        <ListChecks aria-hidden="true" size={16} />
        <span className="editor__checks-count" aria-hidden="true">
          {count}
        </span>
      </button>
    </Tooltip>
  );
}

const editItems: { id: ActionId; icon: ReactNode }[] = [
  { id: 'copy', icon: <ClipboardCopy /> },
  { id: 'paste', icon: <ClipboardPaste /> },
  { id: 'duplicate', icon: <CopyPlus /> },
  { id: 'delete', icon: <Trash2 /> },
  { id: 'selectAll', icon: <SquareDashedMousePointer /> },
];

/** Clipboard and selection commands, run from the registry with their keys shown. */
function EditItems() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const state = useEditor((s) => s);
  const platform = currentPlatform();
  return editItems.map(({ id, icon }) => {
    const combo = shortcutById(id)?.keys[platform][0];
    return (
      <MenuItem
        key={id}
        icon={icon}
        keys={combo && comboText(combo, platform)}
        disabled={!canPerform(id, state)}
        onSelect={() => performAction(id, { store, page: {} })}
      >
        {t(`shortcuts.actions.${id}`)}
      </MenuItem>
    );
  });
}
