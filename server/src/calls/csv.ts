/**
 * CSV as RFC 4180 writes it (comma, CRLF, a field quoted when it holds a
 * comma, a quote or a line break), with one guard: a field a spreadsheet
 * would run as a formula (starting with `=`, `@`, a tab, or `+`/`-` not
 * followed by a digit) gets a leading `'`, so a caller's words never run.
 * Phone numbers (`+5511…`) and negative numbers stay as they are.
 */
import type { TraceLine } from '@callbot/runtime';
import { inputLabel } from '@callbot/runtime';
import type { CallRow } from '@callbot/shared';

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=@\t\r]/.test(text) || /^[+-](?![0-9])/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (fields: (string | number | boolean | null)[]) =>
  `${fields.map(csvField).join(',')}\r\n`;

/** A row of the calls CSV, in `callCsvColumns`' order. */
export const callCsvFields = (c: CallRow) => [
  c.sid,
  c.startedAt,
  c.endedAt,
  c.durationMs,
  c.status,
  c.callbot,
  c.version,
  c.line,
  c.caller,
  c.channel,
  c.direction,
  c.endedNode?.id ?? null,
  c.endedNode?.label ?? null,
  c.cost?.amount ?? null,
  c.cost?.currency ?? null,
];

/** What a trace line says, in a few words, for the `text` column (empty when nothing). */
export function lineText(line: TraceLine): string {
  switch (line.kind) {
    case 'say':
      return line.text;
    case 'input':
      return line.event.type === 'speech' || line.event.type === 'dtmf'
        ? inputLabel(line)
        : line.event.type;
    case 'node':
      return line.label;
    case 'transfer':
      return `${line.team}: ${line.outcome}`;
    case 'hangup':
      return line.reason;
    case 'end':
      return line.outcome;
    default:
      return '';
  }
}
