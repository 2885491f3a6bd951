import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { FIGURE_LABEL_AT, pointOnEdge } from './figureLabel.ts';

/**
 * An edge drawn with a figure (the calls' analytics): React Flow's own bezier, its label in a
 * pill near the port it leaves rather than at the middle, so edges into one node keep their
 * labels apart.
 */
export function FigureEdge(props: EdgeProps) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const [path] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  });
  const label = pointOnEdge(
    { x: sourceX, y: sourceY },
    { x: targetX, y: targetY },
    FIGURE_LABEL_AT,
  );
  return (
    <BaseEdge
      id={props.id}
      path={path}
      labelX={label.x}
      labelY={label.y}
      label={props.label}
      labelShowBg
      labelBgPadding={[6, 2]}
      labelBgBorderRadius={8}
      {...(props.markerEnd !== undefined && { markerEnd: props.markerEnd })}
      {...(props.style !== undefined && { style: props.style })}
      {...(props.interactionWidth !== undefined && { interactionWidth: props.interactionWidth })}
    />
  );
}

/** The canvas's edge types: `figure` for an edge with an overlay's figure. */
export const edgeTypes = { figure: FigureEdge };
