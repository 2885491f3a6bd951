import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flowHref, libraryHref } from '../../app/route.ts';
import { useRepository } from '../../app/RepositoryContext.tsx';
import { usePanelRef } from 'react-resizable-panels';
import { FlowCanvas } from '../../canvas/FlowCanvas.tsx';
import { Palette } from '../../canvas/Palette.tsx';
import { ChecksPanel } from '../../checking/ChecksPanel.tsx';
import { CompiledMachineView } from '../../checking/CompiledMachineView.tsx';
import { downloadBlob } from '../../checking/download.ts';
import { Inspector } from '../../inspector/Inspector.tsx';
import { describeDiagnostic } from '../../ui/describeDiagnostic.ts';
import { errorMessage } from '../../ui/errorMessage.ts';
import { readFileText } from '../../ui/readFile.ts';
import { KeyboardShortcuts } from '../../shortcuts/KeyboardShortcuts.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { DockGroup, DockHide, DockMain, DockPanel, DockSeparator } from '../../ui/Dock.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { EditorHeader } from './EditorHeader.tsx';
import { EditorProvider, useEditor } from '../../editor/EditorContext.tsx';
import { WithNodeUIs } from '../../nodes/WithNodeUIs.tsx';
import { useAutoSnapshots } from './useAutoSnapshots.ts';
import { useFlowEditing, type FlowEditing } from './useFlowEditing.ts';
import { VersionsDialog } from './VersionsDialog.tsx';
import './editor.css';
import { rememberImport } from '../library/importNotice.ts';
import { ImportNoticeBanner } from '../library/ImportNoticeBanner.tsx';
import { FlowPresence } from '../../remote/FlowPresence.tsx';
import { FlowSyncBar } from '../../remote/FlowSyncBar.tsx';
import { useReadOnlyRole } from '../../account/AccountContext.tsx';

/** The call simulator, with the runtime: loaded when first opened. */
const SimulatorPanel = lazy(() => import('../../simulator/SimulatorPanel.tsx'));

/** One flow open for editing: palette, canvas, inspector and checks around one editor store. */
export function EditorPage({ flowId }: { flowId: string }) {
  // Opened again (a fresh store from storage) when the server's copy is to be shown.
  const [opening, reopen] = useReducer((n: number) => n + 1, 0);
  return <OpenedEditor key={opening} flowId={flowId} reopen={reopen} />;
}

function OpenedEditor({ flowId, reopen }: { flowId: string; reopen: () => void }) {
  const { t } = useTranslation();
  const readOnlyAs = useReadOnlyRole();
  const state = useFlowEditing(flowId, readOnlyAs !== null);
  if (state.status === 'loading') return <p className="editor__loading">{t('editor.opening')}</p>;
  if (state.status === 'error') {
    return (
      <div className="editor__failed" role="alert">
        <h1>{t('editor.notOpened')}</h1>
        <p>{state.message}</p>
        <a href={libraryHref}>{t('editor.backToFlows')}</a>
      </div>
    );
  }
  return (
    <WithNodeUIs>
      <EditorProvider store={state.editing.store}>
        <ReactFlowProvider>
          <Editor flowId={flowId} editing={state.editing} reopen={reopen} readOnlyAs={readOnlyAs} />
        </ReactFlowProvider>
      </EditorProvider>
    </WithNodeUIs>
  );
}

const selectSelectionSize = (s: { selection: { nodes: string[] } }) => s.selection.nodes.length;

type SideTab = 'inspector' | 'simulator';

/** The side panel's width while a call is simulated, at least (px). */
const SIMULATOR_WIDTH = 400;

/**
 * The editor's frame: the header on top, the canvas filling the rest, with
 * docked panels around it: the palette on the left, the inspector (and the
 * simulator, in its place while a call is simulated) on the right, the
 * checks below the canvas. Each panel resizes and collapses, and the sizes
 * are remembered in this browser; the canvas keeps at least half the width.
 */
