import { Server } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SipLine } from '@callbot/shared';
import type { SipCheck } from '../../provider/index.ts';
import { providerErrorMessage } from '../../provider/messages.ts';
import { useSettings } from '../../app/WorkspaceContext.tsx';
import { workspaceMessage } from '../../app/workspaceMessages.ts';
import { DeleteLine } from './DeleteLine.tsx';
import { LineCallbot } from './LineCallbot.tsx';
import { useLineDeps, useLines } from './data.ts';
import { addSipLine, type SipForm } from './lineCommands.ts';
import { formatPhone, parsePhoneInput, phoneCountry } from '../../forms/phone.ts';
import { PhoneField } from '../../forms/PhoneField.tsx';
import { EditOnly } from '../../account/ReadOnly.tsx';
import { EmptyTable } from '../../ui/Table.tsx';

const emptyForm: SipForm = {
  label: '',
  host: '',
  port: 5060,
  transport: 'udp',
  username: '',
  password: '',
  number: '',
  declared: false,
};

const unreachableReasons = ['dns_not_found', 'timeout', 'refused', 'private_address'] as const;
const unreachableReason = (reason: string) =>
  unreachableReasons.find((r) => r === reason) ?? 'other';

/** SIP lines: an existing PBX or call centre connected over SIP (R19). */
export function SipLinesPage() {
  const { t } = useTranslation();
  const deps = useLineDeps();
  const lines = useLines();
  const country = useSettings().value?.settings.country;
  const [form, setForm] = useState<SipForm>(emptyForm);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [check, setCheck] = useState<SipCheck | 'busy' | null>(null);
  const sip = (lines.value?.items ?? []).filter((l): l is SipLine => l.kind === 'sip');
  const set = <K extends keyof SipForm>(key: K, value: SipForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      // Typed in any form; stored as E.164 (a number it cannot read is refused by the shared rules).
      const typed = parsePhoneInput(form.number, phoneCountry(country));
      const number = typed.ok ? typed.e164 : form.number;
      const result = await addSipLine(deps, { ...form, number }, country);
      if (!result.ok) {
        setError(
          result.code === 'R19.declarationNeeded'
            ? t('rules.declarationNeeded', { number: form.number })
            : t(`channels.sip.refusal.${result.code}`, { number: form.number }),
        );
        return;
      }
      setForm(emptyForm);
      setCheck(null);
      setStatus(t('channels.sip.added', { label: result.line.label }));
    } catch (e) {
      setError(workspaceMessage(e));
    }
  };

  const checkReach = async () => {
    setCheck('busy');
    setError(null);
    try {
      setCheck(
        await deps.provider.checkSip({
          host: form.host.trim(),
          port: form.port,
          transport: form.transport,
        }),
      );
    } catch (e) {
      setCheck(null);
      setError(providerErrorMessage(e, t));
    }
  };

  return (
    <section className="channel-page" aria-labelledby="sip-title">
      <h2 id="sip-title">{t('channels.sip.title')}</h2>
      <p>{t('channels.sip.intro')}</p>
      <EditOnly>
        <form className="sip-form" onSubmit={(e) => void submit(e)} aria-busy={check === 'busy'}>
          <label>
            {t('channels.sip.label')}
            <input required value={form.label} onChange={(e) => set('label', e.target.value)} />
          </label>
          <label>
            {t('channels.sip.host')}
            <input required value={form.host} onChange={(e) => set('host', e.target.value)} />
          </label>
          <label>
            {t('channels.sip.port')}
            <input
              type="number"
              min={1}
              max={65535}
              required
              value={form.port}
              onChange={(e) => set('port', Number(e.target.value))}
            />
          </label>
          <label>
            {t('channels.sip.transport')}
            <select
              value={form.transport}
              onChange={(e) => set('transport', e.target.value as SipForm['transport'])}
            >
              <option value="udp">UDP</option>
              <option value="tcp">TCP</option>
              <option value="tls">TLS</option>
            </select>
          </label>
          <label>
            {t('channels.sip.username')}
            <input
              required
              autoComplete="off"
              value={form.username}
              onChange={(e) => set('username', e.target.value)}
            />
          </label>
          <label>
            {t('channels.sip.password')}
            <input
              type="password"
              required
              autoComplete="new-password"
              aria-describedby="sip-password-note"
              value={form.password}
              onChange={(e) => set('password', e.target.value)}
            />
          </label>
          <p id="sip-password-note" className="sip-form__note">
            {t('channels.sip.passwordNote')}
          </p>
          <PhoneField
            label={t('channels.sip.number')}
            describedBy="sip-number-note"
            defaultCountry={country}
            value={form.number}
            onChange={(text) => set('number', text)}
          />
          <p id="sip-number-note" className="sip-form__note">
            {t('channels.sip.numberNote')}
          </p>
          <label>
            <input
              type="checkbox"
              checked={form.declared}
              onChange={(e) => set('declared', e.target.checked)}
            />
            {t('rules.declareBusiness')}
          </label>
          <div className="sip-form__actions">
            <button
              type="button"
              disabled={!form.host.trim() || check === 'busy'}
              onClick={() => void checkReach()}
            >
              {t('channels.sip.check')}
            </button>
            <button type="submit">{t('channels.sip.add')}</button>
          </div>
          <p role="status">
            {check === 'busy'
              ? t('channels.sip.checking', { host: form.host })
              : check?.reachable
                ? t('channels.sip.reachable', { ms: check.latencyMs })
                : check
                  ? t(`channels.sip.unreachable.${unreachableReason(check.reason)}`)
                  : status}
          </p>
          {error && <p role="alert">{error}</p>}
        </form>
      </EditOnly>
      {sip.length === 0 ? (
        <EmptyTable icon={<Server size={20} />} title={t('channels.sip.none')} />
      ) : (
        <ul className="line-list" aria-label={t('channels.sip.list')}>
          {sip.map((line) => (
            <li key={line.id} className="line-card" aria-label={line.label}>
              <div className="line-card__head">
                <strong>{line.label}</strong>
                <span>
                  {line.transport.toUpperCase()} {line.host}:{line.port}
                  {line.number && ` · ${formatPhone(line.number)}`}
                </span>
              </div>
              <LineCallbot line={line} />
              <DeleteLine line={line} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
