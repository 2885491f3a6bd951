import {
  e164Schema,
  hasErrors,
  validateFlow,
  type Diagnostic,
  type FlowDocument,
} from '@callbot/shared';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { diagnosticText } from '../i18n/diagnostics/index.ts';
import { type Translate } from '../i18n/index.ts';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { Phone, Rocket, Save, Search, Undo2 } from 'lucide-react';
import {
  createPublishClient,
  PublishError,
  type LineAssignment,
  type Published,
  type PublishedVersion,
} from './client.ts';
import {
  CALLBOT_ID,
  callbotIdFromName,
  loadPublishSettings,
  normaliseServerUrl,
  savePublishSettings,
} from './settings.ts';
import './publish.css';
import { useDateTimeFormat } from '../i18n/useDateTimeFormat.ts';
import { formatPhone, parsePhoneInput, phoneCountry } from '../forms/phone.ts';
import { PhoneField } from '../forms/PhoneField.tsx';

/** What the last action came to, shown under the forms. */
type Outcome =
  | { kind: 'localErrors'; diagnostics: Diagnostic[] }
  | { kind: 'published'; published: Published }
  | { kind: 'refused'; diagnostics: Diagnostic[] }
  | { kind: 'line'; line: LineAssignment | null; number: string; replaced?: string }
  | { kind: 'lineTaken'; number: string; current: string; target: PublishedVersion }
  | { kind: 'problem'; message: string };

/** A client failure in the UI language. */
function failure(error: unknown, t: Translate, serverUrl: string): Outcome {
  if (error instanceof PublishError) {
    if (error.kind === 'invalidFlow') {
      return { kind: 'refused', diagnostics: error.details.diagnostics ?? [] };
    }
    if (error.kind === 'lineHasCallbot') {
      // Handled where the line is pointed; here only as a message.
      return { kind: 'problem', message: error.message };
    }
    return {
      kind: 'problem',
      message: t(`publish.errors.${error.kind}`, { url: serverUrl, message: error.message }),
    };
  }
  return { kind: 'problem', message: String(error) };
}

