import { isDeepStrictEqual } from 'node:util';
import type { SqlRunner } from '../../../infra/database/sql-runner';
import { indonesianPublicHolidays, standardCalendarSpecs } from '../calendar';
import { HolidaySource } from '../domain/sla-calendar.entity';
import { policyMatchKey, SlaPolicySource } from '../domain/sla-policy.entity';
import { POLICY_LEAD_MS } from './sla-catalog';
import type { DefaultPolicy } from './sla-defaults';

// Any constant; every instance uses the same, so boots seed one at a time.
const SEED_LOCK_KEY = 7_411_305;
const SEEDER = 'system:seed';

export interface SlaSeedReport {
  calendarsAdded: number;
  holidaysAdded: number;
  policiesAdded: string[];
  policiesChanged: string[];
}

/**
 * Writes the standard calendars, this year's and next year's national
 * holidays, and the code's default policies, at boot, in one transaction
 * under an advisory lock. What admins changed stays: a removed holiday stays
 * removed, a policy an admin took over is not touched, and a changed default
 * becomes a new version (old tickets keep theirs).
 *
 * @example
 * await seedSla(sql, [...CORE_POLICIES, ...modules.flatMap(modulePolicies)], clock.now());
 */
export async function seedSla(sql: SqlRunner, defaults: readonly DefaultPolicy[], now: Date): Promise<SlaSeedReport> {
  await sql.query('select pg_advisory_xact_lock(?)', [SEED_LOCK_KEY]);
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Makassar', year: 'numeric' }).format(now));
  const report: SlaSeedReport = { calendarsAdded: 0, holidaysAdded: 0, policiesAdded: [], policiesChanged: [] };

  for (const spec of standardCalendarSpecs([])) {
    const added = await sql.query(
      `insert into sla_calendar (code, name, time_zone, always_open, hours, version, updated_at, updated_by)
       values (?, ?, ?, ?, cast(? as jsonb), 1, ?, ?) on conflict (code) do nothing returning code`,
      [spec.code, spec.alwaysOpen ? 'Round the clock' : 'Office working days (WITA)', spec.timeZone, spec.alwaysOpen, JSON.stringify(spec.hours), now, SEEDER],
    );
    report.calendarsAdded += added.length;
  }
  const holidays = indonesianPublicHolidays([year, year + 1]);
  const added = await sql.query(
    `insert into sla_calendar_holiday (calendar_code, date, name, source, active, updated_at, updated_by)
     select 'WORKING_DAYS', cast(h.date as date), h.name, ?, true, ?, ? from jsonb_to_recordset(cast(? as jsonb)) as h(date text, name text)
     on conflict (calendar_code, date) do nothing returning date`,
    [HolidaySource.NATIONAL, now, SEEDER, JSON.stringify(holidays)],
  );
  report.holidaysAdded = added.length;

  const existing = await sql.query<{ id: string; match_key: string; source: string; version: number; metrics: unknown }>(
    `select p.id, p.match_key, p.source, p.version, v.metrics
       from sla_policy p join sla_policy_version v on v.policy_id = p.id and v.version = p.version`,
  );
  // The first seed is in force since always: no ticket can predate it. A
  // policy new to this boot (a new OPD or category) is in force from now:
  // tickets created before keep what they had, tickets from now on get it at
  // once (instances already running see it when their catalog cache expires,
  // within CATALOG_TTL_MS). A changed default starts after the lead, like an
  // admin's change, so every instance agrees on it.
  const addedFrom = existing.length === 0 ? new Date(0) : now;
  const changedFrom = new Date(now.getTime() + POLICY_LEAD_MS);
  const byKey = new Map(existing.map((row) => [row.match_key, row]));
  for (const policy of defaults) {
    const key = policyMatchKey(policy);
    const row = byKey.get(key);
    // Compared as the jsonb column returns them: plain JSON, no undefined fields.
    const metrics = JSON.parse(JSON.stringify(policy.metrics)) as unknown;
    if (!row) {
      const [created] = await sql.query<{ id: string }>(
        `insert into sla_policy (id, name, opd_code, category_code, kind, priority, match_key, source, version, created_at, updated_at)
         values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) returning id`,
        [policy.name, policy.opdCode, policy.categoryCode, policy.kind, policy.priority, key, policy.source, now, now],
      );
      await insertVersion(sql, created.id, 1, addedFrom, true, metrics, now);
      report.policiesAdded.push(policy.name);
    } else if (row.source !== SlaPolicySource.ADMIN && !isDeepStrictEqual(row.metrics, metrics)) {
      await sql.query('update sla_policy set version = ?, name = ?, updated_at = ? where id = ?', [row.version + 1, policy.name, now, row.id]);
      await insertVersion(sql, row.id, row.version + 1, changedFrom, true, metrics, now);
      report.policiesChanged.push(policy.name);
    }
  }
  return report;
}

async function insertVersion(sql: SqlRunner, policyId: string, version: number, effectiveFrom: Date, active: boolean, metrics: unknown, now: Date): Promise<void> {
  await sql.query(
    `insert into sla_policy_version (policy_id, version, effective_from, active, metrics, note, created_by, created_at)
     values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)`,
    [policyId, version, effectiveFrom, active, JSON.stringify(metrics), 'from code', SEEDER, now],
  );
}
