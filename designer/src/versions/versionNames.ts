import type { Translate } from '../i18n/index.ts';
import { restoredNoteOf, type VersionSummary } from '../persistence/index.ts';

/** The notes the automatic snapshots are stored with (as is, in English). */
export const AUTO_NOTES = {
  opened: 'Opened',
  editing: 'While editing',
  left: 'Left the editor',
} as const;

/**
 * A version's name in the UI language. Automatic versions are named by what
 * made them: "On opening", "Every 5 minutes", "On leaving the editor",
 * "Before restoring “…”"; a version saved by hand is its note.
 *
 * @example versionName({ auto: true, note: 'Opened' }, t, 5) // 'On opening'
 */
export function versionName(
  version: Pick<VersionSummary, 'auto' | 'note'>,
  t: Translate,
  intervalMinutes: number,
): string {
  const { auto, note } = version;
  if (auto) {
    if (note === AUTO_NOTES.opened) return t('versions.opened');
    if (note === AUTO_NOTES.editing) return t('versions.whileEditing', { count: intervalMinutes });
    if (note === AUTO_NOTES.left) return t('versions.leftEditor');
    const restored = restoredNoteOf(note);
    if (restored === '') return t('versions.beforeRestoringAny');
    if (restored !== null) {
      const name = versionName({ auto: true, note: restored }, t, intervalMinutes);
      return t('versions.beforeRestoring', { name });
    }
  }
  return note || (auto ? t('versions.automatic') : t('versions.version'));
}
