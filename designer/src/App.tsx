import type { LoadResult } from '@callbot/shared';
import { FlowCanvas } from './canvas/FlowCanvas.tsx';

/** The designer: the flow's name and its canvas, or why the flow could not be opened. */
export function App({ flow }: { flow: LoadResult }) {
  if (!flow.ok) {
    return (
      <div className="app">
        <header className="app__header">
          <h1>The flow could not be opened</h1>
        </header>
        <ul className="app__diagnostics" role="alert">
          {flow.diagnostics.map((d, i) => (
            <li key={i}>{d.message}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="app">
      <header className="app__header">
        <h1>{flow.doc.settings.name}</h1>
      </header>
      <main className="app__canvas">
        <FlowCanvas doc={flow.doc} />
      </main>
    </div>
  );
}
