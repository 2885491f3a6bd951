import { Building2 } from 'lucide-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  attemptsToday,
  DEFAULT_WORKSPACE_SETTINGS,
  outboundCallRules,
  permissionStatusAt,
  type CallAttempt,
  type CallPermission,
  type Customer,
  type PermissionWithOrigin,
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
import { useCurrentWorkspace } from '../../account/AccountContext.tsx';
import {
  addCustomer,
  followInvitation,
  placeCall,
  sendInvitation,
  type CallRules,
  type CustomerDeps,
  type ServerCallRule,
} from './customerCommands.ts';
import { useServerCustomers } from './serverCustomers.ts';
import { CallLimits } from './CallLimits.tsx';
import { EditOnly, ReadOnlyFields } from '../../account/ReadOnly.tsx';
import { DataTable, EmptyTable } from '../../ui/Table.tsx';
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

const CUSTOMER_TABLES = ['customers', 'permissions', 'attempts'] as const;

/** The i18n key of each refusal rule (R13-R15, the platform's, the line's on the server). */
const ruleKey = {
  R13: 'customers.rule.noOptIn',
  'R14.expired': 'customers.rule.expired',
  'R14.dailyLimit': 'customers.rule.dailyLimit',
  'R15.revoked': 'customers.rule.revoked',
  'platform.unanswered': 'customers.rule.unanswered',
  'timeZone.invalid': 'customers.rule.timeZone',
  'platform.requestsPer24h': 'customers.rule.requests24h',
  'platform.requestsPer7d': 'customers.rule.requests7d',
  'line.callsDisabled': 'providerServer.rule.callsDisabled',
  'line.notFound': 'providerServer.rule.lineNotFound',
} as const satisfies Record<ServerCallRule | RequestRule, string>;

type Origin = PermissionWithOrigin['origin'];

/**
 * Browser-only, where the permission's origin is not kept: read from its
 * state (the invitation makes it requested; the provider's answers the rest).
 */
function originOf(permission: CallPermission | undefined): Origin {
  if (!permission || (permission.state === 'none' && permission.requests.length === 0)) return null;
  if (permission.state === 'requested') {
    return { source: 'invitation', event: 'invitation_sent', at: permission.updatedAt };
  }
  const event =
    permission.state === 'none'
      ? 'declined'
      : permission.state === 'revoked'
        ? 'revoked'
        : `accepted_${permission.state}`;
  return { source: 'provider', event, at: permission.updatedAt };
}

/** The words of an origin's event (one this version does not know reads as the invitation). */
const eventKeys = [
  'accepted_temporary',
  'accepted_always',
  'declined',
  'revoked',
  'switched_temporary',
  'switched_always',
  'invitation_sent',
] as const;
const eventKey = (event: string) => eventKeys.find((k) => k === event) ?? 'invitation_sent';

/** The page's rows: customers, their permissions with where each came from, the attempts. */
interface Rows {
  customers: Customer[];
  permissions: PermissionWithOrigin[];
  attempts: CallAttempt[];
}

type RowMessage = { kind: 'status' | 'alert'; text: string };

