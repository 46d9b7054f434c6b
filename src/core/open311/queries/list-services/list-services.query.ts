import { Injectable } from '@nestjs/common';
import { PublicService, PublicServiceCatalog } from '../../../opd';
import { Open311Error } from '../../domain/open311.error';
import type { Language } from '../../domain/service-notice';
import type { Open311Record } from '../../format/open311-document';

const DATATYPE_DESCRIPTIONS: Record<string, { id: string; en: string } | undefined> = {
  number: { id: 'Angka, misalnya 3 atau 2.5', en: 'A number, e.g. 3 or 2.5' },
  datetime: { id: 'Tanggal dan jam ISO 8601 dengan zona, misalnya 2026-12-02T09:30:00+08:00', en: 'An ISO 8601 date-time with its zone, e.g. 2026-12-02T09:30:00+08:00' },
  multivaluelist: { id: 'Satu atau beberapa kunci dari daftar (attribute[CODE][]=…)', en: 'One or more keys of the list (attribute[CODE][]=…)' },
  singlevaluelist: { id: 'Satu kunci dari daftar', en: 'One key of the list' },
};

/**
 * The service list and each service's definition: the categories open to
 * citizens' apps, with their questions as Open311 attributes, in the
 * requested language.
 *
 * @example
 * await services.list('en'); // [{ service_code: 'JALAN_RUSAK', service_name: 'Damaged road', metadata: true, … }]
 */
@Injectable()
export class ListServices {
  constructor(private readonly catalog: PublicServiceCatalog) {}

  /** The categories on offer now (also what a POST may name). */
  offered(): Promise<PublicService[]> {
    return this.catalog.services();
  }

  async list(language: Language): Promise<Open311Record[]> {
    return (await this.offered()).map((s) => ({
      service_code: s.code,
      service_name: s.name[language],
      description: (s.description ?? s.name)[language],
      metadata: s.attributes.length > 0,
      type: 'realtime',
      keywords: s.keywords[language].join(', '),
      group: s.opdName[language],
    }));
  }

  /** The spec's 404 for a service that is unknown, switched off or not offered to apps. */
  async definition(code: string, language: Language): Promise<Open311Record> {
    const service = (await this.offered()).find((s) => s.code === code);
    if (!service) throw Open311Error.notFound(`service_code ${JSON.stringify(code.slice(0, 60))} not found`);
    return {
      service_code: service.code,
      attributes: service.attributes.map((a) => ({
        variable: true,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: DATATYPE_DESCRIPTIONS[a.datatype]?.[language] ?? null,
        order: a.order,
        description: a.description[language],
        values: (a.values ?? []).map((v) => ({ key: v.key, name: v.name[language] })),
      })),
    };
  }
}
