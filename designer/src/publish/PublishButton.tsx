import type { FlowDocument } from '@callbot/shared';
import { Rocket } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../editor/EditorContext.tsx';
import { Button } from '../ui/Button.tsx';
import { PublishDialog } from './PublishDialog.tsx';

/** The editor header's "Publish": opens the publish dialog on the flow as it is now. */
export function PublishButton() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const [doc, setDoc] = useState<FlowDocument | null>(null);
  return (
    <>
      <Button
        variant="primary"
        icon={<Rocket />}
        aria-haspopup="dialog"
        onClick={() => setDoc(store.getState().doc)}
      >
        {t('publish.open')}
      </Button>
      {doc && <PublishDialog doc={doc} onClose={() => setDoc(null)} />}
    </>
  );
}
