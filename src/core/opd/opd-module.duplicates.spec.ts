import type { OpdModuleDefinition } from './opd-module.contract';
import { validateOpdModules } from './opd-module.validator';

// The optional duplicate rule of a category (radius, window, related
// categories): checked at boot like the rest of a module.

const t = (text: string) => ({ id: text, en: text });
const category = (code: string, duplicates?: unknown) => ({
  code, name: t(code), defaultKind: 'COMPLAINT', defaultPriority: 'NORMAL', keywords: { id: [code.toLowerCase()], en: [] }, attributes: [],
  ...(duplicates !== undefined && { duplicates }),
});
const opdModule = (code: string, categories: unknown[]): OpdModuleDefinition => ({
  code, name: t(code), description: t(code), contacts: [], coverage: 'REGENCY', onboarding: { status: 'LIVE', goLiveDate: '2026-12-01' },
  categories, sla: [], escalation: [{ level: 1, at: 'BREACH', notify: [{ kind: 'COMMAND_CENTRE' }] }],
}) as unknown as OpdModuleDefinition;

describe('OPD module duplicate rules', () => {
  it('accepts a module without any, and a full rule naming another module\'s category', () => {
    expect(validateOpdModules([opdModule('PUPR', [category('JALAN_RUSAK')])])).toEqual([]);
    expect(validateOpdModules([
      opdModule('PUPR', [category('JALAN_RUSAK', { radiusMeters: 300, windowHours: 48, related: ['POHON_TUMBANG'] })]),
      opdModule('BPBD', [category('POHON_TUMBANG')]),
    ])).toEqual([]);
  });

  it('names each bad part', () => {
    expect(validateOpdModules([
      opdModule('PUPR', [category('JALAN_RUSAK', { radiusMeters: 5, windowHours: 1000, related: ['JALAN_RUSAK', 'NOPE'] })]),
    ])).toEqual([
      'OPD module "PUPR": categories[0] (JALAN_RUSAK).duplicates.radiusMeters: must be from 10 to 10,000 metres',
      'OPD module "PUPR": categories[0] (JALAN_RUSAK).duplicates.windowHours: must be from 1 to 720 hours',
      'OPD module "PUPR": categories[0] (JALAN_RUSAK).duplicates.related: "JALAN_RUSAK" is the category itself',
      'OPD module "PUPR": categories[0] (JALAN_RUSAK).duplicates.related: "NOPE" is not a category of any enabled OPD module',
    ]);
  });
});
