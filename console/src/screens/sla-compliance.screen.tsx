import { useQuery } from '@apollo/client/react';
import '../ops/ops-i18n';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../components/error-text';
import { graphql } from '../gql';
import type { SlaComplianceReportQuery } from '../gql/graphql';
import { addDays, witaDayStart, witaToday } from '../ops/wita-dates';
import { percentText } from '../ops/sla-level';

const ComplianceReport = graphql(`
  query SlaComplianceReport($input: SlaComplianceInput!) {
    slaCompliance(input: $input) {
      from
      to
      metrics {
        metric
        total
        met
        breached
        open
        compliancePercent
        medianMinutes
        p90Minutes
      }
      byOpd {
        opdCode
        metrics {
          metric
          total
          met
          breached
          open
          compliancePercent
          medianMinutes
          p90Minutes
        }
      }
    }
  }
`);

type Report = SlaComplianceReportQuery['slaCompliance'];
type MetricRow = Report['metrics'][number];

/**
 * Compliance per OPD and clock for a chosen period (WITA days, both ends included): one bar chart per
 * clock with a bar per OPD, then the same figures as a table (what a screen reader reads; the charts
 * are described, not read bar by bar). The charts are plain SVG: a few bars need no chart library, and
 * one would weigh more than the rest of the console and want inline styles the CSP does not allow.
 */
export function SlaComplianceScreen(): ReactNode {
  const { t } = useTranslation();
  const today = witaToday();
  const [from, setFrom] = useState(addDays(today, -29));
  const [to, setTo] = useState(today);
  const [period, setPeriod] = useState({ from: addDays(today, -29), to: today });
  const input = { from: witaDayStart(period.from), to: witaDayStart(addDays(period.to, 1)) };
  const { data, error, loading } = useQuery(ComplianceReport, { variables: { input } });
  const report = data?.slaCompliance;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setPeriod({ from, to });
  };
  const charted = report?.metrics.filter((m) => m.total > 0) ?? [];
  return (
    <section>
      <h1 tabIndex={-1}>{t('compliance.title')}</h1>
      <form className="filters" onSubmit={submit}>
        <div>
          <label htmlFor="compliance-from">{t('compliance.from')}</label>
          <input id="compliance-from" type="date" value={from} max={to} required onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor="compliance-to">{t('compliance.to')}</label>
          <input id="compliance-to" type="date" value={to} min={from} required onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="submit">{t('compliance.show')}</button>
      </form>
      <ErrorText error={error} />
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {report && charted.length === 0 && <p>{t('compliance.noData')}</p>}
      <div className="charts">
        {charted.map((m) => (
          <ComplianceChart key={m.metric} metric={m.metric} regency={m} report={report!} period={period} />
        ))}
      </div>
      {report && charted.length > 0 && <ComplianceTable report={report} />}
    </section>
  );
}

const BAR = 26;
const LABEL = 150;
const WIDTH = 520;

function ComplianceChart({ metric, regency, report, period }: { metric: string; regency: MetricRow; report: Report; period: { from: string; to: string } }): ReactNode {
  const { t } = useTranslation();
  const bars = [
    { opdCode: t('compliance.regency'), row: regency },
    ...report.byOpd.flatMap((o) => o.metrics.filter((m) => m.metric === metric && m.total > 0).map((row) => ({ opdCode: o.opdCode, row }))),
  ];
  const height = bars.length * BAR + 24;
  const scale = (WIDTH - LABEL - 120) / 100;
  const id = `chart-${metric}`;
  return (
    <figure className="chart" data-testid={id}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{t('compliance.chartTitle', { metric: t(`metrics.${metric}`) })}</title>
        <desc id={`${id}-desc`}>{t('compliance.chartDesc', period)}</desc>
        {[0, 50, 100].map((tick) => (
          <g key={tick}>
            <line className="grid" x1={LABEL + tick * scale} x2={LABEL + tick * scale} y1={0} y2={bars.length * BAR} />
            <text className="tick" x={LABEL + tick * scale} y={bars.length * BAR + 16} textAnchor="middle">
              {tick} %
            </text>
          </g>
        ))}
        {bars.map(({ opdCode, row }, i) => {
          const percent = row.compliancePercent;
          return (
            <g key={opdCode} transform={`translate(0 ${i * BAR})`}>
              <text className="bar-label" x={LABEL - 8} y={BAR / 2 + 5} textAnchor="end">
                {opdCode}
              </text>
              <rect className={`bar level-${complianceLevel(percent)}`} x={LABEL} y={4} height={BAR - 8} width={(percent ?? 0) * scale} data-level={complianceLevel(percent)} />
              <text className="bar-value" x={LABEL + (percent ?? 0) * scale + 6} y={BAR / 2 + 5}>
                {percentText(percent)} % ({row.met}/{row.met + row.breached})
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{t('compliance.chartTitle', { metric: t(`metrics.${metric}`) })}</figcaption>
    </figure>
  );
}

/** Good at 90 % and above, fair from 75 %, poor below: the bar's colour (the figure is printed beside it). */
function complianceLevel(percent: number | null | undefined): string {
  if (percent === null || percent === undefined) return 'done';
  if (percent >= 90) return 'ok';
  if (percent >= 75) return 'warn';
  return 'breach';
}

function ComplianceTable({ report }: { report: Report }): ReactNode {
  const { t } = useTranslation();
  const rows = [
    ...report.metrics.filter((m) => m.total > 0).map((m) => ({ opd: t('compliance.regency'), m })),
    ...report.byOpd.flatMap((o) => o.metrics.filter((m) => m.total > 0).map((m) => ({ opd: o.opdCode, m }))),
  ];
  const minutes = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(Math.round(n)));
  return (
    <table data-testid="compliance-table">
      <caption>{t('compliance.table')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('compliance.opd')}</th>
          <th scope="col">{t('compliance.metric')}</th>
          <th scope="col">{t('compliance.total')}</th>
          <th scope="col">{t('compliance.met')}</th>
          <th scope="col">{t('compliance.breached')}</th>
          <th scope="col">{t('compliance.open')}</th>
          <th scope="col">{t('compliance.percent')}</th>
          <th scope="col">{t('compliance.median')}</th>
          <th scope="col">{t('compliance.p90')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ opd, m }) => (
          <tr key={`${opd}-${m.metric}`}>
            <th scope="row">{opd}</th>
            <td>{t(`metrics.${m.metric}`)}</td>
            <td>{m.total}</td>
            <td>{m.met}</td>
            <td>{m.breached}</td>
            <td>{m.open}</td>
            <td>{percentText(m.compliancePercent)}</td>
            <td>{minutes(m.medianMinutes)}</td>
            <td>{minutes(m.p90Minutes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
