import { useTranslation } from 'react-i18next';
import { useEditor } from '../editor/EditorContext.tsx';
import type { EditorState } from '../editor/store.ts';
import { NodeInspector } from './NodeInspector.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import './Inspector.css';

const selectSelectedNodes = (s: EditorState) => s.selection.nodes;

/**
 * The side panel that edits what is selected: the form of the one selected
 * node, the flow's settings when nothing is, a count when several are. Every
 * change goes through a named command, so it can be undone.
 */
export function Inspector() {
  const { t } = useTranslation();
  const selected = useEditor(selectSelectedNodes);
  const [only] = selected;
  return (
    <aside aria-label={t('inspector.label')} className="inspector">
      {selected.length === 0 ? (
        <SettingsForm />
      ) : selected.length === 1 && only !== undefined ? (
        <NodeInspector key={only} id={only} />
      ) : (
        <header className="inspector__header">
          <h2 className="inspector__title">
            {t('inspector.nodesSelected', { count: selected.length })}
          </h2>
          <p className="field__hint">{t('inspector.selectOne')}</p>
        </header>
      )}
    </aside>
  );
}
