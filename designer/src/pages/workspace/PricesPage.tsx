import { useState } from 'react';
import { RotateCcw, Upload } from 'lucide-react';
import { Button } from '../../ui/Button.tsx';
import { useTranslation } from 'react-i18next';
import {
  billingChannels,
  callDirections,
  priceTableWarnings,
  type PriceTable,
  type PriceTableWarning,
} from '@callbot/shared';
import { formattingLocale } from '../../i18n/index.ts';
import type { FieldProblem } from '../../persistence/index.ts';
import { formatMoney } from '../../simulator/cost/callCost.ts';
import { JsonFileButton } from '../../ui/JsonFileButton.tsx';
import { readFileText } from '../../ui/readFile.ts';
import { usePriceTable, useSettings, useWorkspace } from '../../app/WorkspaceContext.tsx';
import { workspaceMessage } from '../../app/workspaceMessages.ts';
import { readPriceTable, tiersInWords } from './prices.ts';
import { DataTable } from '../../ui/Table.tsx';
import { EditOnly, ReadOnlyFields } from '../../account/ReadOnly.tsx';

/**
 * The price table in use, per country and channel, its tiers in words (R20,
 * R21): the shipped example (clearly labelled) or one imported as JSON.
 * A trainer or a viewer reads it, with no import or reset.
 */
export function PricesPage() {
  const {
    t,
    i18n: { language },
  } = useTranslation();
  const locale = formattingLocale(language);
  const workspace = useWorkspace();
  const settings = useSettings();
  const table = usePriceTable();
  const own = settings.value?.settings.priceTable !== undefined;
  const [problems, setProblems] = useState<{ file: string; problems: FieldProblem[] } | null>(null);
  const [message, setMessage] = useState<{ alert: boolean; text: string } | null>(null);
  // R20: figures that look wrong in an imported table (a longer call cheaper than a shorter one).
  const [warnings, setWarnings] = useState<PriceTableWarning[]>([]);

  const importFile = async (file: File) => {
    setProblems(null);
    setMessage(null);
    setWarnings([]);
    try {
      const read = readPriceTable(await readFileText(file));
      if (!read.ok) {
        setProblems({ file: file.name, problems: read.problems });
        return;
      }
      await workspace.updateSettings({ priceTable: read.table });
      setWarnings(priceTableWarnings(read.table));
      setMessage({
        alert: false,
        text: t('workspace.prices.imported', { label: read.table.label }),
      });
    } catch (error) {
      setMessage({ alert: true, text: workspaceMessage(error) });
    }
  };

  const reset = async () => {
    setProblems(null);
    try {
      await workspace.updateSettings({ priceTable: undefined });
      setMessage({ alert: false, text: t('workspace.prices.resetDone') });
    } catch (error) {
      setMessage({ alert: true, text: workspaceMessage(error) });
    }
  };

  return (
    <div className="workspace-page">
      <h1>{t('workspace.prices.title')}</h1>
      <p className="workspace-page__lead">{t('workspace.prices.lead')}</p>
      <ReadOnlyFields>
        <p>
          {/* The shipped table's own label is English; its badge speaks the UI language. */}
          {table.example ? (
            <span className="workspace-badge workspace-badge--example">{t('cost.example')}</span>
          ) : (
            <strong>{table.label}</strong>
          )}
        </p>
        <EditOnly>
          <div className="workspace-page__new">
            <JsonFileButton
              icon={<Upload />}
              label={t('workspace.prices.import')}
              pickerLabel={t('workspace.prices.pick')}
              onFile={(file) => void importFile(file)}
            />
            {own && (
              <Button icon={<RotateCcw />} onClick={() => void reset()}>
                {t('workspace.prices.reset')}
              </Button>
            )}
          </div>
        </EditOnly>
        {message && (
          <p
            role={message.alert ? 'alert' : 'status'}
            className={message.alert ? 'workspace-page__problem' : undefined}
          >
            {message.text}
          </p>
        )}
        {warnings.length > 0 && (
          <ul role="alert" className="workspace-page__problem" aria-label={t('rules.warnings')}>
            {warnings.map((w) => (
              <li key={`${w.country}-${w.channel}-${w.direction}-${w.minutes}`}>
                {t('rules.importWarning', {
                  country: w.country,
                  channel: t(`rules.channel.${w.channel}`),
                  direction: t(`rules.direction.${w.direction}`),
                  minutes: w.minutes,
                  longer: w.minutes + 1,
                })}
              </li>
            ))}
          </ul>
        )}
        {problems && (
          <div role="alert" className="workspace-page__problem">
            <p>{t('workspace.prices.refused', { file: problems.file })}</p>
            <ul>
              {problems.problems.map((p, i) => (
                <li key={i}>
                  {p.path && <code>{p.path}</code>} {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {Object.entries(table.countries).map(([country, prices]) => (
          <CountryPrices
            key={country}
            country={country}
            prices={prices}
            table={table}
            locale={locale}
          />
        ))}
      </ReadOnlyFields>
    </div>
  );
}

function CountryPrices({
  country,
  prices,
  table,
  locale,
}: {
  country: string;
  prices: PriceTable['countries'][string];
  table: PriceTable;
  locale: string;
}) {
  const { t } = useTranslation();
  const countryName = new Intl.DisplayNames([locale], { type: 'region' }).of(country) ?? country;
  return (
    <section className="prices__country" aria-labelledby={`prices-${country}`}>
      <h2 id={`prices-${country}`}>
        {countryName} ({prices.currency})
        {country === table.defaultCountry && (
          <span className="workspace-badge">{t('workspace.prices.defaultCountry')}</span>
        )}
      </h2>
      <DataTable
        caption={`${countryName} (${prices.currency})`}
        columns={[
          t('workspace.prices.channel'),
          t('workspace.prices.direction'),
          t('workspace.prices.tiers'),
        ]}
      >
        {billingChannels.flatMap((channel) =>
          callDirections.map((direction) => (
            <tr key={`${channel}-${direction}`}>
              <th scope="row">{t(`workspace.prices.channels.${channel}`)}</th>
              <td>{t(`workspace.prices.directions.${direction}`)}</td>
              <td>
                <ul className="prices__tiers">
                  {tiersInWords(prices[channel][direction], t, locale).map((tier, i) => (
                    <li key={i}>
                      {tier.words}
                      {tier.perMinute !== null &&
                        `: ${t('workspace.prices.perMinute', {
                          rate: formatMoney(tier.perMinute, prices.currency, locale),
                        })}`}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          )),
        )}
      </DataTable>
    </section>
  );
}
