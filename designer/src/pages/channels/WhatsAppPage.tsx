import { MessageCircle } from 'lucide-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  whatsappCallingChecklist,
  type ChecklistCallbot,
  type ChecklistItem,
  type SipLine,
  type WhatsAppLine,
} from '@callbot/shared';
import { flowHref, teamsHref } from '../../app/route.ts';
import { useRepository } from '../../app/RepositoryContext.tsx';
import { providerErrorMessage } from '../../provider/messages.ts';
import { useSettings, useTeams } from '../../app/WorkspaceContext.tsx';
import { useDateTimeFormat } from '../../i18n/useDateTimeFormat.ts';
import { workspaceMessage } from '../../app/workspaceMessages.ts';
import { DeleteLine } from './DeleteLine.tsx';
import { LineCallbot, callbotPickerId } from './LineCallbot.tsx';
import { useAnsweringContext, useLineDeps, useLines } from './data.ts';
import { createWhatsAppLine, setWhatsAppCalls, type CallingContext } from './lineCommands.ts';
import { formatPhone, parsePhoneInput, phoneCountry } from '../../forms/phone.ts';
import { PhoneField } from '../../forms/PhoneField.tsx';
import { EditOnly } from '../../account/ReadOnly.tsx';
import { EmptyTable } from '../../ui/Table.tsx';

/** The callbots with their flows, for the checklist (R2 reads the line's callbot's flow). */
function useCallbotDocs(): ChecklistCallbot[] {
  const repository = useRepository();
  const { callbots } = useAnsweringContext();
  const ids = callbots.map((c) => c.id).join(' ');
  const [docs, setDocs] = useState<ChecklistCallbot[]>([]);
  useEffect(() => {
    let live = true;
    const wanted = ids ? ids.split(' ') : [];
    void Promise.all(
      wanted.map((id) =>
        repository.open(id).then(
          (opened) => ({ id, callbot: true, doc: opened.doc }),
          () => null,
        ),
      ),
    ).then((opened) => {
      if (live) setDocs(opened.filter((o) => o !== null));
    });
    return () => {
      live = false;
    };
  }, [repository, ids]);
  return docs;
}

/** The R2 checklist's input, but for the line. */
function useChecklistContext(): CallingContext {
  const teams = useTeams().value?.items ?? [];
  const callbots = useCallbotDocs();
  return { teams, callbots };
}

/** Where each missing item of the checklist is fixed: the line's callbot, its flow, or the teams. */
function FixLink({ item, line }: { item: ChecklistItem; line: WhatsAppLine }) {
  const { t } = useTranslation();
  const fix = t(`channels.whatsapp.fix.${item.id}`);
  if (item.id === 'receptionCallbot' || line.callbotId === undefined) {
    return (
      <button
        type="button"
        className="link-button"
        onClick={() => document.getElementById(callbotPickerId(line.id))?.focus()}
      >
        {t('channels.whatsapp.fix.receptionCallbot')}
      </button>
    );
  }
  // Teams that do not exist or lack agents are fixed on the Teams page; the rest in the flow.
  if (item.id === 'teamWithAgents' && item.params?.teams) return <a href={teamsHref}>{fix}</a>;
  return (
    <a href={flowHref(line.callbotId)}>
      {item.id === 'teamWithAgents' ? t('channels.whatsapp.fix.openingHours') : fix}
    </a>
  );
}

