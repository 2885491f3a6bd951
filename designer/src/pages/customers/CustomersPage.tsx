import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  attemptsToday,
  DEFAULT_WORKSPACE_SETTINGS,
  outboundCallRules,
  permissionStatusAt,
  type CallAttempt,
  type CallPermission,
  type CallRule,
  type Customer,
  type RequestRule,
  type RuleRefusal,
  type WhatsAppLine,
} from '@callbot/shared';
import { channelHref } from '../../app/route.ts';
import { useChannelServices } from '../channels/services.tsx';
import { useLines } from '../channels/data.ts';
import type { WorkspaceRepository } from '../../persistence/index.ts';
import { providerErrorMessage } from '../../provider/messages.ts';
import { ProviderError } from '../../provider/index.ts';
import { useSettings, useWorkspace, useWorkspaceRead } from '../../app/WorkspaceContext.tsx';
import { workspaceMessage } from '../../app/workspaceMessages.ts';
import {
  addCustomer,
  placeCall,
  recordAnswer,
  sendInvitation,
  type CallRules,
  type CustomerAnswer,
  type CustomerDeps,
} from './customerCommands.ts';
import { CallLimits } from './CallLimits.tsx';
import '../channels/channels.css';
import { useDateTimeFormat } from '../../i18n/useDateTimeFormat.ts';
import { formatPhone, parsePhoneInput, phoneCountry } from '../../forms/phone.ts';
import { PhoneField } from '../../forms/PhoneField.tsx';

const readCustomers = async (r: WorkspaceRepository) => {
  const [customers, permissions, attempts] = await Promise.all([
    r.listCustomers(),
    r.listPermissions(),
    r.listCallAttempts(),
  ]);
  return { customers: customers.items, permissions: permissions.items, attempts: attempts.items };
};

/** The i18n key of each refusal rule (R13-R15 and the platform's). */
const ruleKey = {
  R13: 'noOptIn',
  'R14.expired': 'expired',
  'R14.dailyLimit': 'dailyLimit',
  'R15.revoked': 'revoked',
  'platform.unanswered': 'unanswered',
  'timeZone.invalid': 'timeZone',
  'platform.requestsPer24h': 'requests24h',
  'platform.requestsPer7d': 'requests7d',
} as const satisfies Record<CallRule | RequestRule, string>;

type RowMessage = { kind: 'status' | 'alert'; text: string };

function CustomerRow({
  customer,
  permission,
  attempts,
  from,
  rules,
  deps,
  format,
}: {
  customer: Customer;
  permission: CallPermission | undefined;
  attempts: CallAttempt[];
  from: string | undefined;
  rules: CallRules;
  deps: CustomerDeps;
  format: (at: number) => string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<RowMessage | null>(null);
  const now = deps.now();
  const state = permissionStatusAt(permission, now);
  const today = attemptsToday(attempts, customer.number, now, rules.timeZone).length;
  const shown = formatPhone(customer.number);
  const who = customer.name ? `${customer.name} (${shown})` : shown;

  const refusal = (r: RuleRefusal<CallRule | RequestRule>, what: 'call' | 'invite') =>
    setMessage({
      kind: 'alert',
      text:
        t(`customers.refused.${what}`, {
          reason: t(`customers.rule.${ruleKey[r.rule]}`, {
            ...r.params,
            limit: r.params?.limit ?? rules.limits.callsPerDay,
            days: rules.limits.temporaryDays,
            unanswered: r.params?.unanswered ?? rules.limits.platformRules.revokeAfterUnanswered,
          }),
          when: r.retryAt !== undefined ? format(r.retryAt) : '',
        }) +
        (r.retryAt !== undefined ? ` ${t('customers.retryAt', { when: format(r.retryAt) })}` : ''),
    });

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (e) {
      setMessage({
        kind: 'alert',
        text: e instanceof ProviderError ? providerErrorMessage(e, t) : workspaceMessage(e),
      });
    } finally {
      setBusy(false);
    }
  };
  const answer = (a: CustomerAnswer) =>
    run(async () => {
      const result = await recordAnswer(deps, customer.number, a, rules);
      if (!result.ok) setMessage({ kind: 'alert', text: t('customers.unexpected') });
    });
  const invite = () =>
    run(async () => {
      if (!from) return;
      const result = await sendInvitation(deps, { from, number: customer.number }, rules);
      if ('rule' in result) refusal(result, 'invite');
      else setMessage({ kind: 'status', text: t('customers.invited', { who }) });
    });
  const call = () =>
    run(async () => {
      if (!from) return;
      setMessage({ kind: 'status', text: t('customers.calling', { who }) });
      const result = await placeCall(deps, { from, number: customer.number }, rules);
      if ('rule' in result) refusal(result, 'call');
      else {
        setMessage({
          kind: 'status',
          text: t(
            `customers.outcome.${result.call.status === 'answered' ? 'answered' : 'unanswered'}`,
            {
              who,
            },
          ),
        });
      }
    });

  const granted = state === 'temporary' || state === 'always';
  return (
    <tr aria-label={who}>
      <th scope="row">{who}</th>
      <td>
        {state === 'temporary' && permission?.expiresAt !== undefined
          ? t('customers.state.temporary', { date: format(permission.expiresAt) })
          : state === 'revoked' && permission?.revokedBy === 'platform'
            ? t('customers.state.revokedByPlatform')
            : t(`customers.state.${state}`)}
      </td>
      <td>{t('customers.today', { count: today, limit: rules.limits.callsPerDay })}</td>
      <td>
        <div className="customer-actions" aria-busy={busy}>
          <button type="button" disabled={busy || !from} onClick={() => void call()}>
            {t('customers.call', { who })}
          </button>
          <button type="button" disabled={busy || !from} onClick={() => void invite()}>
            {t('customers.invite', { who })}
          </button>
          {state === 'requested' && (
            <>
              <button
                type="button"
                disabled={busy}
                onClick={() => void answer({ type: 'accepted', permission: 'temporary' })}
              >
                {t('customers.acceptTemporary')}
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => void answer({ type: 'accepted', permission: 'always' })}
              >
                {t('customers.acceptAlways')}
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => void answer({ type: 'declined' })}
              >
                {t('customers.decline')}
              </button>
            </>
          )}
          {granted && (
            <>
              <button
                type="button"
                disabled={busy}
                onClick={() => void answer({ type: 'revoked' })}
              >
                {t('customers.revoke')}
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void answer({ type: 'switched', to: state === 'always' ? 'temporary' : 'always' })
                }
              >
                {state === 'always' ? t('customers.toTemporary') : t('customers.toAlways')}
              </button>
            </>
          )}
        </div>
        {message && <p role={message.kind}>{message.text}</p>}
      </td>
    </tr>
  );
}

