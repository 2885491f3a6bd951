import { useId, type CSSProperties, type DragEvent } from 'react';
import type { LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { NodeKindName } from '@callbot/shared';
import { DockHide } from '../ui/Dock.tsx';
import { NODE_DRAG_TYPE } from './canvasActions.ts';
import { kindsOf, useNodeUIs } from './NodeUIContext.tsx';

import { useAddNodeAtCentre } from './useAddNodeAtCentre.ts';
import './Palette.css';

/**
 * Every node kind, to drag onto the canvas, or to click (or press Enter on)
 * to add at the centre of the view. Must be inside the same
 * `ReactFlowProvider` as the `FlowCanvas`.
 */
export function Palette() {
  const { t } = useTranslation();
  const addAtCentre = useAddNodeAtCentre();
  const registry = useNodeUIs();
  return (
    <nav className="palette" aria-label={t('palette.label')}>
      <div className="palette__head">
        <h2 className="palette__heading">{t('palette.heading')}</h2>
        <DockHide />
      </div>
      <ul className="palette__list">
        {kindsOf(registry).map((kind) => (
          <PaletteItem
            key={kind}
            kind={kind}
            colour={registry[kind].colour}
            Icon={registry[kind].icon}
            onAdd={addAtCentre}
          />
        ))}
      </ul>
    </nav>
  );
}

function PaletteItem({
  kind,
  colour,
  Icon,
  onAdd,
}: {
  kind: NodeKindName;
  colour: string;
  Icon: LucideIcon;
  onAdd: (kind: NodeKindName) => void;
}) {
  const { t } = useTranslation();
  const tipId = useId();
  const title = t(`kinds.${kind}.title`);
  const description = t(`kinds.${kind}.description`);
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(NODE_DRAG_TYPE, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <li className="palette__item" style={{ '--kind-color': colour } as CSSProperties}>
      <button
        type="button"
        className="palette__button"
        draggable
        onDragStart={onDragStart}
        onClick={() => onAdd(kind)}
        aria-describedby={tipId}
      >
        <span className="palette__icon" aria-hidden="true">
          <Icon size={16} strokeWidth={2} />
        </span>
        <span className="palette__name">{title}</span>
      </button>
      <span role="tooltip" id={tipId} className="palette__tip">
        {description}
      </span>
    </li>
  );
}
