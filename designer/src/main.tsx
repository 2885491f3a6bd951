import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// First: the i18next instance; the language in use is loaded before anything renders.
import { i18n, loadLanguage } from './i18n/index.ts';
// The node kinds' words, kept in their folders, join the texts.
import './nodes/words.ts';
import { App } from './App.tsx';
import { AccountProvider } from './account/AccountContext.tsx';
import { startAccount } from './account/start.ts';
import { RepositoryProvider } from './app/RepositoryContext.tsx';
// Module by module, not the persistence index: the first screen takes no workspace code.
import { DesignerDb } from './persistence/db.ts';
import { lazyWorkspaceRepository } from './persistence/lazyWorkspace.ts';
import { createFlowRepository } from './persistence/repository.ts';
import { createFlowSavedAnnouncer } from './persistence/workspaceTabs.ts';
import { startTheming } from './ui/theme.ts';
import { installValidityMessages } from './forms/validityMessages.ts';
import { WorkspaceProvider } from './app/WorkspaceContext.tsx';
import '@fontsource-variable/inter';
import '@xyflow/react/dist/style.css';
import './styles.css';

// The user's theme (or the system's) before the first paint, so nothing flashes.
startTheming();
// Every form's "fill in this field" and "from 1 to 3650" in the page's language, not the browser's.
installValidityMessages(document, i18n);

const db = new DesignerDb();
const repository = createFlowRepository({
  db,
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
});
// The workspace (teams, lines, customers... and their phone-number rules) loads when a page first asks.
const workspace = lazyWorkspaceRepository(() =>
  import('./persistence/workspaceRepository.ts').then(({ createWorkspaceRepository }) =>
    createWorkspaceRepository(db, {
      now: () => Date.now(),
      newId: () => crypto.randomUUID(),
      onFlowSaved: createFlowSavedAnnouncer(),
    }),
  ),
);

// Served by a callbot server, or browser-only: known before the first render, so nothing flashes.
// Served, the server's repositories load with the accounts (browser-only never loads them).
const account = startAccount()
  .then(async (started) =>
    started ? { ...started, ...(await import('./remote/ServerRepositories.tsx')) } : null,
  )
  .catch(() => null);

// A first visit finds the reception example in the library, so there is something real at once.
void Promise.all([
  account,
  Promise.allSettled([repository.ensureExample(), loadLanguage(i18n.language)]),
]).then(([started]) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      {started ? (
        <AccountProvider account={started.account}>
          <started.Gate>
            <started.ServerRepositories browserFlows={repository} browserWorkspace={workspace}>
              <App />
            </started.ServerRepositories>
          </started.Gate>
        </AccountProvider>
      ) : (
        <RepositoryProvider repository={repository}>
          <WorkspaceProvider repository={workspace}>
            <App />
          </WorkspaceProvider>
        </RepositoryProvider>
      )}
    </StrictMode>,
  );
});
