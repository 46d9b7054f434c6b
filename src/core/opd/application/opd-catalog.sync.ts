import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { District } from '../../reference';
import { CategoryChange, OpdCategoryVersion } from '../domain/opd-category-version.entity';
import { OpdCategory } from '../domain/opd-category.entity';
import { Opd } from '../domain/opd.entity';
import type { CategoryDefinition, OpdModuleDefinition } from '../opd-module.contract';
import { OpdModuleError } from '../opd-module.validator';
import type { OpdRegistry } from './opd-registry';

// Any constant; every instance uses the same, so boots sync one at a time.
const SYNC_LOCK_KEY = 7_411_303;

export interface SyncReport {
  opds: { added: string[]; changed: string[]; disabled: string[] };
  categories: { added: string[]; changed: string[]; removed: string[] };
}

/**
 * Writes the enabled modules' definitions into the catalog tables at boot.
 * Code owns what it declares (names, kinds, attributes…); admins own their
 * overrides and switches, which a sync never touches. Nothing is deleted: an
 * OPD or category gone from code is marked so, and tickets keep pointing at it.
 * Every change of a category becomes a new version in its history.
 *
 * @example
 * const report = await syncOpdCatalog(em.fork(), registry, new Date());
 */
export async function syncOpdCatalog(em: EntityManager, registry: OpdRegistry, now: Date): Promise<SyncReport> {
  return em.transactional(async (tx) => {
    await tx.execute('SELECT pg_advisory_xact_lock(?)', [SYNC_LOCK_KEY]);
    await assertKnownDistricts(tx, registry.modules);
    const report: SyncReport = { opds: { added: [], changed: [], disabled: [] }, categories: { added: [], changed: [], removed: [] } };

    const opds = new Map((await tx.find(Opd, {})).map((o) => [o.code, o]));
    for (const module of registry.modules) {
      const fields = opdFields(module);
      const hash = digest(fields);
      const row = opds.get(module.code);
      if (!row) {
        tx.create(Opd, { code: module.code, ...fields, definitionHash: hash, syncedAt: now });
        report.opds.added.push(module.code);
      } else if (row.definitionHash !== hash || !row.inCode) {
        Object.assign(row, fields, { definitionHash: hash, inCode: true, version: row.version + 1, syncedAt: now });
        report.opds.changed.push(module.code);
      }
    }
    const enabled = new Set(registry.modules.map((m) => m.code));
    for (const row of opds.values()) {
      if (!enabled.has(row.code) && row.inCode) {
        Object.assign(row, { inCode: false, version: row.version + 1, syncedAt: now });
        report.opds.disabled.push(row.code);
      }
    }
    // Categories reference their OPD row: it must exist first.
    await tx.flush();

    const categories = new Map((await tx.find(OpdCategory, {})).map((c) => [c.code, c]));
    for (const { opd, category } of registry.allCategories()) {
      const fields = categoryFields(category);
      const hash = digest({ opd: opd.code, ...fields });
      const row = categories.get(category.code);
      if (!row) {
        const created = tx.create(OpdCategory, { code: category.code, opd: tx.getReference(Opd, opd.code), duplicateRule: null, ...fields, definitionHash: hash, updatedAt: now });
        recordVersion(tx, created, CategoryChange.CODE_SYNC, null, now);
        report.categories.added.push(category.code);
      } else if (row.definitionHash !== hash || !row.inCode) {
        Object.assign(row, { duplicateRule: null }, fields, { opd: tx.getReference(Opd, opd.code), definitionHash: hash, inCode: true, version: row.version + 1, updatedAt: now });
        recordVersion(tx, row, CategoryChange.CODE_SYNC, null, now);
        report.categories.changed.push(category.code);
      }
    }
    const declared = new Set(registry.allCategories().map((c) => c.category.code));
    for (const row of categories.values()) {
      if (!declared.has(row.code) && row.inCode) {
        Object.assign(row, { inCode: false, version: row.version + 1, updatedAt: now });
        recordVersion(tx, row, CategoryChange.CODE_REMOVED, null, now);
        report.categories.removed.push(row.code);
      }
    }
    return report;
  });
}

/** Appends the category's current state as a new version (admin changes use it too). */
export function recordVersion(em: EntityManager, row: OpdCategory, change: CategoryChange, actorId: string | null, now: Date): void {
  em.create(OpdCategoryVersion, {
    categoryCode: row.code,
    version: row.version,
    change,
    actorId,
    recordedAt: now,
    snapshot: {
      opd: row.opd.code,
      nameId: row.nameId,
      nameEn: row.nameEn,
      nameIdOverride: row.nameIdOverride,
      nameEnOverride: row.nameEnOverride,
      defaultKind: row.defaultKind,
      defaultPriority: row.defaultPriority,
      fieldResponse: row.fieldResponse,
      keywords: row.keywords,
      attributes: row.attributes,
      adminActive: row.adminActive,
      inCode: row.inCode,
    },
  });
}

function opdFields(module: OpdModuleDefinition) {
  return {
    nameId: module.name.id,
    nameEn: module.name.en,
    descriptionId: module.description.id,
    descriptionEn: module.description.en,
    contacts: module.contacts.map((c) => ({ ...c })),
    coverageDistricts: module.coverage === 'REGENCY' ? null : [...module.coverage.districts],
    onboardingStatus: module.onboarding.status,
    goLiveDate: module.onboarding.goLiveDate,
    policy: { sla: module.sla, escalation: module.escalation } as Record<string, unknown>,
  };
}

function categoryFields(category: CategoryDefinition) {
  return {
    nameId: category.name.id,
    nameEn: category.name.en,
    descriptionId: category.description?.id ?? null,
    descriptionEn: category.description?.en ?? null,
    defaultKind: category.defaultKind,
    defaultPriority: category.defaultPriority,
    fieldResponse: category.fieldResponse ?? category.defaultKind === 'EMERGENCY',
    keywords: { id: [...category.keywords.id], en: [...category.keywords.en] },
    attributes: category.attributes.map((a) => ({ ...a, values: a.values?.map((v) => ({ ...v })) })),
    // Only when declared: categories without a rule keep their definition hash (no new version).
    ...(category.duplicates && {
      duplicateRule: { ...category.duplicates, ...(category.duplicates.related && { related: [...category.duplicates.related] }) },
    }),
  };
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

async function assertKnownDistricts(em: EntityManager, modules: readonly OpdModuleDefinition[]): Promise<void> {
  const known = new Set((await em.find(District, {})).map((d) => d.code));
  const problems = modules.flatMap((m) =>
    m.coverage === 'REGENCY'
      ? []
      : m.coverage.districts.filter((d) => !known.has(d)).map((d) => `OPD module "${m.code}": coverage.districts: "${d}" is not a district of the regency`),
  );
  if (problems.length) throw new OpdModuleError(problems);
}
