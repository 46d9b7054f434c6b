import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../infra/clock/clock';
import { District } from './district.entity';

/** How long a read of the district table is trusted. */
export const DISTRICT_CACHE_MS = 60_000;

/**
 * Districts are reference data an admin edits, so codes are checked against
 * the table, not a constant. The table has a handful of rows and changes
 * rarely, while every intake checks it: one read a minute serves them all
 * (an edit shows within a minute on every instance).
 *
 * @example
 * if (!(await districts.isActive('KINTAMANI'))) …
 */
@Injectable()
export class DistrictDirectory {
  private cache: { codes: Set<string>; until: number } | null = null;

  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async isActive(code: string): Promise<boolean> {
    const now = this.clock.now().getTime();
    if (!this.cache || this.cache.until <= now || !this.cache.codes.has(code)) {
      // A miss re-reads at once: a district added a moment ago must not be refused.
      const rows = await this.em.fork().find(District, { active: true }, { fields: ['code'] });
      this.cache = { codes: new Set(rows.map((d) => d.code)), until: now + DISTRICT_CACHE_MS };
    }
    return this.cache.codes.has(code);
  }
}
