import { Handle, Position, type NodeProps } from '@xyflow/react';
import { kindOf, type FlowNode } from '@callbot/shared';
import type { FlowCanvasNode } from './toReactFlow.ts';
import './FlowNodeView.css';

/** What the bot says at a node, for the kinds that say something. */
function spokenText(node: FlowNode): string | undefined {
  const data: object = node.data;
  if ('text' in data && typeof data.text === 'string') return data.text;
  if ('prompt' in data && typeof data.prompt === 'string') return data.prompt;
  return undefined;
}

/**
 * Draws one flow node of any kind: its kind, its name, what it says, and one
 * labelled output handle per port of the kind (a menu has one per option).
 * User text is rendered by React as text, so markup in a prompt stays inert.
 */
export function FlowNodeView({ data: { node } }: NodeProps<FlowCanvasNode>) {
  const kind = kindOf(node);
  const ports = kind.ports(node.data);
  const text = spokenText(node);
  return (
    <div className={`flow-node flow-node--${node.kind}`}>
      <Handle type="target" position={Position.Top} aria-label="Input" />
      <div className="flow-node__kind">{kind.title}</div>
      <div className="flow-node__name">{node.label ?? node.id}</div>
      {text !== undefined && <p className="flow-node__text">{text}</p>}
      {ports.length > 0 && (
        <ul className="flow-node__ports" aria-label="Outputs">
          {ports.map((port) => (
            <li key={port.id} className="flow-node__port">
              {port.label}
              <Handle
                type="source"
                id={port.id}
                position={Position.Bottom}
                aria-label={`Output: ${port.label}`}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
