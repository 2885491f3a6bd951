/**
 * Saving a file from the browser: a Blob behind a temporary `<a download>`.
 * Used to export the compiled machine and the flow itself.
 */

/** Long enough for every browser to start reading the file before it goes. */
const REVOKE_AFTER_MS = 40_000;

/**
 * A name the file systems accept: no path separators, reserved or control
 * characters; never empty, never hidden.
 *
 * @example safeFileName('Vendas/Suporte: fila?.json') // 'Vendas-Suporte- fila-.json'
 */
export function safeFileName(name: string, fallback = 'flow'): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '-').trim();
  const visible = cleaned.replace(/^\.+/, '');
  return visible === '' ? fallback : visible;
}

/** Offers `blob` as a download called `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFileName(fileName);
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/** Offers `value` as an indented JSON file called `fileName`. */
export function downloadJson(value: unknown, fileName: string): void {
  downloadBlob(
    new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }),
    fileName,
  );
}