function Editor({
  flowId,
  editing,
  reopen,
  readOnlyAs,
}: {
  flowId: string;
  editing: FlowEditing;
  reopen: () => void;
  readOnlyAs: 'trainer' | 'viewer' | null;
}) {
  const { t } = useTranslation();
  const repository = useRepository();
  useAutoSnapshots(flowId, editing);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [machineOpen, setMachineOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [simulating, setSimulating] = useState(false);
  const [sideTab, setSideTab] = useState<SideTab>('inspector');
  const [checksCollapsed, setChecksCollapsed] = useState(true);
  const sidePanel = usePanelRef();
  const widthBeforeSimulating = useRef<number | null>(null);
  const checksPanel = usePanelRef();
  const selectionSize = useEditor(selectSelectionSize);
  const [importProblem, setImportProblem] = useState<{ fileName: string; why: string[] } | null>(
    null,
  );

  /** A flow file dropped on the canvas becomes a new flow; a bad one changes nothing. */
  const importFile = async (file: File) => {
    setImportProblem(null);
    let result;
    try {
      result = await repository.importFlow(await readFileText(file), file.name);
    } catch (error) {
      const why = errorMessage(error, t('errors.unreadableFile'));
      setImportProblem({ fileName: file.name, why: [why] });
      return;
    }
    if (result.ok) {
      rememberImport(result);
      window.location.hash = flowHref(result.flow.id);
    } else
      setImportProblem({
        fileName: result.fileName,
        why: result.diagnostics.map(describeDiagnostic),
      });
  };

  const exportFlow = async () => {
    await editing.flush();
    const { fileName, text } = await repository.exportFlow(flowId);
    downloadBlob(new Blob([text], { type: 'application/json' }), fileName);
  };

  const toggleSimulator = () => {
    const panel = sidePanel.current;
    if (simulating) {
      setSimulating(false);
      setSideTab('inspector');
      // The side panel goes back to the inspector's width (if the simulator widened it).
      const before = widthBeforeSimulating.current;
      widthBeforeSimulating.current = null;
      if (panel && before !== null && !panel.isCollapsed()) panel.resize(`${before}px`);
      return;
    }
    setSimulating(true);
    setSideTab('simulator');
    if (!panel) return;
    if (panel.isCollapsed()) panel.expand();
    // The simulator needs a little more room than the inspector (the canvas keeps half the width).
    const width = panel.getSize().inPixels;
    if (width < SIMULATOR_WIDTH) {
      widthBeforeSimulating.current = width;
      panel.resize(`${SIMULATOR_WIDTH}px`);
    }
  };

  const toggleChecks = () => {
    const panel = checksPanel.current;
    if (!panel) return;
    if (panel.isCollapsed()) panel.expand();
    else panel.collapse();
  };

  // Read-only, the inspector shows the nodes with every field disabled (one disabled fieldset).
  const inspector = readOnlyAs ? (
    <fieldset className="editor__read-only-fields" disabled>
      <Inspector />
    </fieldset>
  ) : (
    <Inspector />
  );
  return (
    <div className="editor">
      <EditorHeader
        save={editing.save}
        simulating={simulating}
        checksOpen={!checksCollapsed}
        onToggleSimulator={toggleSimulator}
        onToggleChecks={toggleChecks}
        onOpenVersions={() => setVersionsOpen(true)}
        onOpenMachine={() => setMachineOpen(true)}
        onOpenShortcuts={() => setShortcutsOpen(true)}
        onExport={() => void exportFlow()}
        presence={<FlowPresence flowId={flowId} />}
        readOnlyAs={readOnlyAs}
        flowId={flowId}
      />
      <FlowSyncBar
        flowId={flowId}
        idle={editing.save.status === 'saved' && !editing.save.pending}
        flush={() => editing.flush()}
        reopen={reopen}
      />
      {editing.otherTab && (
        <p className="editor__warning" role="alert">
          {editing.otherTab === 'saved' ? t('editor.savedInOtherTab') : t('editor.openInOtherTab')}
        </p>
      )}
      <ImportNoticeBanner key={flowId} flowId={flowId} />
      {importProblem && (
        <div className="editor__warning" role="alert">
          <p>{t('importFlow.refused', { file: importProblem.fileName })}</p>
          <ul>
            {importProblem.why.map((why, i) => (
              <li key={i}>{why}</li>
            ))}
          </ul>
        </div>
      )}
      <DockGroup id="callbot.editor.columns" className="editor__body">
        {!readOnlyAs && (
          <>
            <DockPanel
              id="palette"
              side="left"
              name={t('shell.panels.palette')}
              defaultSize="180px"
              minSize="140px"
              maxSize="320px"
              ownHeader
            >
              <Palette />
            </DockPanel>
            <DockSeparator label={t('shell.panels.palette')} />
          </>
        )}
        <DockMain id="centre" minSize="50%">
          <DockGroup id="callbot.editor.centre" orientation="vertical">
            <DockMain id="canvas" minSize="40%">
              <main className="editor__canvas">
                <FlowCanvas
                  {...(!readOnlyAs && { onDropFile: (file: File) => void importFile(file) })}
                />
              </main>
            </DockMain>
            <DockSeparator label={t('shell.panels.checks')} />
            <DockPanel
              id="checks"
              side="bottom"
              rail={false}
              ownHeader
              name={t('shell.panels.checks')}
              defaultSize="0px"
              minSize="96px"
              maxSize="60%"
              panelRef={checksPanel}
              onCollapsedChange={setChecksCollapsed}
            >
              <div id="editor-checks" className="editor__checks-panel">
                {!checksCollapsed && <ChecksPanel />}
              </div>
            </DockPanel>
          </DockGroup>
        </DockMain>
        <DockSeparator label={t('shell.panels.side')} />
        <DockPanel
          id="side"
          side="right"
          name={t('shell.panels.side')}
          defaultSize="276px"
          minSize="260px"
          maxSize="50%"
          panelRef={sidePanel}
          ownHeader={simulating}
        >
          {simulating ? (
            <div className="editor__side">
              <Tabs
                label={t('shell.panels.sideTabs')}
                value={sideTab}
                onChange={(id) => setSideTab(id as SideTab)}
                keepMounted
                actions={<DockHide />}
                tabs={[
                  {
                    id: 'simulator',
                    label: t('shell.panels.simulator'),
                    content: (
                      <Suspense fallback={<p role="status">{t('simulator.loading')}</p>}>
                        <SimulatorPanel
                          flowId={flowId}
                          onClose={toggleSimulator}
                          testCasesWritable={readOnlyAs !== 'viewer'}
                        />
                      </Suspense>
                    ),
                  },
                  {
                    id: 'inspector',
                    label:
                      selectionSize > 0
                        ? `${t('shell.panels.inspector')} (${selectionSize})`
                        : t('shell.panels.inspector'),
                    content: inspector,
                  },
                ]}
              />
            </div>
          ) : (
            inspector
          )}
        </DockPanel>
      </DockGroup>
      <KeyboardShortcuts open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
      {versionsOpen && (
        <VersionsDialog flowId={flowId} editing={editing} onClose={() => setVersionsOpen(false)} />
      )}
      {machineOpen && (
        <Dialog label={t('machine.title')} size="lg" onClose={() => setMachineOpen(false)}>
          <CompiledMachineView />
        </Dialog>
      )}
    </div>
  );
}
