import type { OpdModuleDefinition } from './opd-module.contract';
import { assertValidOpdModules, OpdModuleError, validateOpdModules } from './opd-module.validator';

const t = (text: string) => ({ id: text, en: text });

function module(overrides: Partial<Record<keyof OpdModuleDefinition, unknown>> = {}): OpdModuleDefinition {
  return {
    code: 'DINSOS',
    name: t('Dinas Sosial'),
    description: t('Social affairs'),
    contacts: [],
    coverage: 'REGENCY',
    onboarding: { status: 'LIVE', goLiveDate: '2026-12-01' },
    categories: [
      {
        code: 'BANSOS',
        name: t('Bantuan sosial'),
        defaultKind: 'COMPLAINT',
        defaultPriority: 'NORMAL',
        keywords: { id: ['bansos'], en: ['welfare'] },
        attributes: [],
      },
    ],
    sla: [{ metric: 'RESOLVE', kind: 'COMPLAINT', targetMinutes: 2400, calendar: 'WORKING_DAYS' }],
    escalation: [
      { level: 1, at: { fraction: 0.5 }, notify: [{ kind: 'OPD_HEAD' }] },
      { level: 2, at: 'BREACH', notify: [{ kind: 'COMMAND_CENTRE' }] },
    ],
    ...overrides,
  } as OpdModuleDefinition;
}

const category = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: t(code),
  defaultKind: 'COMPLAINT',
  defaultPriority: 'NORMAL',
  keywords: { id: [code.toLowerCase()], en: [] },
  attributes: [],
  ...extra,
});

