import { DropdownMenu } from 'radix-ui';
import type { ReactElement, ReactNode } from 'react';
import './ui.css';

/**
 * A menu opened by a button (`trigger`: one element that takes a ref, such
 * as an `IconButton`). Items are `MenuItem`s; arrow keys move, Enter picks,
 * Escape closes and gives the focus back.
 *
 * @example
 * <Menu trigger={<IconButton label="More" icon={<Ellipsis />} />}>
 *   <MenuItem icon={<Download />} onSelect={exportFlow}>Export flow</MenuItem>
 * </Menu>
 */
export function Menu({
  trigger,
  label,
  align = 'end',
  children,
}: {
  trigger: ReactElement;
  /** The menu's accessible name (defaults to its trigger's). */
  label?: string;
  align?: 'start' | 'center' | 'end';
  children: ReactNode;
}) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="ui-menu"
          align={align}
          sideOffset={6}
          collisionPadding={8}
          {...(label !== undefined && { 'aria-label': label })}
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/** One action of a `Menu`. */
export function MenuItem({
  icon,
  keys,
  onSelect,
  disabled,
  danger,
  children,
}: {
  icon?: ReactNode;
  /** Keys shown at the right ("Ctrl+Z"). */
  keys?: string | undefined;
  onSelect: () => void;
  disabled?: boolean;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <DropdownMenu.Item
      className={danger ? 'ui-menu__item ui-menu__item--danger' : 'ui-menu__item'}
      disabled={disabled ?? false}
      onSelect={onSelect}
    >
      <span className="ui-menu__icon" aria-hidden="true">
        {icon}
      </span>
      <span className="ui-menu__text">{children}</span>
      {keys && <kbd className="ui-menu__keys">{keys}</kbd>}
    </DropdownMenu.Item>
  );
}

/** A choice among a few (a theme), shown with a mark on the current one. */
export function MenuRadioGroup<T extends string>({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: T;
  onChange: (value: T) => void;
  options: readonly { value: T; label: string; icon?: ReactNode }[];
}) {
  return (
    <DropdownMenu.Group aria-label={label}>
      <DropdownMenu.Label className="ui-menu__label">{label}</DropdownMenu.Label>
      <DropdownMenu.RadioGroup value={value} onValueChange={(v) => onChange(v as T)}>
        {options.map((option) => (
          <DropdownMenu.RadioItem key={option.value} value={option.value} className="ui-menu__item">
            <span className="ui-menu__icon" aria-hidden="true">
              {option.icon}
            </span>
            <span className="ui-menu__text">{option.label}</span>
            <DropdownMenu.ItemIndicator className="ui-menu__check">✓</DropdownMenu.ItemIndicator>
          </DropdownMenu.RadioItem>
        ))}
      </DropdownMenu.RadioGroup>
    </DropdownMenu.Group>
  );
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="ui-menu__separator" />;
}
