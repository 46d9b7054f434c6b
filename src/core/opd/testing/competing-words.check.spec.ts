import { defineOpdModule } from '../opd-module.contract';
import type { CategoryDefinition, OpdModuleDefinition } from '../opd-module.contract';
import { competingWords, competitionWarning } from './competing-words.check';

const category = (code: string, id: string[], synonyms?: CategoryDefinition['synonyms']): CategoryDefinition => ({
  code, name: { id: code, en: code }, defaultKind: 'COMPLAINT', defaultPriority: 'NORMAL', keywords: { id, en: [] }, synonyms, attributes: [],
});
const opd = (code: string, categories: CategoryDefinition[]): OpdModuleDefinition =>
  defineOpdModule({
    code, name: { id: code, en: code }, description: { id: code, en: code }, contacts: [], coverage: 'REGENCY',
    onboarding: { status: 'LIVE', goLiveDate: '2026-12-01' }, categories, sla: [],
    escalation: [{ level: 1, at: 'BREACH', notify: [{ kind: 'COMMAND_CENTRE' }] }],
  });

const satpol = opd('SATPOLPP', [category('GELANDANGAN', ['gelandangan', 'orang terlantar']), category('PERDA', ['baliho liar'])]);
const dlh = opd('DLH', [category('SAMPAH_LIAR', ['sampah liar'], { id: ['baliho liar'] })]);
const dinsos = opd('DINSOS', [category('WARGA_TERLANTAR', ['warga terlantar'], { id: ['orang terlantar'], ban: ['anak terlantar'] })]);

describe('competingWords (the contract kit warning)', () => {
  it("names each of the module's words that another OPD's category ties or wins", () => {
    expect(competingWords(dinsos, [satpol, dinsos])).toEqual([
      { phrase: 'orang terlantar', language: 'id', category: 'WARGA_TERLANTAR', rival: 'GELANDANGAN', rivalOpd: 'SATPOLPP', tied: true },
    ]);
    expect(competingWords(dlh, [satpol])).toEqual([
      { phrase: 'baliho liar', language: 'id', category: 'SAMPAH_LIAR', rival: 'PERDA', rivalOpd: 'SATPOLPP', tied: true },
    ]);
  });

  it('finds nothing when the words are the module\'s own, or no other module is enabled', () => {
    expect(competingWords(satpol, [satpol])).toEqual([]);
    expect(competingWords(dinsos, [])).toEqual([]);
    expect(competingWords(opd('DISHUB', [category('PARKIR', ['parkir liar'])]), [satpol, dlh])).toEqual([]);
  });

  it('words the warning for the module author', () => {
    const message = competitionWarning('DINSOS', competingWords(dinsos, [satpol]));
    expect(message).toContain('OPD module DINSOS: 1 word(s) compete');
    expect(message).toContain('"orang terlantar" (id) of WARGA_TERLANTAR ties with GELANDANGAN of SATPOLPP');
  });
});
