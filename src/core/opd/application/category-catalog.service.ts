import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { CategoryChange } from '../domain/opd-category-version.entity';
import { OpdCategoryVersion } from '../domain/opd-category-version.entity';
import { OpdCategory } from '../domain/opd-category.entity';
import { Opd } from '../domain/opd.entity';
import { OpdException } from '../domain/opd.exception';
import { recordVersion } from './opd-catalog.sync';

export interface CategoryFilter {
  readonly opdCode?: string | null;
  readonly kind?: string | null;
  readonly includeInactive?: boolean;
}

/**
 * The catalog as the database holds it: the modules' definitions merged with
 * what admins changed. Reads serve the API and routing; writes are the admin
 * operations that need no deploy.
 */
@Injectable()
export class CategoryCatalog {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async opds(includeDisabled = false): Promise<Opd[]> {
    return this.em.fork().find(Opd, includeDisabled ? {} : { inCode: true }, { orderBy: { code: 'asc' } });
  }

  async opd(code: string): Promise<Opd | null> {
    return this.em.fork().findOne(Opd, { code });
  }

  async categories(filter: CategoryFilter): Promise<OpdCategory[]> {
    const where: Record<string, unknown> = {};
    if (filter.opdCode) where.opd = filter.opdCode;
    if (filter.kind) where.defaultKind = filter.kind;
    if (!filter.includeInactive) Object.assign(where, { adminActive: true, inCode: true });
    return this.em.fork().find(OpdCategory, where, { orderBy: { opd: 'asc', code: 'asc' }, populate: ['opd'] });
  }

  async history(code: string): Promise<OpdCategoryVersion[]> {
    return this.em.fork().find(OpdCategoryVersion, { categoryCode: code }, { orderBy: { version: 'asc' } });
  }

  /** An admin's new name; null for a language restores the module's name. */
  rename(code: string, expectedVersion: number, names: { id?: string | null; en?: string | null }, actorId: string): Promise<OpdCategory> {
    return this.change(code, expectedVersion, actorId, CategoryChange.ADMIN_RENAME, (row) => {
      if (names.id !== undefined) row.nameIdOverride = names.id?.trim() || null;
      if (names.en !== undefined) row.nameEnOverride = names.en?.trim() || null;
    });
  }

  setActive(code: string, expectedVersion: number, active: boolean, actorId: string): Promise<OpdCategory> {
    const change = active ? CategoryChange.ADMIN_ACTIVATE : CategoryChange.ADMIN_DEACTIVATE;
    return this.change(code, expectedVersion, actorId, change, (row) => {
      if (active && !row.inCode) throw OpdException.invalidInput([`${code} is no longer in its module's code and cannot be activated`]);
      row.adminActive = active;
    });
  }

  private async change(
    code: string,
    expectedVersion: number,
    actorId: string,
    change: CategoryChange,
    apply: (row: OpdCategory) => void,
  ): Promise<OpdCategory> {
    const now = this.clock.now();
    return this.em.fork().transactional(async (tx) => {
      // Locked: the check of the version and the write must not interleave with another admin's.
      const row = await tx.findOne(OpdCategory, { code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!row) throw OpdException.categoryNotFound(code);
      if (row.version !== expectedVersion) throw OpdException.versionConflict(code, row.version);
      apply(row);
      row.version += 1;
      row.updatedAt = now;
      recordVersion(tx, row, change, actorId, now);
      await tx.populate(row, ['opd']);
      return row;
    });
  }
}
