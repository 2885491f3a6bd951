import type { FlowDocument } from '@callbot/shared';
import { Rocket } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRepository } from '../app/RepositoryContext.tsx';
import { useEditorStore } from '../editor/EditorContext.tsx';
import { syncOf } from '../persistence/remote/sync.ts';
import { Button } from '../ui/Button.tsx';
import { PublishDialog } from './PublishDialog.tsx';

/** Loaded when first opened in a server's workspace (browser-only mode never loads it). */
const WorkspacePublishDialog = lazy(async () => ({
  default: (await import('./WorkspacePublishDialog.tsx')).WorkspacePublishDialog,
}));

/**
 * The editor header's "Publish": opens the publish dialog on the flow as it
 * is now. In a server's workspace that is one click (the flow `flowId` of
 * the workspace); browser-only, the dialog that publishes to a server by
 * URL and token.
 */
export function PublishButton({ flowId }: { flowId?: string }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const workspaceId = syncOf(useRepository())?.workspaceId;
  const [doc, setDoc] = useState<FlowDocument | null>(null);
  const close = () => setDoc(null);
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
      {doc &&
        (workspaceId !== undefined && flowId !== undefined ? (
          <Suspense fallback={null}>
            <WorkspacePublishDialog
              doc={doc}
              flowId={flowId}
              workspaceId={workspaceId}
              onClose={close}
            />
          </Suspense>
        ) : (
          <PublishDialog doc={doc} onClose={close} />
        ))}
    </>
  );
}
