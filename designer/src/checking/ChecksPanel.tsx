import { useId } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { own, type Diagnostic } from '@callbot/shared';
import { useEditorStore } from '../editor/EditorContext.tsx';
import { DockHide } from '../ui/Dock.tsx';
import { diagnosticText } from '../i18n/diagnostics/index.ts';
import { bySeverity, summarize, useDiagnostics } from '../editor/diagnostics.ts';
import './checking.css';

/** Closer than this, a node is too small to find when the panel centres it. */
const MIN_FOCUS_ZOOM = 1;
const CENTRE_DURATION_MS = 400;

const prefersReducedMotion = () =>
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The live checks of the open flow: a summary, then each diagnostic with its
 * hint. Choosing one selects its node and centres the canvas on it. Must be
 * inside the `ReactFlowProvider` that holds the canvas.
 */
export function ChecksPanel() {
  const { t } = useTranslation();
  const diagnostics = useDiagnostics();
  const store = useEditorStore();
  const { getNode, getZoom, setCenter } = useReactFlow();
  const summaryId = useId();

  const show = (nodeId: string) => {
    store.getState().select({ nodes: [nodeId], edges: [] });
    const position = own(store.getState().doc.layout.nodes, nodeId);
    if (!position) return;
    const size = getNode(nodeId)?.measured;
    void setCenter(position.x + (size?.width ?? 0) / 2, position.y + (size?.height ?? 0) / 2, {
      zoom: Math.max(getZoom(), MIN_FOCUS_ZOOM),
      duration: prefersReducedMotion() ? 0 : CENTRE_DURATION_MS,
    });
  };

  const sorted = bySeverity(diagnostics);
  return (
    // Focusable, so keyboard users can scroll a long list that holds no button (WCAG 2.1.1).
    <section
      className="checks"
      aria-label={t('checks.title')}
      aria-describedby={summaryId}
      tabIndex={0}
    >
      <div className="checks__head">
        <h2 className="checks__title">{t('checks.title')}</h2>
        <DockHide />
      </div>
      <p
        id={summaryId}
        className={`checks__summary${diagnostics.length === 0 ? ' checks__summary--ok' : ''}`}
        role="status"
      >
        {summarize(diagnostics, t)}
      </p>
      {sorted.length > 0 && (
        <ul className="checks__list">
          {sorted.map((d, i) => (
            <DiagnosticItem key={`${i}:${d.code}:${d.nodeId ?? ''}`} diagnostic={d} onShow={show} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DiagnosticItem({
  diagnostic: d,
  onShow,
}: {
  diagnostic: Diagnostic;
  onShow: (nodeId: string) => void;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const { message, hint } = diagnosticText(d, t);
  const content = (
    <>
      <span className={`checks__severity checks__severity--${d.severity}`}>
        {t(`common.${d.severity}`)}
      </span>{' '}
      <span className="checks__message">{message}</span>
    </>
  );
  const { nodeId } = d;
  return (
    <li className={`checks__item checks__item--${d.severity}`} data-code={d.code}>
      {nodeId !== undefined ? (
        <button
          type="button"
          className="checks__target"
          aria-describedby={hint ? hintId : undefined}
          onClick={() => onShow(nodeId)}
        >
          {content}
        </button>
      ) : (
        // About the flow as a whole (no greeting, settings): nothing to select.
        <p className="checks__target checks__target--flow">{content}</p>
      )}
      {hint && (
        <p id={hintId} className="checks__hint">
          {hint}
        </p>
      )}
    </li>
  );
}