describe('validateOpdModules', () => {
  it('accepts a well-formed module', () => {
    expect(validateOpdModules([module()])).toEqual([]);
  });

  it('names the module, the field and the problem', () => {
    expect(validateOpdModules([module({ code: 'dinsos' })])).toEqual(['OPD module "dinsos": code: "dinsos" must be 2-32 upper-case letters, digits or dashes']);
    expect(validateOpdModules([module({ categories: [category('BANSOS', { keywords: { id: [], en: [] } })] })])).toEqual([
      'OPD module "DINSOS": categories[0] (BANSOS).keywords: give at least one keyword (id or en)',
    ]);
  });

  it('accepts synonyms per language, and refuses a bad entry naming the module, category and entry', () => {
    const good = { id: ['sampah', 'buang sampah'], en: ['rubbish'], ban: ['luu'] };
    expect(validateOpdModules([module({ categories: [category('BANSOS', { synonyms: good })] })])).toEqual([]);
    expect(validateOpdModules([module({ categories: [category('BANSOS', { synonyms: {} })] })])).toEqual([]);

    const bad = { id: ['sampah', '  '], en: ['the', 'x'.repeat(61)], ban: 'luu', jv: ['uwuh'] };
    expect(validateOpdModules([module({ categories: [category('BANSOS', { synonyms: bad })] })])).toEqual([
      'OPD module "DINSOS": categories[0] (BANSOS).synonyms.jv: is not a language of synonyms (id, en, ban)',
      'OPD module "DINSOS": categories[0] (BANSOS).synonyms.id[1]: must be a non-blank word or phrase',
      'OPD module "DINSOS": categories[0] (BANSOS).synonyms.en[0]: "the" has no word suggestions can use (only stopwords, numbers or punctuation)',
      'OPD module "DINSOS": categories[0] (BANSOS).synonyms.en[1]: "xxxxxxxxxxxxxxxxxxxx…" is longer than 60 characters: a synonym is what a caller says, not a sentence',
      'OPD module "DINSOS": categories[0] (BANSOS).synonyms.ban: must be a list of words or short phrases',
    ]);
    expect(validateOpdModules([module({ categories: [category('BANSOS', { synonyms: ['sampah'] })] })])).toEqual([
      'OPD module "DINSOS": categories[0] (BANSOS).synonyms: must be an object with lists per language (id, en, ban)',
    ]);
    // At boot the same problem stops the start, with the same sentence.
    expect(() => assertValidOpdModules([module({ categories: [category('BANSOS', { synonyms: { id: ['di'] } })] })])).toThrow(
      /categories\[0\] \(BANSOS\)\.synonyms\.id\[0\]: "di" has no word/,
    );
  });

  it('refuses codes used twice: OPDs, and categories across OPDs', () => {
    const other = module({ code: 'DLH', categories: [category('BANSOS')] });
    expect(validateOpdModules([module(), module()])).toContain('OPD module "DINSOS": code: is used by another module (position 0)');
    expect(validateOpdModules([module(), other])).toEqual(['OPD module "DLH": categories[0] (BANSOS).code: is already a category of OPD DINSOS']);
  });

  it('checks attributes: list values, unique codes and orders', () => {
    const attributes = [
      { code: 'TYPE', datatype: 'singlevaluelist', required: true, order: 1, description: t('Type'), values: [] },
      { code: 'TYPE', datatype: 'number', required: false, order: 1, description: t('Count'), values: [{ key: 'X', name: t('x') }] },
    ];
    expect(validateOpdModules([module({ categories: [category('BANSOS', { attributes })] })])).toEqual([
      'OPD module "DINSOS": categories[0] (BANSOS).attributes[0] (TYPE).values: a singlevaluelist needs at least one value',
      'OPD module "DINSOS": categories[0] (BANSOS).attributes[1] (TYPE).values: only list datatypes take values (this is number)',
      'OPD module "DINSOS": categories[0] (BANSOS).attributes[1] (TYPE).code: is declared twice in this category',
      'OPD module "DINSOS": categories[0] (BANSOS).attributes[1] (TYPE).order: 1 is used by another attribute',
    ]);
  });

  it('checks SLA targets: known category, positive minutes, no TRIAGE (the call centre owns it)', () => {
    const sla = [
      { metric: 'ON_SITE', category: 'NOPE', targetMinutes: 120, calendar: '24x7' },
      { metric: 'TRIAGE', targetMinutes: 0, calendar: 'ALWAYS' },
    ];
    expect(validateOpdModules([module({ sla })])).toEqual([
      'OPD module "DINSOS": sla[0].category: "NOPE" is not a category of this OPD',
      'OPD module "DINSOS": sla[1].metric: must be one of ACKNOWLEDGE, ON_SITE, RESOLVE',
      'OPD module "DINSOS": sla[1].targetMinutes: must be a positive whole number',
      'OPD module "DINSOS": sla[1].calendar: must be 24x7 or WORKING_DAYS',
    ]);
  });

  it('checks the ladder: numbered in order, rising fractions, a BREACH level last, known targets', () => {
    const escalation = [
      { level: 1, at: { fraction: 0.75 }, notify: [{ kind: 'OPD_HEAD' }] },
      { level: 3, at: { fraction: 0.5 }, notify: [{ kind: 'MAYOR' }] },
    ];
    expect(validateOpdModules([module({ escalation })])).toEqual([
      'OPD module "DINSOS": escalation: needs a BREACH level: someone must be told when a deadline is missed',
      'OPD module "DINSOS": escalation[1].level: must be 2 (levels are numbered 1, 2, 3… in order)',
      "OPD module \"DINSOS\": escalation[1].at.fraction: must be above the previous level's 0.75",
      'OPD module "DINSOS": escalation[1].notify[0]: must be one of OPD_ROLE, OPD_HEAD, COMMAND_CENTRE, REGIONAL_SECRETARY, REGENT',
    ]);
    const breachFirst = [
      { level: 1, at: 'BREACH', notify: [{ kind: 'OPD_HEAD' }] },
      { level: 2, at: { fraction: 0.5 }, notify: [{ kind: 'OPD_HEAD' }] },
    ];
    expect(validateOpdModules([module({ escalation: breachFirst })])).toContain('OPD module "DINSOS": escalation[0].at: BREACH must be the last level');
  });

  it('reports a null entry as a sentence, not a crash', () => {
    expect(validateOpdModules([module({ categories: [null], sla: [null], escalation: [null] })])).toEqual([
      'OPD module "DINSOS": categories[0]: is not a category object',
      'OPD module "DINSOS": sla[0]: is not an SLA target object',
      'OPD module "DINSOS": escalation: needs a BREACH level: someone must be told when a deadline is missed',
      'OPD module "DINSOS": escalation[0]: is not a level object',
    ]);
  });

  it('stops the boot with every problem listed', () => {
    expect(() => assertValidOpdModules([module({ onboarding: { status: 'SOON', goLiveDate: '2026-02-30' } })])).toThrow(OpdModuleError);
    expect(() => assertValidOpdModules([module({ onboarding: { status: 'SOON', goLiveDate: '2026-02-30' } })])).toThrow(
      /onboarding\.status: must be one of PLANNED, ONBOARDING, LIVE\n.*onboarding\.goLiveDate: must be a date as YYYY-MM-DD/,
    );
  });
});
