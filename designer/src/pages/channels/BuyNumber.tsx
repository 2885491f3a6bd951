import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailableNumber, Country } from '../../provider/index.ts';
import { providerErrorMessage } from '../../provider/messages.ts';
import { useSettings } from '../../app/WorkspaceContext.tsx';
import { useLineDeps } from './data.ts';
import { buyNumber } from './lineCommands.ts';
import { formatPhone } from '../../forms/phone.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Select, TextField } from '../../ui/Field.tsx';

type Progress =
  { kind: 'idle' } | { kind: 'busy'; message: string } | { kind: 'error'; message: string };

/**
 * R4: buy a number: a country, then one of its available numbers (searched
 * by digits; other characters typed are left out, and the field says so),
 * then confirm. The order is kept as a line `requested`; a number taken
 * meanwhile is said and nothing is kept.
 */
export function BuyNumber({
  onBought,
  onCancel,
}: {
  onBought: (number: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const deps = useLineDeps();
  const { provider } = deps;
  const workspaceCountry = useSettings().value?.settings.country;
  const [countries, setCountries] = useState<Country[] | null>(null);
  const [country, setCountry] = useState('');
  const [contains, setContains] = useState('');
  const [listed, setListed] = useState<{ query: string; numbers: AvailableNumber[] } | null>(null);
  const [choice, setChosen] = useState('');
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const [listing, setListing] = useState(0);
  const id = useId();
  const selected = country || workspaceCountry || countries?.[0]?.code || '';

  useEffect(() => {
    const abort = new AbortController();
    provider.listCountries({ signal: abort.signal }).then(setCountries, (e: unknown) => {
      if (!abort.signal.aborted)
        setProgress({ kind: 'error', message: providerErrorMessage(e, t) });
    });
    return () => abort.abort();
  }, [provider, t]);

  const digits = contains.replace(/\D/g, '');
  // Spaces, +, dashes, dots and brackets are how numbers are written: only other characters are said.
  const notDigits = /[^\d\s+().-]/.test(contains);
  const query = `${selected} ${digits} ${listing}`;
  const numbers = listed?.query === query ? listed.numbers : null;
  // A number picked before the search changed is bought only while it is still listed.
  const chosen = numbers?.some((n) => n.number === choice) ? choice : '';
  useEffect(() => {
    if (!selected) return;
    const abort = new AbortController();
    provider
      .listAvailableNumbers(
        { country: selected, ...(digits && { contains: digits }) },
        { signal: abort.signal },
      )
      .then(
        (page) => setListed({ query, numbers: page.numbers }),
        (e: unknown) => {
          if (!abort.signal.aborted) {
            setListed({ query, numbers: [] });
            setProgress({ kind: 'error', message: providerErrorMessage(e, t) });
          }
        },
      );
    return () => abort.abort();
  }, [provider, selected, digits, query, t]);

  const buy = async () => {
    setProgress({
      kind: 'busy',
      message: t('channels.buy.ordering', { number: formatPhone(chosen) }),
    });
    try {
      await buyNumber(deps, { country: selected, number: chosen });
      onBought(chosen);
    } catch (e) {
      setProgress({ kind: 'error', message: providerErrorMessage(e, t) });
      setChosen('');
      setListing((n) => n + 1); // the taken number is gone from the list
    }
  };
  const busy = progress.kind === 'busy';
  const countryName = (c: Country) =>
    new Intl.DisplayNames([i18n.language], { type: 'region' }).of(c.code) ?? c.name;

  return (
    <section className="buy-number" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h3 id={`${id}-title`}>{t('channels.buy.title')}</h3>
      <div className="buy-number__filters">
        <Select
          label={t('channels.buy.country')}
          value={selected}
          disabled={!countries}
          onChange={(e) => {
            setCountry(e.target.value);
            setChosen('');
          }}
        >
          {countries?.map((c) => (
            <option key={c.code} value={c.code}>
              {countryName(c)} ({c.callingCode})
            </option>
          ))}
        </Select>
        <TextField
          label={t('channels.buy.search')}
          type="search"
          inputMode="numeric"
          value={contains}
          error={notDigits ? t('channels.buy.notDigits', { text: contains.trim() }) : undefined}
          onChange={(e) => setContains(e.target.value)}
        />
      </div>
      <fieldset className="buy-number__list" aria-busy={numbers === null}>
        <legend>{t('channels.buy.available')}</legend>
        <div className="buy-number__options">
          {numbers === null ? (
            <p className="buy-number__empty">{t('channels.loading')}</p>
          ) : numbers.length === 0 ? (
            <p className="buy-number__empty">{t('channels.buy.none')}</p>
          ) : (
            numbers.map((n) => (
              <label key={n.number} className="buy-number__option">
                <input
                  type="radio"
                  name={`${id}-number`}
                  value={n.number}
                  checked={chosen === n.number}
                  onChange={() => setChosen(n.number)}
                />
                <span className="buy-number__number">{formatPhone(n.number)}</span>{' '}
                <span className="buy-number__place">{n.locality}</span>{' '}
                <Badge>{t(`channels.buy.type.${n.type}`)}</Badge>
              </label>
            ))
          )}
        </div>
      </fieldset>
      <div className="buy-number__actions">
        <Button variant="primary" disabled={!chosen || busy} onClick={() => void buy()}>
          {chosen
            ? t('channels.buy.confirm', { number: formatPhone(chosen) })
            : t('channels.buy.pickFirst')}
        </Button>
        <Button onClick={onCancel}>{t('channels.cancel')}</Button>
      </div>
      <p role="status">{progress.kind === 'busy' ? progress.message : ''}</p>
      {progress.kind === 'error' && <p role="alert">{progress.message}</p>}
    </section>
  );
}
