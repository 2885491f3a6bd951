import { useRef, type ReactNode } from 'react';
import { Button, IconButton } from './Button.tsx';

/**
 * A button that opens the browser's file picker for one JSON file (a flow, a
 * script, a price table, a workspace). The picker is cleared after each
 * choice, so the same file can be picked again.
 */
export function JsonFileButton({
  label,
  pickerLabel,
  onFile,
  icon,
  iconOnly = false,
}: {
  /** The button's text (its name and tooltip when `iconOnly`). */
  label: string;
  icon?: ReactNode;
  /** Shows only the icon, where room is short (the top navigation). */
  iconOnly?: boolean;
  /** The accessible name of the (hidden) file input. */
  pickerLabel: string;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      {iconOnly && icon ? (
        <IconButton label={label} icon={icon} onClick={() => input.current?.click()} />
      ) : (
        <Button icon={icon} onClick={() => input.current?.click()}>
          {label}
        </Button>
      )}
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        aria-label={pickerLabel}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
