import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { entityManagerSql, SqlRunner } from '../../../infra/database/sql-runner';
import { OpdRegistry } from '../../opd';
import { SLA_METRICS } from '../domain/sla-metric';
import { addTally, ComplianceTally, emptyTally, histogramPercentile } from '../domain/sla-compliance-tally';
import { aggregateTallies, scanTallies } from './sla-compliance.repository';

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

/** The aggregates' days are local days of the regency (WITA, no daylight saving). */
export const COMPLIANCE_ZONE = 'Asia/Makassar';

/**
 * The regent's report: per clock, how many tickets reported in the period
 * met or breached it, and how long (business time) it took. A running clock
 * past its due time counts as breached already; pending, cancelled and
 * not-applicable clocks are not counted. The median and 90th percentile are
 * read from a histogram of elapsed time (see histogramPercentile): "within
 * N minutes", N an edge of SLA_ELAPSED_BUCKET_MS.
 *
 * Served from aggregates (migration read_paths), so its cost follows the
 * number of days and OPDs, not of tickets: whole local days come from
 * sla_compliance_day (+ unfolded deltas + the live, unbreached running
 * clocks); the partial days at either end and category reports (the
 * aggregates have no category) scan the clocks of those hours only.
 *
 * @example
 * await compliance.report({ opdCode: 'BPBD', from: launch, to: day100 }, now);
 */
@Injectable()
export class SlaCompliance {
  constructor(
    private readonly em: EntityManager,
    private readonly opds: OpdRegistry,
  ) {}

  async report(query: ComplianceQuery, now: Date): Promise<MetricCompliance[]> {
    const sql = entityManagerSql(this.em.fork());
    const scope = { opdCode: query.opdCode ?? null, categoryCode: query.categoryCode ?? null };
    const firstDay = DateTime.fromJSDate(query.from, { zone: COMPLIANCE_ZONE }).startOf('day');
    const start = firstDay.toJSDate() < query.from ? firstDay.plus({ days: 1 }) : firstDay;
    const end = DateTime.fromJSDate(query.to, { zone: COMPLIANCE_ZONE }).startOf('day');
    if (scope.categoryCode !== null || start >= end) return finish(await scanTallies(sql, query.from, query.to, scope, now));

    const parts = [aggregateTallies(sql, start.toISODate()!, end.toISODate()!, start.toJSDate(), end.toJSDate(), scope.opdCode, now)];
    if (query.from < start.toJSDate()) parts.push(scanTallies(sql, query.from, start.toJSDate(), scope, now));
    if (end.toJSDate() < query.to) parts.push(scanTallies(sql, end.toJSDate(), query.to, scope, now));
    return finish(...(await Promise.all(parts)));
  }

  /**
   * The same figures for each registered OPD that had clocks in the period
   * (the call centre's TRIAGE clock of a ticket not yet routed counts under no
   * OPD, left out). Each OPD's report is read from the aggregates like
   * `report`, so the cost follows the number of OPDs, not of tickets.
   *
   * @example
   * const byOpd = await compliance.reportByOpd({ from, to }, now); // [{ opdCode: 'BPBD', metrics }]
   */
  async reportByOpd(query: ComplianceQuery, now: Date): Promise<Array<{ opdCode: string; metrics: MetricCompliance[] }>> {
    const codes = query.opdCode !== undefined ? [query.opdCode] : this.opds.modules.map((m) => m.code).sort((a, b) => a.localeCompare(b));
    const reports = await Promise.all(codes.map(async (opdCode) => ({ opdCode, metrics: await this.report({ ...query, opdCode }, now) })));
    return reports.filter((r) => r.metrics.some((m) => m.total > 0));
  }

  /** The same report from every clock of the period, without the aggregates: the tests' oracle. */
  async reportByScan(query: ComplianceQuery, now: Date): Promise<MetricCompliance[]> {
    const sql: SqlRunner = entityManagerSql(this.em.fork());
    return finish(await scanTallies(sql, query.from, query.to, { opdCode: query.opdCode ?? null, categoryCode: query.categoryCode ?? null }, now));
  }
}

function finish(...parts: Array<Map<string, Partial<ComplianceTally>>>): MetricCompliance[] {
  return SLA_METRICS.map((metric) => {
    const t = parts.reduce((sum, part) => addTally(sum, part.get(metric) ?? {}), emptyTally());
    const breached = t.breachedStopped + t.breachedRunning + t.overdue;
    const median = histogramPercentile(t.hist, 50);
    const p90 = histogramPercentile(t.hist, 90);
    return {
      metric,
      total: t.met + breached + t.open,
      met: t.met,
      breached,
      open: t.open,
      medianMinutes: median === null ? null : round(median),
      p90Minutes: p90 === null ? null : round(p90),
      compliancePercent: t.met + breached === 0 ? null : round((100 * t.met) / (t.met + breached)),
    };
  });
}

const round = (value: number): number => Math.round(value * 100) / 100;