/** One WhatsApp line: who answers it, its checklist and the "Enable calls" switch (R2). */
function WhatsAppLineCard({ line, context }: { line: WhatsAppLine; context: CallingContext }) {
  const { t } = useTranslation();
  const deps = useLineDeps();
  const formatDate = useDateTimeFormat(useSettings().value?.settings.timeZone);
  const [refusal, setRefusal] = useState<string | null>(null);
  const id = useId();
  const reception = context.callbots.find((c) => c.id === line.callbotId);
  const checklist = whatsappCallingChecklist({ line, teams: context.teams, reception });
  const missing = checklist.filter((i) => !i.done);

  const toggle = async () => {
    setRefusal(null);
    try {
      const result = await setWhatsAppCalls(
        deps,
        { ...context, lineId: line.id },
        !line.callsEnabled,
      );
      if (!result.ok) {
        setRefusal(
          result.code === 'R1.callingOff'
            ? t('channels.whatsapp.callingOff', { number: formatPhone(line.number) })
            : t('channels.whatsapp.checklistIncomplete'),
        );
      }
    } catch (e) {
      setRefusal(workspaceMessage(e));
    }
  };

  return (
    <li className="line-card" aria-label={formatPhone(line.number)}>
      <div className="line-card__head">
        <strong>{formatPhone(line.number)}</strong>
        <span>{line.displayName}</span>
        <span className="line-badge">{t('channels.whatsapp.messagesAndCalls')}</span>
      </div>
      <LineCallbot line={line} />
      <div className="whatsapp-calls">
        <button
          type="button"
          role="switch"
          aria-checked={line.callsEnabled}
          aria-describedby={`${id}-checklist`}
          onClick={() => void toggle()}
        >
          {t('channels.whatsapp.enableCalls', { number: formatPhone(line.number) })}
        </button>
        <span>
          {line.callsEnabled ? t('channels.whatsapp.callsOn') : t('channels.whatsapp.callsOff')}
        </span>
        {refusal && <p role="alert">{refusal}</p>}
        {!line.callsEnabled && line.callsTurnedOff && (
          <p className="whatsapp-calls__off">
            {t('rules.callsTurnedOff', { date: formatDate.format(line.callsTurnedOff.at) })}
          </p>
        )}
        {line.callsEnabled && missing.length > 0 && <p role="alert">{t('rules.callsOnBroken')}</p>}
        <div id={`${id}-checklist`}>
          <p>
            {missing.length === 0
              ? t('channels.whatsapp.checklistDone')
              : t('channels.whatsapp.missing')}
          </p>
          <ul className="checklist" aria-label={t('channels.whatsapp.missingList')}>
            {checklist.map((item) => (
              <li
                key={item.id}
                className={`checklist__item checklist__item--${item.done ? 'done' : 'missing'}`}
              >
                <span className="checklist__mark" aria-hidden="true">
                  {item.done ? '✓' : '✗'}
                </span>{' '}
                <strong className="checklist__state">
                  {item.done ? t('checklistMarks.done') : t('checklistMarks.missing')}
                </strong>
                {': '}
                {t(`channels.whatsapp.item.${item.id}`)}
                {!item.done && item.params?.teams && (
                  <> {t('rules.teamsNotReady', { teams: item.params.teams })}</>
                )}
                {!item.done && (
                  <>
                    {' '}
                    <FixLink item={item} line={line} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {line.voiceLineId && <p>{t('channels.whatsapp.sharedVoice')}</p>}
      <DeleteLine line={line} />
    </li>
  );
}

/** The "Calls by WhatsApp" card (R8, R1, R6, R2). */
export function WhatsAppPage() {
  const { t } = useTranslation();
  const deps = useLineDeps();
  const lines = useLines();
  const context = useChecklistContext();
  const country = useSettings().value?.settings.country;
  const [number, setNumber] = useState('');
  const [shareWith, setShareWith] = useState('');
  const [share, setShare] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const all = lines.value?.items ?? [];
  const whatsapp = all.filter((l): l is WhatsAppLine => l.kind === 'whatsapp');
  const sipLines = all.filter((l): l is SipLine => l.kind === 'sip');
  const voiceLineId = shareWith || sipLines[0]?.id || '';

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const typed = parsePhoneInput(number, phoneCountry(country));
    // Not a number: the field says so under it, once (and held the form back).
    if (!typed.ok) return;
    setBusy(true);
    setError(null);
    setStatus(t('channels.whatsapp.verifying', { number: formatPhone(typed.e164) }));
    try {
      const result = await createWhatsAppLine(deps, {
        number: typed.e164,
        ...(share && voiceLineId && { voiceLineId }),
      });
      if (result.ok) {
        setStatus(t('channels.whatsapp.created', { number: formatPhone(result.line.number) }));
        setNumber('');
        setShare(false);
      } else {
        setStatus('');
        setError(
          t(`channels.whatsapp.refusal.${result.code}`, { number: formatPhone(typed.e164) }),
        );
      }
    } catch (e) {
      setStatus('');
      setError(providerErrorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="channel-page whatsapp-card" aria-labelledby="whatsapp-title">
      <h2 id="whatsapp-title">{t('channels.whatsapp.title')}</h2>
      <EditOnly>
        <form
          className="whatsapp-create"
          aria-labelledby="whatsapp-create-title"
          aria-busy={busy}
          onSubmit={(e) => void create(e)}
        >
          <h3 id="whatsapp-create-title">{t('channels.whatsapp.create')}</h3>
          <PhoneField
            label={t('channels.whatsapp.number')}
            required
            describedBy="whatsapp-number-note"
            defaultCountry={country}
            value={number}
            onChange={setNumber}
          />
          <p id="whatsapp-number-note" className="sip-form__note">
            {t('channels.whatsapp.numberNote')}
          </p>
          <label>
            <input
              type="checkbox"
              checked={share}
              disabled={sipLines.length === 0}
              onChange={(e) => setShare(e.target.checked)}
            />
            {t('channels.whatsapp.share')}
          </label>
          {sipLines.length === 0 ? (
            <p className="sip-form__note">{t('channels.whatsapp.shareNoSip')}</p>
          ) : (
            share && (
              <label>
                {t('channels.whatsapp.voiceLine')}
                <select value={voiceLineId} onChange={(e) => setShareWith(e.target.value)}>
                  {sipLines.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.label} {l.number ? `(${formatPhone(l.number)})` : ''}
                    </option>
                  ))}
                </select>
              </label>
            )
          )}
          <button type="submit" disabled={busy}>
            {t('channels.whatsapp.verifyAndCreate')}
          </button>
          <p role="status">{status}</p>
          {error && <p role="alert">{error}</p>}
        </form>
      </EditOnly>
      {whatsapp.length === 0 ? (
        <EmptyTable icon={<MessageCircle size={20} />} title={t('channels.whatsapp.none')} />
      ) : (
        <ul className="line-list" aria-label={t('channels.whatsapp.list')}>
          {whatsapp.map((line) => (
            <WhatsAppLineCard key={line.id} line={line} context={context} />
          ))}
        </ul>
      )}
    </section>
  );
}
