import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PermissionLimits } from '@callbot/shared';
import { useWorkspace } from '../../app/WorkspaceContext.tsx';
import { workspaceMessage } from '../../app/workspaceMessages.ts';
import { EditOnly } from '../../account/ReadOnly.tsx';

/**
 * The workspace's limits of outbound WhatsApp calls (R14 and the platform's
 * optional rules), kept in its settings; the FAQ's figures by default.
 */
export function CallLimits({ limits }: { limits: PermissionLimits }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [draft, setDraft] = useState(limits);
  const [message, setMessage] = useState<{ role: 'status' | 'alert'; text: string } | null>(null);
  const rules = draft.platformRules;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await workspace.updateSettings({ whatsappLimits: draft });
      setMessage({ role: 'status', text: t('customers.limits.saved') });
    } catch (e) {
      setMessage({ role: 'alert', text: workspaceMessage(e) });
    }
  };

  return (
    <details className="call-limits">
      <summary>{t('customers.limits.title')}</summary>
      <form
        className="sip-form"
        aria-label={t('customers.limits.title')}
        onSubmit={(e) => void save(e)}
      >
        <label>
          {t('customers.limits.callsPerDay')}
          <input
            type="number"
            min={1}
            max={1000}
            required
            value={draft.callsPerDay}
            onChange={(e) => setDraft({ ...draft, callsPerDay: Number(e.target.value) })}
          />
        </label>
        <label>
          {t('customers.limits.temporaryDays')}
          <input
            type="number"
            min={1}
            max={365}
            required
            value={draft.temporaryDays}
            onChange={(e) => setDraft({ ...draft, temporaryDays: Number(e.target.value) })}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={rules.enabled}
            onChange={(e) =>
              setDraft({ ...draft, platformRules: { ...rules, enabled: e.target.checked } })
            }
          />
          {t('customers.limits.platform', {
            per24h: rules.requestsPer24h,
            per7d: rules.requestsPer7d,
            unanswered: rules.revokeAfterUnanswered,
          })}
        </label>
        <EditOnly>
          <button type="submit">{t('customers.limits.save')}</button>
        </EditOnly>
        {message && <p role={message.role}>{message.text}</p>}
      </form>
    </details>
  );
}
