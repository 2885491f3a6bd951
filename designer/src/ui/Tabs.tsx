import { Tabs as RadixTabs } from 'radix-ui';
import type { ReactNode } from 'react';
import './ui.css';

/**
 * Tabs: one panel shown at a time, picked with the tab list (arrow keys
 * move between tabs).
 *
 * @example
 * <Tabs label="View" tabs={[{ id: 'tree', label: 'States', content: <Tree /> },
 *   { id: 'json', label: 'JSON', content: <Json /> }]} />
 */
export function Tabs({
  label,
  tabs,
  value,
  onChange,
  keepMounted = false,
  actions,
}: {
  label: string;
  tabs: readonly { id: string; label: ReactNode; content: ReactNode }[];
  value?: string;
  onChange?: (id: string) => void;
  /** Keep hidden panels mounted, so what they hold (a call running) goes on. */
  keepMounted?: boolean;
  /** Controls at the end of the tab list's row (a docked panel's Hide button). */
  actions?: ReactNode;
}) {
  const list = (
    <RadixTabs.List className="ui-tabs__list" aria-label={label}>
      {tabs.map((tab) => (
        <RadixTabs.Trigger key={tab.id} value={tab.id} className="ui-tabs__tab">
          {tab.label}
        </RadixTabs.Trigger>
      ))}
    </RadixTabs.List>
  );
  return (
    <RadixTabs.Root
      className="ui-tabs"
      {...(value !== undefined ? { value } : { defaultValue: tabs[0]?.id })}
      {...(onChange && { onValueChange: onChange })}
    >
      {actions ? (
        <div className="ui-tabs__head">
          {list}
          <div className="ui-tabs__actions">{actions}</div>
        </div>
      ) : (
        list
      )}
      {tabs.map((tab) => (
        <RadixTabs.Content
          key={tab.id}
          value={tab.id}
          className="ui-tabs__panel"
          {...(keepMounted && { forceMount: true })}
        >
          {tab.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