/**
 * The customers the business may call on WhatsApp (R13-R15): each number's
 * call permission and today's calls; invitations, the customer's answers
 * (recorded here on their behalf), and outbound calls through the provider
 * when the rules allow them.
 */
export function CustomersPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const services = useChannelServices();
  const data = useWorkspaceRead(readCustomers);
  const lines = useLines().value?.items ?? [];
  const settings = useSettings().value?.settings;
  const whatsapp = lines.filter((l): l is WhatsAppLine => l.kind === 'whatsapp');
  const [fromChoice, setFromChoice] = useState('');
  const from = fromChoice || whatsapp[0]?.number;
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  // R14: days are the workspace's own (its settings' time zone); the defaults until they load.
  const rules: CallRules = useMemo(
    () => outboundCallRules(settings ?? DEFAULT_WORKSPACE_SETTINGS),
    [settings],
  );
  const deps: CustomerDeps = useMemo(() => ({ workspace, ...services }), [workspace, services]);
  const dateFormat = useDateTimeFormat(rules.timeZone);
  const format = (at: number) => dateFormat.format(at);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const typed = parsePhoneInput(number, phoneCountry(settings?.country));
      if (!typed.ok) {
        setError(t('phone.invalid', { text: number.trim() }));
        return;
      }
      await addCustomer(deps, { number: typed.e164, name });
      setNumber('');
      setName('');
    } catch (e) {
      setError(workspaceMessage(e));
    }
  };

  return (
    <div className="workspace-page customers">
      <h1>{t('customers.title')}</h1>
      <p>
        {t('customers.intro', {
          limit: rules.limits.callsPerDay,
          days: rules.limits.temporaryDays,
          timeZone: rules.timeZone,
        })}
      </p>
      {settings && <CallLimits limits={rules.limits} />}
      {whatsapp.length === 0 ? (
        <p>
          {t('customers.noLine')} <a href={channelHref('whatsapp')}>{t('customers.createLine')}</a>
        </p>
      ) : (
        <label>
          {t('customers.from')}
          <select value={from} onChange={(e) => setFromChoice(e.target.value)}>
            {whatsapp.map((l) => (
              <option key={l.id} value={l.number}>
                {l.displayName} ({formatPhone(l.number)})
              </option>
            ))}
          </select>
        </label>
      )}
      <form className="sip-form" onSubmit={(e) => void add(e)} aria-labelledby="add-customer-title">
        <h2 id="add-customer-title">{t('customers.add')}</h2>
        <PhoneField
          label={t('customers.number')}
          required
          defaultCountry={settings?.country}
          value={number}
          onChange={setNumber}
        />
        <label>
          {t('customers.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">{t('customers.addButton')}</button>
        {error && <p role="alert">{error}</p>}
      </form>
      {data.error && <p role="alert">{data.error}</p>}
      {data.value === null ? (
        <p>{t('channels.loading')}</p>
      ) : data.value.customers.length === 0 ? (
        <p>{t('customers.none')}</p>
      ) : (
        <table className="customers-table">
          <caption>{t('customers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('customers.number')}</th>
              <th scope="col">{t('customers.permission')}</th>
              <th scope="col">{t('customers.todayHeader')}</th>
              <th scope="col">{t('customers.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.value.customers.map((c) => (
              <CustomerRow
                key={c.id}
                customer={c}
                permission={data.value!.permissions.find((p) => p.number === c.number)}
                attempts={data.value!.attempts}
                from={from}
                rules={rules}
                deps={deps}
                format={format}
              />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