function Diagnostics({ diagnostics, label }: { diagnostics: Diagnostic[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ul aria-label={label} className="publish__diagnostics">
      {diagnostics.map((d, i) => {
        const { message, hint } = diagnosticText(d, t);
        return (
          <li key={i} className={`publish__diagnostic publish__diagnostic--${d.severity}`}>
            {message}
            {hint && <span className="publish__hint"> {hint}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Publishes the flow being edited to a runtime server: the server's URL and
 * token (kept in this browser), the callbot id and a note; the flow is
 * checked here first and sent only without errors. Lists the callbot's
 * published versions, points a phone line at one (asking before replacing
 * another callbot, R3) and rolls a line back.
 */
export function PublishDialog({
  doc,
  onClose,
  fetch,
}: {
  doc: FlowDocument;
  onClose: () => void;
  /** How requests reach the server: the browser's `fetch` unless given (stories). */
  fetch?: typeof globalThis.fetch;
}) {
  const { t } = useTranslation();
  const dateFormat = useDateTimeFormat();
  const [settings, setSettings] = useState(loadPublishSettings);
  const [serverUrl, setServerUrl] = useState(settings.serverUrl);
  const [token, setToken] = useState(settings.token);
  const [settingsNote, setSettingsNote] = useState<string | null>(null);
  const [callbot, setCallbot] = useState(() => callbotIdFromName(doc.settings.name));
  const [note, setNote] = useState('');
  /** The line's number as typed; `number` is its E.164, empty while it is not a number. */
  const [numberText, setNumberText] = useState('');
  const [lineVersion, setLineVersion] = useState<number | null>(null);
  const [versions, setVersions] = useState<PublishedVersion[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const client = useMemo(
    () =>
      settings.serverUrl && settings.token
        ? createPublishClient({
            serverUrl: settings.serverUrl,
            token: settings.token,
            ...(fetch && { fetch }),
          })
        : null,
    [settings, fetch],
  );
  const callbotValid = CALLBOT_ID.test(callbot);

  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    if (!client || !callbotValid) return;
    let live = true;
    client.listVersions(callbot).then(
      (list) => {
        if (!live) return;
        setVersions(list);
        setLineVersion((chosen) =>
          chosen !== null && list.some((v) => v.version === chosen)
            ? chosen
            : (list.at(-1)?.version ?? null),
        );
      },
      (error: unknown) => live && setOutcome(failure(error, t, settings.serverUrl)),
    );
    return () => {
      live = false;
    };
  }, [client, callbot, callbotValid, reloads, t, settings.serverUrl]);

  const run = async (action: (c: NonNullable<typeof client>) => Promise<Outcome>) => {
    if (!client) {
      setOutcome({ kind: 'problem', message: t('publish.noSettings') });
      return;
    }
    setBusy(true);
    try {
      setOutcome(await action(client));
    } catch (error) {
      setOutcome(failure(error, t, settings.serverUrl));
    } finally {
      setBusy(false);
      setReloads((n) => n + 1);
    }
  };

  const saveSettings = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const url = normaliseServerUrl(serverUrl);
    if (!url) {
      setSettingsNote(t('publish.badUrl'));
      return;
    }
    const next = { serverUrl: url, token: token.trim() };
    savePublishSettings(next);
    setServerUrl(url);
    setSettings(next);
    setSettingsNote(t('publish.settingsSaved'));
  };

  const publish = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local = validateFlow(doc);
    if (hasErrors(local)) {
      setOutcome({
        kind: 'localErrors',
        diagnostics: local.filter((d) => d.severity === 'error'),
      });
      return;
    }
    void run(async (c) => {
      const published = await c.publish(callbot, doc, note);
      // The line form offers the version just published.
      setLineVersion(published.version);
      setNote('');
      return { kind: 'published', published };
    });
  };

  const typed = parsePhoneInput(numberText, phoneCountry());
  const number = typed.ok ? typed.e164 : '';
  const numberValid = typed.ok && e164Schema.safeParse(number).success;

  const pointLine = (target: PublishedVersion, replace: boolean) =>
    run(async (c) => {
      try {
        const { line, replaced } = await c.assignLine(
          number,
          { callbot: target.callbot, version: target.version },
          replace,
        );
        return {
          kind: 'line',
          line,
          number,
          ...(replaced && replaced.callbot !== line.callbot && { replaced: replaced.callbot }),
        };
      } catch (error) {
        if (error instanceof PublishError && error.kind === 'lineHasCallbot') {
          return {
            kind: 'lineTaken',
            number,
            current: error.details.current?.callbot ?? '',
            target,
          };
        }
        throw error;
      }
    });

  const submitLine = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = versions?.find((v) => v.version === lineVersion);
    if (numberValid && target) void pointLine(target, false);
  };

  return (
    <Dialog label={t('publish.title')} onClose={onClose}>
      <form className="publish__form" onSubmit={saveSettings} noValidate>
        <fieldset>
          <legend>{t('publish.server')}</legend>
          <label>
            {t('publish.serverUrl')}
            <input
              type="url"
              value={serverUrl}
              placeholder="http://127.0.0.1:8787"
              onChange={(e) => setServerUrl(e.target.value)}
            />
          </label>
          <label>
            {t('publish.token')}
            <input
              type="password"
              autoComplete="off"
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
          </label>
          <p className="publish__hint">{t('publish.storedHere')}</p>
          <Button type="submit" icon={<Save />}>
            {t('publish.saveSettings')}
          </Button>
          {settingsNote && <p role="status">{settingsNote}</p>}
        </fieldset>
      </form>

      <form className="publish__form" onSubmit={publish}>
        <label>
          {t('publish.callbot')}
          <input
            value={callbot}
            aria-invalid={!callbotValid}
            aria-describedby="publish-callbot-hint"
            onChange={(e) => {
              setCallbot(e.target.value);
              setVersions(null);
            }}
          />
        </label>
        <p id="publish-callbot-hint" className="publish__hint">
          {callbotValid ? t('publish.callbotHint') : t('publish.badCallbot')}
        </p>
        <label>
          {t('publish.note')}
          <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </label>
        <Button type="submit" variant="primary" icon={<Rocket />} disabled={busy || !callbotValid}>
          {t('publish.publish')}
        </Button>
      </form>

      <div aria-live="polite">
        {busy && <p role="status">{t('publish.busy')}</p>}
        {outcome && <OutcomeView outcome={outcome} onReplace={pointLine} busy={busy} />}
      </div>

      {versions && (
        <section aria-label={t('publish.versions', { callbot })}>
          <h3>{t('publish.versions', { callbot })}</h3>
          {versions.length === 0 ? (
            <p>{t('publish.noVersions', { callbot })}</p>
          ) : (
            <ol className="publish__versions">
              {versions.map((v) => (
                <li key={v.version}>
                  {t('publish.versionLine', {
                    version: v.version,
                    date: dateFormat.format(new Date(v.createdAt)),
                  })}
                  {v.note && ` · ${v.note}`}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}

      {versions && versions.length > 0 && (
        <form className="publish__form" onSubmit={submitLine}>
          <fieldset>
            <legend>{t('publish.line')}</legend>
            <PhoneField
              label={t('publish.lineNumber')}
              value={numberText}
              onChange={setNumberText}
            />
            <label>
              {t('publish.lineVersion')}
              <select
                value={lineVersion ?? ''}
                onChange={(e) => setLineVersion(Number(e.target.value))}
              >
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {v.version}
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit" icon={<Phone />} disabled={busy || !numberValid}>
              {t('publish.pointLine')}
            </Button>
            <Button
              variant="ghost"
              icon={<Search />}
              disabled={busy || !numberValid}
              onClick={() =>
                void run(async (c) => ({ kind: 'line', line: await c.getLine(number), number }))
              }
            >
              {t('publish.checkLine')}
            </Button>
            <Button
              variant="ghost"
              icon={<Undo2 />}
              disabled={busy || !numberValid}
              onClick={() =>
                void run(async (c) => ({
                  kind: 'line',
                  line: (await c.rollback(number)).line,
                  number,
                }))
              }
            >
              {t('publish.rollback')}
            </Button>
          </fieldset>
        </form>
      )}
    </Dialog>
  );
}

function OutcomeView({
  outcome,
  onReplace,
  busy,
}: {
  outcome: Outcome;
  onReplace: (target: PublishedVersion, replace: boolean) => Promise<void>;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState<Outcome | null>(null);
  switch (outcome.kind) {
    case 'localErrors':
      return (
        <div role="alert">
          <p>{t('publish.localErrors')}</p>
          <Diagnostics diagnostics={outcome.diagnostics} label={t('publish.localErrors')} />
        </div>
      );
    case 'refused':
      return (
        <div role="alert">
          <p>{t('publish.refused')}</p>
          <Diagnostics diagnostics={outcome.diagnostics} label={t('publish.refused')} />
        </div>
      );
    case 'published': {
      const { version, callbot, diagnostics } = outcome.published;
      return (
        <div role="status">
          <p className="publish__done">{t('publish.published', { version, callbot })}</p>
          {diagnostics.length > 0 ? (
            <>
              <p>{t('publish.warnings')}</p>
              <Diagnostics diagnostics={diagnostics} label={t('publish.warnings')} />
            </>
          ) : (
            <p>{t('publish.clean')}</p>
          )}
        </div>
      );
    }
    case 'line':
      return (
        <p role="status">
          {outcome.line
            ? t('publish.lineNow', {
                number: formatPhone(outcome.number),
                callbot: outcome.line.callbot,
                version: outcome.line.version,
              })
            : t('publish.lineFree', { number: formatPhone(outcome.number) })}
          {outcome.replaced && ` ${t('publish.lineReplaced', { callbot: outcome.replaced })}`}
        </p>
      );
    case 'lineTaken':
      if (dismissed === outcome) return null;
      return (
        <div role="alert">
          <p>
            {t('publish.lineTaken', {
              number: formatPhone(outcome.number),
              current: outcome.current,
              callbot: outcome.target.callbot,
            })}
          </p>
          <Button
            variant="danger"
            disabled={busy}
            onClick={() => void onReplace(outcome.target, true)}
          >
            {t('publish.replace', { current: outcome.current })}
          </Button>
          <Button onClick={() => setDismissed(outcome)}>
            {t('publish.keep', { current: outcome.current })}
          </Button>
        </div>
      );
    case 'problem':
      return <p role="alert">{outcome.message}</p>;
  }
}
