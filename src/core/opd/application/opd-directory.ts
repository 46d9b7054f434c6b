import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { entityManagerSql, type SqlRunner } from '../../../infra/database/sql-runner';
import type { DuplicateRule, EscalationLevel } from '../opd-module.contract';

export const DEFAULT_DUPLICATE_RADIUS_M = 500;

/** A category's duplicate rule with every default applied. */
export interface ResolvedDuplicateRule {
  /** Null when the category is unknown or none was given. */
  readonly categoryCode: string | null;
  readonly opdCode: string | null;
  readonly radiusMeters: number;
  readonly windowHours: number;
  /** Related categories, both directions. */
  readonly related: readonly string[];
}

/**
 * What other domains may ask about the OPD catalog (the `opd` and
 * `opd_category` tables, which only this domain queries). Each look-up runs
 * on the caller's connection when given one (`sql`), so a caller inside a
 * transaction never waits for a second pooled connection.
 *
 * @example
 * if (!(await opds.exists('DISHUB'))) problems.push('opdCode: no OPD DISHUB');
 */
@Injectable()
export class OpdDirectory {
  constructor(private readonly em: EntityManager) {}

  /** Whether the catalog has an OPD with this code (enabled or not: old tickets keep theirs). */
  async exists(code: string, sql: SqlRunner = this.sql()): Promise<boolean> {
    const rows = await sql.query('select 1 from opd where code = ?', [code]);
    return rows.length > 0;
  }

  /** The OPD a category belongs to; null for an unknown category. */
  async categoryOwner(categoryCode: string, sql: SqlRunner = this.sql()): Promise<string | null> {
    const [row] = await sql.query<{ opd_code: string }>('select opd_code from opd_category where code = ?', [categoryCode]);
    return row?.opd_code ?? null;
  }

  /** Each OPD's escalation ladder as the last boot synced it from its module (empty: none). */
  async escalationLadders(sql: SqlRunner = this.sql()): Promise<Map<string, EscalationLevel[]>> {
    const rows = await sql.query<{ code: string; ladder: EscalationLevel[] | null }>(`select code, policy->'escalation' as ladder from opd`);
    return new Map(rows.map((r) => [r.code, r.ladder ?? []]));
  }

  /**
   * How to look for duplicates of a report in this category: its module's
   * rule with the defaults filled in (500 m; 6 h for emergencies, else
   * 48 h), and its related categories in both directions. An unknown or
   * absent category gets the defaults of the kind.
   *
   * @example
   * const rule = await opds.duplicateRule('JALAN_RUSAK', 'COMPLAINT'); // { radiusMeters: 500, windowHours: 48, related: [], ... }
   */
  async duplicateRule(categoryCode: string | null, kind: string | null, sql: SqlRunner = this.sql()): Promise<ResolvedDuplicateRule> {
    const rows = categoryCode
      ? await sql.query<{ code: string; opd_code: string; default_kind: string; duplicate_rule: DuplicateRule | null }>(
          `select code, opd_code, default_kind, duplicate_rule from opd_category
            where code = ? or duplicate_rule->'related' @> jsonb_build_array(cast(? as text))`,
          [categoryCode, categoryCode],
        )
      : [];
    const own = rows.find((r) => r.code === categoryCode);
    const rule = own?.duplicate_rule ?? {};
    const related = new Set([...(rule.related ?? []), ...rows.filter((r) => r.code !== categoryCode).map((r) => r.code)]);
    const emergency = (kind ?? own?.default_kind) === 'EMERGENCY';
    return {
      categoryCode: own?.code ?? null,
      opdCode: own?.opd_code ?? null,
      radiusMeters: rule.radiusMeters ?? DEFAULT_DUPLICATE_RADIUS_M,
      windowHours: rule.windowHours ?? (emergency ? 6 : 48),
      related: [...related].sort(),
    };
  }

  private sql(): SqlRunner {
    return entityManagerSql(this.em.fork());
  }
}
