import type { ComponentType } from 'react';
import type { NodeKindName, NodeOfKind } from '@callbot/shared';
import { AiAgentInspector } from './aiAgent/Inspector.tsx';
import { FallbackBotInspector } from './fallbackBot/Inspector.tsx';
import { GreetingInspector } from './greeting/Inspector.tsx';
import { HangupInspector } from './hangup/Inspector.tsx';
import { MenuInspector } from './menu/Inspector.tsx';
import { MessageInspector } from './message/Inspector.tsx';
import { ScheduleInspector } from './schedule/Inspector.tsx';
import { TransferInspector } from './transfer/Inspector.tsx';

/** What every kind's inspector form receives: its node, as it is in the document. */
export interface InspectorFormProps<K extends NodeKindName> {
  node: NodeOfKind<K>;
}

export interface InspectorEntry<K extends NodeKindName> {
  /** The kind's own fields; the label, id, outputs and checks are drawn around it. */
  Form: ComponentType<InspectorFormProps<K>>;
  /** The form places each output's target itself (a menu, beside each option). */
  ownsOutputs?: boolean;
}

/** The inspector form of each node kind: one line per kind. */
export const inspectors: { [K in NodeKindName]: InspectorEntry<K> } = {
  greeting: { Form: GreetingInspector },
  message: { Form: MessageInspector },
  menu: { Form: MenuInspector, ownsOutputs: true },
  schedule: { Form: ScheduleInspector },
  transfer: { Form: TransferInspector },
  fallbackBot: { Form: FallbackBotInspector },
  aiAgent: { Form: AiAgentInspector },
  hangup: { Form: HangupInspector },
};
