import { Inject, Injectable } from '@nestjs/common';
import type { SqlRunner } from '../../../infra/database/sql-runner';
import { OpdDirectory, type EscalationLevel } from '../../opd';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { BusinessCalendar, WeeklyHours } from '../calendar';
import type { MetricDefinition } from '../domain/sla-metric';
import type { PolicyRecord } from '../domain/sla-policy.resolver';
import { SlaException } from '../domain/sla.exception';

/** Policies, calendars and ladders as one consistent read. */
export interface SlaCatalogSnapshot {
  readonly policies: readonly PolicyRecord[];
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
  /** Escalation ladders by OPD code. */
  readonly ladders: ReadonlyMap<string, readonly EscalationLevel[]>;
}

/**
 * How long an instance trusts its copy. Policy versions take effect no
 * sooner than POLICY_LEAD_MS after they are written, longer than this, so
 * every instance resolves the same version for the same ticket.
 */
export const CATALOG_TTL_MS = 30_000;
export const POLICY_LEAD_MS = 60_000;

/**
 * The SLA configuration, read through the caller's connection (a command's
 * transaction must not wait for a second pooled connection) and cached.
 *
 * @example
 * const { policies, calendars } = await catalog.snapshot(sql);
 */
@Injectable()
export class SlaCatalog {
  private cached: { at: number; snapshot: SlaCatalogSnapshot } | null = null;

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly opds: OpdDirectory,
  ) {}

  async snapshot(sql: SqlRunner): Promise<SlaCatalogSnapshot> {
    const now = this.clock.now().getTime();
    if (this.cached && Math.abs(now - this.cached.at) < CATALOG_TTL_MS) return this.cached.snapshot;
    const snapshot = await load(sql, this.opds);
    this.cached = { at: now, snapshot };
    return snapshot;
  }

  /** After an edit on this instance; others see it within the TTL. */
  invalidate(): void {
    this.cached = null;
  }

  calendar(snapshot: SlaCatalogSnapshot, code: string): BusinessCalendar {
    const calendar = snapshot.calendars.get(code);
    if (!calendar) throw SlaException.calendarNotFound(code);
    return calendar;
  }
}

async function load(sql: SqlRunner, opds: OpdDirectory): Promise<SlaCatalogSnapshot> {
  const policyRows = await sql.query<{
    id: string; opd_code: string | null; category_code: string | null; kind: string | null; priority: string | null; versions: PolicyRecord['versions'];
  }>(
    `select p.id, p.opd_code, p.category_code, p.kind, p.priority,
            json_agg(json_build_object('version', v.version, 'effectiveFrom', v.effective_from, 'active', v.active, 'metrics', v.metrics) order by v.version) as versions
       from sla_policy p join sla_policy_version v on v.policy_id = p.id
      group by p.id`,
  );
  const calendarRows = await sql.query<{ code: string; time_zone: string; always_open: boolean; hours: Array<{ effectiveFrom: string; weekly: WeeklyHours }>; holidays: string[] | null }>(
    `select c.code, c.time_zone, c.always_open, c.hours,
            (select json_agg(to_char(h.date, 'YYYY-MM-DD') order by h.date) from sla_calendar_holiday h where h.calendar_code = c.code and h.active) as holidays
       from sla_calendar c`,
  );
  return {
    policies: policyRows.map((r) => ({
      id: r.id,
      opdCode: r.opd_code,
      categoryCode: r.category_code,
      kind: r.kind,
      priority: r.priority,
      versions: r.versions.map((v) => ({ ...v, effectiveFrom: new Date(v.effectiveFrom).toISOString(), metrics: v.metrics as MetricDefinition[] })),
    })),
    calendars: new Map(
      calendarRows.map((r) => [
        r.code,
        new BusinessCalendar({ code: r.code, timeZone: r.time_zone, alwaysOpen: r.always_open, hours: r.hours, holidays: r.holidays ?? [] }),
      ]),
    ),
    // Asked of the OPD domain, on this transaction's connection.
    ladders: await opds.escalationLadders(sql),
  };
}
