import { useRef } from 'react';

/**
 * A button that opens the browser's file picker for one JSON file (a flow, a
 * script, a price table, a workspace). The picker is cleared after each
 * choice, so the same file can be picked again.
 */
export function JsonFileButton({
  label,
  pickerLabel,
  onFile,
}: {
  /** The button's text. */
  label: string;
  /** The accessible name of the (hidden) file input. */
  pickerLabel: string;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {label}
      </button>
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
