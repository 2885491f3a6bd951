import { useTranslation } from 'react-i18next';
import { usePresence } from './useSync.ts';
import './remote.css';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

/** At most this many avatars: the rest are counted in one more ("+2"), so the header keeps its room. */
const MOST_SHOWN = 3;

/** Who else has this flow open, as initials (nothing in browser-only mode or when alone). */
export function FlowPresence({ flowId }: { flowId: string }) {
  const { t } = useTranslation();
  const editors = usePresence(flowId);
  if (editors.length === 0) return null;
  const names = editors.map((e) => e.name);
  const shown = editors.length > MOST_SHOWN ? editors.slice(0, MOST_SHOWN - 1) : editors;
  const others = names.slice(shown.length).join(', ');
  return (
    <ul className="presence" aria-label={t('remote.presence', { names: names.join(', ') })}>
      {shown.map((editor) => (
        <li
          key={editor.id}
          className="presence__avatar"
          title={t('remote.presenceOne', { name: editor.name })}
          aria-label={t('remote.presenceOne', { name: editor.name })}
        >
          <span aria-hidden="true">{initials(editor.name)}</span>
        </li>
      ))}
      {others && (
        <li
          className="presence__avatar"
          title={t('remote.presenceOthers', { names: others })}
          aria-label={t('remote.presenceOthers', { names: others })}
        >
          <span aria-hidden="true">+{editors.length - shown.length}</span>
        </li>
      )}
    </ul>
  );
}
