import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoute } from './app/route.ts';
import { LibraryPage } from './library/LibraryPage.tsx';

// The editor (canvas, inspector, checks) loads when a flow is opened, so the
// library, the first screen, stays small.
const EditorPage = lazy(() =>
  import('./editor/EditorPage.tsx').then((m) => ({ default: m.EditorPage })),
);

/** The designer: the flows library, or one flow in the editor, by the address's hash. */
export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  return route.page === 'editor' ? (
    <Suspense fallback={<p className="editor__loading">{t('app.openingEditor')}</p>}>
      <EditorPage key={route.flowId} flowId={route.flowId} />
    </Suspense>
  ) : (
    <LibraryPage />
  );
}
