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

/** Who else has this flow open, as initials (nothing in browser-only mode or when alone). */
export function FlowPresence({ flowId }: { flowId: string }) {
  const { t } = useTranslation();
  const editors = usePresence(flowId);
  if (editors.length === 0) return null;
  const names = editors.map((e) => e.name);
  return (
    <ul className="presence" aria-label={t('remote.presence', { names: names.join(', ') })}>
      {editors.map((editor) => (
        <li
          key={editor.id}
          className="presence__avatar"
          title={t('remote.presenceOne', { name: editor.name })}
          aria-label={t('remote.presenceOne', { name: editor.name })}
        >
          <span aria-hidden="true">{initials(editor.name)}</span>
        </li>
      ))}
    </ul>
  );
}
