import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SLA_METRICS } from '../domain/sla-metric';

export interface ComplianceQuery {
  readonly opdCode?: string;
  readonly categoryCode?: string;
  readonly from: Date;
  readonly to: Date;
}

export interface MetricCompliance {
  readonly metric: string;
  readonly total: number;
  readonly met: number;
  readonly breached: number;
  readonly open: number;
  readonly medianMinutes: number | null;
  readonly p90Minutes: number | null;
  readonly compliancePercent: number | null;
}

/**
 * The regent's report: per clock, how many tickets reported in the period
 * met or breached it, and how long (business time) it took. A running clock
 * past its due time counts as breached already; pending, cancelled and
 * not-applicable clocks are not counted.
 *
 * @example
 * await compliance.report({ opdCode: 'BPBD', from: launch, to: day100 }, now);
 */
@Injectable()
export class SlaCompliance {
  constructor(private readonly em: EntityManager) {}

  async report(query: ComplianceQuery, now: Date): Promise<MetricCompliance[]> {
    const rows = await this.rows(query, now, false);
    return perMetric(rows);
  }

  /**
   * The same figures for each OPD that had clocks in the period (the call
   * centre's TRIAGE clock of a ticket not yet routed counts under no OPD, left out).
   *
   * @example
   * const byOpd = await compliance.reportByOpd({ from, to }, now); // [{ opdCode: 'BPBD', metrics }]
   */
  async reportByOpd(query: ComplianceQuery, now: Date): Promise<Array<{ opdCode: string; metrics: MetricCompliance[] }>> {
    const rows = await this.rows(query, now, true);
    const byOpd = new Map<string, Array<Record<string, string | number | null>>>();
    for (const row of rows) {
      if (row.opd_code === null) continue;
      byOpd.set(String(row.opd_code), [...(byOpd.get(String(row.opd_code)) ?? []), row]);
    }
    return [...byOpd.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([opdCode, opdRows]) => ({ opdCode, metrics: perMetric(opdRows) }));
  }

  private rows(query: ComplianceQuery, now: Date, byOpd: boolean): Promise<Array<Record<string, string | number | null>>> {
    // The grouping column is one of two fixed texts, never input.
    const group = byOpd ? 'opd_code, metric' : 'metric';
    return this.em.fork().getConnection().execute<Array<Record<string, string | number | null>>>(
      `with c as (
         select metric, opd_code,
                case when status = 'STOPPED' and breached_at is null then 'MET'
                     when breached_at is not null or (status = 'RUNNING' and due_at <= ?) then 'BREACHED'
                     else 'OPEN' end as outcome,
                case when status = 'STOPPED' then elapsed_ms end as elapsed_ms
           from ticket_sla_clock
          where reported_at >= ? and reported_at < ?
            and status in ('RUNNING', 'PAUSED', 'STOPPED')
            and (cast(? as text) is null or opd_code = ?)
            and (cast(? as text) is null or category_code = ?)
       )
       select ${group}, count(*) as total,
              count(*) filter (where outcome = 'MET') as met,
              count(*) filter (where outcome = 'BREACHED') as breached,
              count(*) filter (where outcome = 'OPEN') as open,
              percentile_cont(0.5) within group (order by elapsed_ms) / 60000.0 as median_minutes,
              percentile_cont(0.9) within group (order by elapsed_ms) / 60000.0 as p90_minutes
         from c group by ${group}`,
      [now, query.from, query.to, query.opdCode ?? null, query.opdCode ?? null, query.categoryCode ?? null, query.categoryCode ?? null],
    );
  }
}

function perMetric(rows: ReadonlyArray<Record<string, string | number | null>>): MetricCompliance[] {
  const byMetric = new Map(rows.map((r) => [r.metric as string, r]));
  return SLA_METRICS.map((metric) => {
    const r = byMetric.get(metric);
    const met = Number(r?.met ?? 0);
    const breached = Number(r?.breached ?? 0);
    return {
      metric,
      total: Number(r?.total ?? 0),
      met,
      breached,
      open: Number(r?.open ?? 0),
      medianMinutes: r?.median_minutes == null ? null : round(Number(r.median_minutes)),
      p90Minutes: r?.p90_minutes == null ? null : round(Number(r.p90_minutes)),
      compliancePercent: met + breached === 0 ? null : round((100 * met) / (met + breached)),
    };
  });
}

const round = (n: number): number => Math.round(n * 100) / 100;
