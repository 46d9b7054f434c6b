import type { AttributeDefinition } from '../opd-module.contract';
import type { OpdCategory } from '../domain/opd-category.entity';
import type { Opd } from '../domain/opd.entity';
import { CategoryModel, Language, OpdModel } from './opd.model';

export function toOpdModel(opd: Opd, language: Language): OpdModel {
  return {
    code: opd.code,
    name: language === Language.EN ? opd.nameEn : opd.nameId,
    nameId: opd.nameId,
    nameEn: opd.nameEn,
    description: language === Language.EN ? opd.descriptionEn : opd.descriptionId,
    contacts: opd.contacts.map((c) => ({ label: c.label, phone: c.phone ?? null, email: c.email ?? null })),
    coverageDistricts: opd.coverageDistricts,
    onboardingStatus: opd.onboardingStatus,
    goLiveDate: opd.goLiveDate,
    enabled: opd.inCode,
    language,
  };
}

export function toCategoryModel(row: OpdCategory, language: Language): CategoryModel {
  const names = row.names;
  const en = language === Language.EN;
  return {
    code: row.code,
    opdCode: row.opd.code,
    name: names[language],
    nameId: names.id,
    nameEn: names.en,
    description: en ? row.descriptionEn : row.descriptionId,
    defaultKind: row.defaultKind,
    defaultPriority: row.defaultPriority,
    fieldResponse: row.fieldResponse,
    keywords: row.keywords[language],
    attributes: [...row.attributes]
      .sort((a, b) => a.order - b.order)
      .map((a: AttributeDefinition) => ({
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        order: a.order,
        description: a.description[language],
        values: (a.values ?? []).map((v) => ({ key: v.key, name: v.name[language] })),
      })),
    active: row.active,
    inCode: row.inCode,
    version: row.version,
  };
}
