import type { FlowDocument } from '@callbot/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../editor/EditorContext.tsx';
import { PublishDialog } from './PublishDialog.tsx';

/** The editor header's "Publish": opens the publish dialog on the flow as it is now. */
export function PublishButton() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const [doc, setDoc] = useState<FlowDocument | null>(null);
  return (
    <>
      <button type="button" onClick={() => setDoc(store.getState().doc)}>
        {t('publish.open')}
      </button>
      {doc && <PublishDialog doc={doc} onClose={() => setDoc(null)} />}
    </>
  );
}
