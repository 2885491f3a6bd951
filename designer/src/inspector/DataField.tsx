import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField, type TextFieldProps } from './FormFields.tsx';
import { asText, formatValue } from './parsers.ts';
import { getIn, type Path } from './paths.ts';
import { speakingTime } from './speakingTime.ts';
import type { NodeForm } from './useNodeForm.ts';

export interface DataFieldProps<D> extends Omit<
  TextFieldProps,
  'value' | 'commit' | 'check' | 'diagnostics'
> {
  form: NodeForm<D>;
  /** Where the value sits in the node's data. */
  path: Path;
  /** Text to value; the text as typed by default. */
  parse?: (text: string) => unknown;
  /** Value to text; nothing for an absent value by default. */
  format?: (value: unknown) => string;
  /** A check the schema cannot make (a known time zone), run before it. */
  validate?: (text: string) => string | null;
}

/**
 * A text field bound to one value of a node's data: checked as you type by
 * the kind's schema, committed as one command on blur or Enter, with the
 * flow's diagnostics for that value under it.
 */
export function DataField<D>({
  form,
  path,
  parse = asText,
  format = formatValue,
  validate,
  ...field
}: DataFieldProps<D>) {
  return (
    <TextField
      {...field}
      value={format(getIn(form.data, path))}
      check={(text) => validate?.(text) ?? form.check(path, parse(text))}
      commit={(text) => form.set(path, parse(text))}
      diagnostics={form.diagnosticsAt(path)}
    />
  );
}

/** A text the bot says, with its estimated speaking time updated as you type. */
export function SpokenTextField<D>({
  hint,
  ...props
}: Omit<DataFieldProps<D>, 'hint' | 'multiline'> & { hint?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <DataField
      {...props}
      multiline
      hint={(text) => (
        <>
          {t('inspector.speakingTime', { time: speakingTime(text, t) })}
          {hint != null && <> {hint}</>}
        </>
      )}
    />
  );
}
