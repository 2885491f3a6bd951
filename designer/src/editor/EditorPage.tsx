import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flowHref, libraryHref } from '../app/route.ts';
import { useRepository } from '../app/RepositoryContext.tsx';
import { AutoLayoutButton } from '../canvas/AutoLayoutButton.tsx';
import { FindNode } from '../canvas/FindNode.tsx';
import { FlowCanvas } from '../canvas/FlowCanvas.tsx';
import { Palette } from '../canvas/Palette.tsx';
import { ChecksPanel } from '../checking/ChecksPanel.tsx';
import { CompiledMachineDialog } from '../checking/CompiledMachineView.tsx';
import { downloadBlob } from '../checking/download.ts';
import { LanguageSelect } from '../i18n/LanguageSelect.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { PublishButton } from '../publish/PublishButton.tsx';
import { describeDiagnostic } from '../ui/describeDiagnostic.ts';
import { errorMessage } from '../ui/errorMessage.ts';
import { readFileText } from '../ui/readFile.ts';
import { KeyboardShortcuts } from '../shortcuts/KeyboardShortcuts.tsx';
import { UndoRedo } from '../shortcuts/UndoRedo.tsx';
import { EditorProvider, useEditor } from './EditorContext.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { useAutoSnapshots } from './useAutoSnapshots.ts';
import { useFlowEditing, type FlowEditing } from './useFlowEditing.ts';
import { VersionsDialog } from './VersionsDialog.tsx';
import './editor.css';
import { rememberImport } from '../library/importNotice.ts';
import { ImportNoticeBanner } from '../library/ImportNoticeBanner.tsx';

/** The call simulator, with the runtime: loaded when first opened. */
const SimulatorPanel = lazy(() => import('../simulator/SimulatorPanel.tsx'));

/** One flow open for editing: palette, canvas, inspector and checks around one editor store. */
export function EditorPage({ flowId }: { flowId: string }) {
  const { t } = useTranslation();
  const state = useFlowEditing(flowId);
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
    <EditorProvider store={state.editing.store}>
      <ReactFlowProvider>
        <Editor flowId={flowId} editing={state.editing} />
      </ReactFlowProvider>
    </EditorProvider>
  );
}

const selectName = (s: { doc: { settings: { name: string } } }) => s.doc.settings.name;

function Editor({ flowId, editing }: { flowId: string; editing: FlowEditing }) {
  const { t } = useTranslation();
  const repository = useRepository();
  const name = useEditor(selectName);
  useAutoSnapshots(flowId, editing);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [simulating, setSimulating] = useState(false);
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

  return (
    <div className="editor">
      <header className="editor__bar">
        <a href={libraryHref} className="editor__back">
          {t('library.title')}
        </a>
        <h1 className="editor__title">{name}</h1>
        <SaveStatus state={editing.save} />
        <UndoRedo />
        <FindNode />
        <AutoLayoutButton />
        <button type="button" onClick={() => setVersionsOpen(true)}>
          {t('editor.versions')}
        </button>
        <button type="button" onClick={() => void exportFlow()}>
          {t('editor.exportFlow')}
        </button>
        <CompiledMachineDialog />
        <PublishButton />
        <button type="button" aria-pressed={simulating} onClick={() => setSimulating(!simulating)}>
          {t('simulator.open')}
        </button>
        <KeyboardShortcuts />
        <LanguageSelect />
      </header>
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
      <div className={simulating ? 'editor__body editor__body--simulating' : 'editor__body'}>
        <Palette />
        <main className="editor__canvas">
          <FlowCanvas flowId={flowId} onDropFile={(file) => void importFile(file)} />
        </main>
        <Inspector />
        {simulating && (
          <Suspense fallback={<p role="status">{t('simulator.loading')}</p>}>
            <SimulatorPanel flowId={flowId} onClose={() => setSimulating(false)} />
          </Suspense>
        )}
      </div>
      <ChecksPanel />
      {versionsOpen && (
        <VersionsDialog flowId={flowId} editing={editing} onClose={() => setVersionsOpen(false)} />
      )}
    </div>
  );
}
