import { useRoute } from './app/route.ts';
import { EditorPage } from './editor/EditorPage.tsx';
import { LibraryPage } from './library/LibraryPage.tsx';

/** The designer: the flows library, or one flow in the editor, by the address's hash. */
export function App() {
  const route = useRoute();
  return route.page === 'editor' ? (
    <EditorPage key={route.flowId} flowId={route.flowId} />
  ) : (
    <LibraryPage />
  );
}
