import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenMenu, LookupResult } from '../../../main/contract/citizenServices';
import { useHost, useRpcQuery } from '../../client/hostContext';
import { localized } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useVoicePrompt } from '../access/KioskAccess';
import { useChoicePage } from '../access/useChoicePage';
import { useRpcAction } from '../../ui/useRpcAction';

type Lookup = CitizenMenu['lookups'][number];

function ResultView({ result, onBack }: { result: LookupResult; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const [printed, setPrinted] = useState<{ printed: boolean; problem: string | null } | null>(null);
  const printedText = printed && (printed.printed ? t('lookups.printed') : t('lookups.notPrinted', { problem: printed.problem ?? '' }));
  // The result is read out as the screen shows it: the facts one by one; a table by its size, as rows read aloud are no use.
  useVoicePrompt(
    result.done && localized(result.done, i18n.language),
    ...result.facts.map((fact) => t('lookups.spokenFact', { label: localized(fact.label, i18n.language), value: fact.value })),
    result.table && (result.table.rows.length === 0 ? t('lookups.empty') : t('lookups.rowCount', { count: result.table.rows.length })),
    t('lookups.printHint'),
  );
  useVoicePrompt(printedText);
  return (
    <section className="lookup-result" aria-live="polite">
      {result.done && <p className="notice ok">{localized(result.done, i18n.language)}</p>}
      <dl>
        {result.facts.map((fact) => (
          <div key={fact.label.en}>
            <dt>{localized(fact.label, i18n.language)}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      {/* Before the table: a year of rows runs past the screen's fold, and "print" and "back" must stay in reach. */}
      {printed && <p className={printed.printed ? 'notice ok' : 'notice error'}>{printedText}</p>}
      <p>{t('lookups.printHint')}</p>
      <div className="choice-row">
        <button type="button" className="primary" onClick={() => void host.call('lookups.print', {}).then(setPrinted)}>
          {t('lookups.print')}
        </button>
        <button type="button" onClick={onBack}>
          {t('lookups.back')}
        </button>
      </div>
      {result.table &&
        (result.table.rows.length === 0 ? (
          <p>{t('lookups.empty')}</p>
        ) : (
          <table>
            <caption>{t('lookups.rowCount', { count: result.table.rows.length })}</caption>
            <thead>
              <tr>
                {result.table.columns.map((column) => (
                  <th key={column.en} scope="col">
                    {localized(column, i18n.language)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.table.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) => (
                    <td key={column}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}

/** The hall's lookups of a group as buttons (four at a time in elder mode); a result as facts and a table, printable as a receipt. */
export function LookupsPanel({ group = 'social-security' }: { group?: Lookup['group'] }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const { data: menu } = useRpcQuery('citizenServices.menu', {}, ['hallServices.changed']);
  const [result, setResult] = useState<LookupResult | null>(null);
  const [asking, setAsking] = useState<Lookup | null>(null);
  const { busy: loading, error, run } = useRpcAction();
  const years = Array.from({ length: 5 }, (_, index) => new Date().getFullYear() - index);
  const { shown, more } = useChoicePage(menu?.lookups.filter((lookup) => lookup.group === group) ?? []);
  const yearPage = useChoicePage(years);
  const title = group === 'transport' ? t('lookups.transportTitle') : t('lookups.title');
  const askingName = asking && localized(asking.name, i18n.language);
  useVoicePrompt(
    !result && !asking && !loading && title,
    !result && !asking && !loading && t('lookups.choose'),
    !result && askingName,
    !result && asking && (asking.byYear ? t('lookups.chooseYear') : t('lookups.confirmAction', { name: askingName })),
  );

  const look = (lookup: Lookup, year: number | null) => {
    setAsking(null);
    return run(async () => setResult(await host.call('lookups.run', { lookup: lookup.id, year })));
  };

  if (result) return <ResultView result={result} onBack={() => setResult(null)} />;
  if (loading) return <p className="issuing">{t('lookups.loading')}</p>;
  if (asking) {
    return (
      <section className="lookup-ask" aria-labelledby="ask-heading">
        <h2 id="ask-heading">{askingName}</h2>
        {asking.byYear ? (
          <>
            <p>{t('lookups.chooseYear')}</p>
            <div className="choice-row" role="group" aria-label={t('lookups.year')}>
              {yearPage.shown.map((year) => (
                <button type="button" key={year} onClick={() => void look(asking, year)}>
                  {year}
                </button>
              ))}
              {yearPage.more}
            </div>
          </>
        ) : (
          <>
            <p className="notice">{t('lookups.confirmAction', { name: askingName })}</p>
            <button type="button" className="primary" onClick={() => void look(asking, null)}>
              {t('lookups.confirm')}
            </button>
          </>
        )}
        <button type="button" onClick={() => setAsking(null)}>
          {t('lookups.back')}
        </button>
      </section>
    );
  }
  return (
    <section aria-labelledby="lookups-heading">
      <h2 id="lookups-heading">{title}</h2>
      <p>{t('lookups.choose')}</p>
      {error && <ErrorNotice error={error} />}
      <div className="service-list">
        {shown.map((lookup) => (
          <button
            type="button"
            key={lookup.id}
            data-lookup={lookup.id}
            onClick={() => (lookup.byYear || lookup.action ? setAsking(lookup) : void look(lookup, null))}
          >
            <span className="name">{localized(lookup.name, i18n.language)}</span>
            <span className="description">{localized(lookup.description, i18n.language)}</span>
          </button>
        ))}
        {more}
      </div>
    </section>
  );
}
