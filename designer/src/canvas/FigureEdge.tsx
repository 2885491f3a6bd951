import { BaseEdge, getBezierPath, useInternalNode, type EdgeProps } from '@xyflow/react';
import { figureLabelPoint } from './figureLabel.ts';

/**
 * An edge drawn with a figure (the calls' analytics): React Flow's own bezier, its label in a
 * pill near the port it leaves rather than at the middle, so edges into one node keep their
 * labels apart, every other port's a label lower, so neighbouring ports' do too.
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
  // The port's place among its node's outputs (in the order the node draws them).
  const ports = useInternalNode(props.source)?.internals.handleBounds?.source ?? [];
  const portIndex = Math.max(
    0,
    ports.findIndex((port) => port.id === props.sourceHandleId),
  );
  const label = figureLabelPoint({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, portIndex);
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
