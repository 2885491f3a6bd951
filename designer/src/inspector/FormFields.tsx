import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '@callbot/shared';
import { diagnosticText } from '../i18n/diagnostics/index.ts';

/** A diagnostic of the flow, as a short note under the field it concerns. */
export function DiagnosticNote({ diagnostic }: { diagnostic: Diagnostic }) {
  const { t } = useTranslation();
  const { message, hint } = diagnosticText(diagnostic, t);
  return (
    <p className={`diagnostic diagnostic--${diagnostic.severity}`}>
      <span className="diagnostic__severity">{t(`common.${diagnostic.severity}`)}:</span> {message}
      {hint !== undefined && <span className="diagnostic__hint"> {hint}</span>}
    </p>
  );
}

interface ShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  diagnostics?: readonly Diagnostic[];
  className?: string;
  children: (described: { 'aria-describedby'?: string; 'aria-invalid': boolean }) => ReactNode;
}

/**
 * Label, control, hint, the error of the value being typed and the flow's
 * diagnostics for the field, tied to the control with `aria-describedby`.
 */
function FieldShell({ id, label, hint, error, diagnostics = [], className, children }: ShellProps) {
  const errorId = `${id}-error`;
  const notesId = `${id}-notes`;
  const hintId = `${id}-hint`;
  const describedBy = [
    error != null && errorId,
    diagnostics.length > 0 && notesId,
    hint != null && hintId,
  ].filter(Boolean);
  const invalid = error != null || diagnostics.some((d) => d.severity === 'error');
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({
        'aria-invalid': invalid,
        ...(describedBy.length > 0 && { 'aria-describedby': describedBy.join(' ') }),
      })}
      {error != null && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      {diagnostics.length > 0 && (
        <div id={notesId} className="field__notes">
          {diagnostics.map((d, i) => (
            <DiagnosticNote key={`${d.code}-${i}`} diagnostic={d} />
          ))}
        </div>
      )}
      {hint != null && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export interface TextFieldProps {
  label: ReactNode;
  /** The value in the document, as text. */
  value: string;
  /** Writes a checked value to the document: called on blur or Enter, once per change. */
  commit: (text: string) => void;
  /** Why `text` cannot be committed, checked as the user types; `null` when it can. */
  check?: (text: string) => string | null;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'number' | 'date';
  placeholder?: string;
  /** Offered in a datalist; the user may still type anything. */
  suggestions?: readonly string[];
  /** Shown under the field; a function sees the text being typed. */
  hint?: ReactNode | ((text: string) => ReactNode);
  diagnostics?: readonly Diagnostic[];
  min?: number;
  max?: number;
  step?: number;
  className?: string;
}

/**
 * A text field that keeps a local draft while the user types: the draft is
 * checked on every keystroke, and written to the document as one command on
 * blur or Enter (Ctrl+Enter in a multi-line field), only when it is valid.
 * Escape drops the draft. An invalid draft stays, with its error, until fixed.
 */
export function TextField({
  label,
  value,
  commit,
  check,
  multiline = false,
  rows = 3,
  type = 'text',
  placeholder,
  suggestions,
  hint,
  diagnostics,
  min,
  max,
  step,
  className,
}: TextFieldProps) {
  const id = useId();
  // The draft remembers the document value it started from: when the document
  // changes underneath (undo, another field), the stale draft is dropped.
  const [draft, setDraft] = useState<{ base: string; text: string } | null>(null);
  const editing = draft !== null && draft.base === value;
  const text = editing ? draft.text : value;
  const error = editing && check ? check(text) : null;

  const finish = () => {
    if (!editing) return;
    if (text === value) setDraft(null);
    else if (error === null) {
      commit(text);
      setDraft(null);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && editing) {
      event.stopPropagation();
      setDraft(null);
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      finish();
    }
  };
  const listId = `${id}-suggestions`;
  const shownHint = typeof hint === 'function' ? hint(text) : hint;

  return (
    <FieldShell
      id={id}
      label={label}
      hint={shownHint}
      error={error}
      diagnostics={diagnostics}
      className={className}
    >
      {(described) => {
        const common = {
          id,
          value: text,
          placeholder,
          onChange: (e: { target: { value: string } }) =>
            setDraft({ base: value, text: e.target.value }),
          onBlur: finish,
          onKeyDown,
          ...described,
        };
        return multiline ? (
          <textarea className="field__control" rows={rows} {...common} />
        ) : (
          <>
            <input
              className="field__control"
              type={type}
              min={min}
              max={max}
              step={step}
              autoComplete="off"
              {...(suggestions && { list: listId })}
              {...common}
            />
            {suggestions && (
              <datalist id={listId}>
                {suggestions.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            )}
          </>
        );
      }}
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectFieldProps {
  label: ReactNode;
  value: string;
  options: readonly SelectOption[];
  /** A choice is one command at once: there is no draft to coalesce. */
  onChange: (value: string) => void;
  hint?: ReactNode;
  diagnostics?: readonly Diagnostic[];
  className?: string;
}

/** A labelled select whose every change is written at once. */
export function SelectField({
  label,
  value,
  options,
  onChange,
  hint,
  diagnostics,
  className,
}: SelectFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} diagnostics={diagnostics} className={className}>
      {(described) => (
        <select
          id={id}
          className="field__control"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...described}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** A field the user cannot change, such as the node id: still labelled and selectable. */
export function ReadOnlyField({ label, value }: { label: ReactNode; value: string }) {
  const id = useId();
  return (
    <div className="field field--readonly">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="field__control" value={value} readOnly />
    </div>
  );
}