function CustomerRow({
  customer,
  permission,
  origin,
  attempts,
  from,
  rules,
  deps,
  format,
  changed,
}: {
  customer: Customer;
  permission: CallPermission | undefined;
  origin: Origin;
  attempts: CallAttempt[];
  from: string | undefined;
  rules: CallRules;
  deps: CustomerDeps;
  format: (at: number) => string;
  /** Reads the data again (on the server: what the action changed there). */
  changed: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<RowMessage | null>(null);
  const now = deps.now();
  const state = permissionStatusAt(permission, now);
  const today = attemptsToday(attempts, customer.number, now, rules.timeZone).length;
  const shown = formatPhone(customer.number);
  const who = customer.name ? `${customer.name} (${shown})` : shown;

  const refusal = (r: RuleRefusal<ServerCallRule | RequestRule>, what: 'call' | 'invite') =>
    setMessage({
      kind: 'alert',
      text:
        t(`customers.refused.${what}`, {
          reason: t(ruleKey[r.rule], {
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
        text:
          e instanceof ProviderError
            ? providerErrorMessage(e, t)
            : workspaceMessage(e, formatPhone),
      });
    } finally {
      setBusy(false);
      changed();
    }
  };
  const invite = () =>
    run(async () => {
      if (!from) return;
      const result = await sendInvitation(deps, { from, number: customer.number }, rules);
      if ('rule' in result) {
        refusal(result, 'invite');
        return;
      }
      setMessage({ kind: 'status', text: t('providerServer.waiting', { who }) });
      // The customer answers at the provider; in this browser, the sandbox's answer is followed here.
      if (!deps.onServer) {
        followInvitation(deps, result.requestId, customer.number, rules)
          .then(() => setMessage({ kind: 'status', text: t('providerServer.answered', { who }) }))
          .catch((e: unknown) =>
            setMessage({
              kind: 'alert',
              text:
                e instanceof ProviderError
                  ? providerErrorMessage(e, t)
                  : workspaceMessage(e, formatPhone),
            }),
          );
      }
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
      <td>
        {origin
          ? origin.source === 'import'
            ? t('providerServer.origin.import')
            : t(`providerServer.origin.${origin.source}`, {
                event: t(`providerServer.event.${eventKey(origin.event)}`),
                when: format(origin.at),
              })
          : t('providerServer.origin.none')}
      </td>
      <td>{t('customers.today', { count: today, limit: rules.limits.callsPerDay })}</td>
      <td>
        <EditOnly>
          <div className="customer-actions" aria-busy={busy}>
            <button type="button" disabled={busy || !from} onClick={() => void call()}>
              {t('customers.call', { who })}
            </button>
            <button type="button" disabled={busy || !from} onClick={() => void invite()}>
              {t('customers.invite', { who })}
            </button>
          </div>
        </EditOnly>
        {message && <p role={message.kind}>{message.text}</p>}
      </td>
    </tr>
  );
}

/**
 * The customers the business may call on WhatsApp (R13-R15): each number's
 * call permission, where it came from and today's calls; invitations and
 * outbound calls through the provider when the rules allow them. The
 * customer answers at the provider, never here: on a server its events set
 * the permission (and the server applies R13-R15 to calls); browser-only,
 * the page follows the in-browser sandbox's answer.
 */
export function CustomersPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const services = useChannelServices();
  const current = useCurrentWorkspace();
  // On a server, its records (the permissions are the provider's answers there); else this browser's.
  const serverWorkspace = services.onServer && current ? current.workspace.id : null;
  const server = useServerCustomers(serverWorkspace);
  const onServer = serverWorkspace !== null;
  const local = useWorkspaceRead(readCustomers, CUSTOMER_TABLES);
  const localLines = useLines().value?.items ?? [];
  const data: { value: Rows | null; error: string | null } = onServer
    ? {
        value: server.value && {
          customers: server.value.customers,
          permissions: server.value.permissions,
          attempts: server.value.attempts,
        },
        error: server.error,
      }
    : {
        value: local.value && {
          ...local.value,
          permissions: local.value.permissions.map((p) => ({
            permission: p,
            origin: originOf(p),
          })),
        },
        error: local.error ?? null,
      };
  const lines = onServer ? (server.value?.lines ?? []) : localLines;
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
      // Not a number: the field says so under it, once (and held the form back).
      if (!typed.ok) return;
      if (onServer) {
        const trimmed = name.trim();
        await server.addCustomer({
          id: services.newId(),
          number: typed.e164,
          createdAt: services.now(),
          ...(trimmed && { name: trimmed }),
        });
      } else {
        await addCustomer(deps, { number: typed.e164, name });
      }
      setNumber('');
      setName('');
    } catch (e) {
      setError(workspaceMessage(e, formatPhone));
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
      <ReadOnlyFields>
        {settings && <CallLimits limits={rules.limits} />}
        {whatsapp.length === 0 ? (
          <p>
            {t('customers.noLine')}{' '}
            <a href={channelHref('whatsapp')}>{t('customers.createLine')}</a>
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
        <EditOnly>
          <form
            className="sip-form"
            onSubmit={(e) => void add(e)}
            aria-labelledby="add-customer-title"
          >
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
        </EditOnly>
        {data.error && <p role="alert">{data.error}</p>}
        {data.value === null ? (
          <p>{t('channels.loading')}</p>
        ) : data.value.customers.length === 0 ? (
          <EmptyTable icon={<Building2 size={20} />} title={t('customers.none')} />
        ) : (
          <DataTable
            caption={t('customers.caption')}
            showCaption
            columns={[
              t('customers.number'),
              t('customers.permission'),
              t('providerServer.originHeader'),
              t('customers.todayHeader'),
              t('customers.actions'),
            ]}
          >
            {data.value.customers.map((c) => {
              const found = data.value!.permissions.find((p) => p.permission.number === c.number);
              return (
                <CustomerRow
                  key={c.id}
                  customer={c}
                  permission={found?.permission}
                  origin={found?.origin ?? null}
                  changed={() => void server.reload()}
                  attempts={data.value!.attempts}
                  from={from}
                  rules={rules}
                  deps={deps}
                  format={format}
                />
              );
            })}
          </DataTable>
        )}
      </ReadOnlyFields>
    </div>
  );
}
