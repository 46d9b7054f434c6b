import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OpdCategory } from '../domain/opd-category.entity';
import type { AttributeDefinition, LocalisedText } from '../opd-module.contract';
import { OpdRegistry } from './opd-registry';

/** A category a citizen's app may file reports in. */
export interface PublicService {
  readonly code: string;
  /** As shown today: an admin's rename wins over the module's name. */
  readonly name: LocalisedText;
  readonly description: LocalisedText | null;
  readonly kind: 'COMPLAINT' | 'EMERGENCY';
  readonly keywords: { readonly id: readonly string[]; readonly en: readonly string[] };
  readonly attributes: readonly AttributeDefinition[];
  readonly opdCode: string;
  readonly opdName: LocalisedText;
}

/**
 * The categories open to citizens' own apps: active (in code, not switched
 * off by an admin), of an OPD that is live and enabled, and offered by their
 * module (`publicReports`; emergencies only when the module says so).
 * Names, activity and questions come from the database (admins change them
 * without a deploy); the offer comes from the module's code.
 *
 * @example
 * const services = await catalog.services(); // [{ code: 'JALAN_RUSAK', opdCode: 'PUPR-PERKIM', … }]
 */
@Injectable()
export class PublicServiceCatalog {
  constructor(
    private readonly em: EntityManager,
    private readonly registry: OpdRegistry,
  ) {}

  async services(): Promise<PublicService[]> {
    const rows = await this.em.fork().find(
      OpdCategory,
      { adminActive: true, inCode: true, opd: { inCode: true, onboardingStatus: 'LIVE' } },
      { orderBy: { code: 'asc' }, populate: ['opd'] },
    );
    const offered = new Set(
      this.registry.allCategories().filter(({ category }) => category.publicReports ?? category.defaultKind !== 'EMERGENCY').map(({ category }) => category.code),
    );
    return rows
      .filter((row) => offered.has(row.code))
      .map((row) => ({
        code: row.code,
        name: row.names,
        description: row.descriptionId && row.descriptionEn ? { id: row.descriptionId, en: row.descriptionEn } : null,
        kind: row.defaultKind === 'EMERGENCY' ? 'EMERGENCY' : 'COMPLAINT',
        keywords: row.keywords,
        attributes: [...row.attributes].sort((a, b) => a.order - b.order),
        opdCode: row.opd.code,
        opdName: { id: row.opd.nameId, en: row.opd.nameEn },
      }));
  }

  /** Every category's name and OPD name, offered or not: old tickets keep showing theirs. */
  async names(): Promise<Map<string, { name: LocalisedText; opdCode: string; opdName: LocalisedText }>> {
    const rows = await this.em.fork().find(OpdCategory, {}, { populate: ['opd'] });
    return new Map(rows.map((row) => [row.code, { name: row.names, opdCode: row.opd.code, opdName: { id: row.opd.nameId, en: row.opd.nameEn } }]));
  }
}
