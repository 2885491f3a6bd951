import { forwardRef, useRef, type ReactNode } from 'react';
import { Button } from './Button.tsx';

/**
 * The browser's (hidden) file input for one JSON file, cleared after each
 * choice so the same file can be picked again. Open it with `.click()` on
 * its ref, from a button or a menu item.
 */
export const JsonFileInput = forwardRef<
  HTMLInputElement,
  { pickerLabel: string; onFile: (file: File) => void }
>(function JsonFileInput({ pickerLabel, onFile }, ref) {
  return (
    <input
      ref={ref}
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
  );
});

/**
 * A button that opens the browser's file picker for one JSON file (a flow, a
 * script, a price table, a workspace).
 */
export function JsonFileButton({
  label,
  pickerLabel,
  onFile,
  icon,
}: {
  label: string;
  icon?: ReactNode;
  /** The accessible name of the (hidden) file input. */
  pickerLabel: string;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button icon={icon} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <JsonFileInput ref={input} pickerLabel={pickerLabel} onFile={onFile} />
    </>
  );
}
