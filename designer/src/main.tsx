import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadFlow } from '@callbot/shared';
import reception from '@callbot/runtime/examples/reception.flow.json';
import { App } from './App.tsx';
import '@xyflow/react/dist/style.css';
import './styles.css';

// Until flows are saved and opened, the designer opens on the reception example,
// read through the same loader as any imported file.
const flow = loadFlow(reception);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App flow={flow} />
  </StrictMode>,
);
