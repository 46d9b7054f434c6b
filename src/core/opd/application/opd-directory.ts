import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { entityManagerSql, type SqlRunner } from '../../../infra/database/sql-runner';
import type { EscalationLevel } from '../opd-module.contract';

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

  private sql(): SqlRunner {
    return entityManagerSql(this.em.fork());
  }
}
