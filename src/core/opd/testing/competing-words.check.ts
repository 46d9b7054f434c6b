import { suggestCategories } from '../category-suggestions';
import type { CategoryDefinition, OpdModuleDefinition } from '../opd-module.contract';
import { SYNONYM_LANGUAGES } from '../opd-module.contract';

/** A keyword or synonym of this module that another OPD's category wins or ties. */
export interface CompetingWord {
  readonly phrase: string;
  readonly language: 'id' | 'en' | 'ban';
  readonly category: string;
  readonly rival: string;
  readonly rivalOpd: string;
  /** True when both score the same; false when the rival ranks first. */
  readonly tied: boolean;
}

/**
 * Every keyword and synonym of a module, typed alone as a call note, ranked
 * among the module's categories and those of the other enabled modules: the
 * ones where another OPD's category comes first or ties. Such words send a
 * call taker's suggestion to the wrong agency; the contract kit prints them
 * as a warning (a boot never fails on them: two OPDs may legitimately share
 * a word, and the rest of the call note usually decides).
 *
 * @example
 * competingWords(dinsos, ENABLED_OPD_MODULES);
 * // [{ phrase: 'orang terlantar', language: 'id', category: 'WARGA_TERLANTAR',
 * //    rival: 'GELANDANGAN_PENGEMIS', rivalOpd: 'SATPOLPP-DAMKAR', tied: true }]
 */
export function competingWords(module: OpdModuleDefinition, alongside: readonly OpdModuleDefinition[]): CompetingWord[] {
  const owner = new Map<string, string>();
  const others = alongside.filter((m) => m.code !== module.code);
  for (const m of [...others, module]) for (const c of m.categories) owner.set(c.code, m.code);
  const all = [...others, module].flatMap((m) => m.categories);
  const found: CompetingWord[] = [];
  for (const category of module.categories) {
    for (const [phrase, language] of phrasesOf(category)) {
      const [top, ...rest] = suggestCategories(all, phrase, language === 'en' ? 'en' : 'id', 10);
      if (!top) continue;
      const foreign = (code: string) => owner.get(code) !== module.code;
      const level = rest.filter((s) => s.score === top.score);
      // Either another OPD ranks first (tied if one of ours scores the same), or it ties with ours.
      const rival = foreign(top.category.code) ? top : level.find((s) => foreign(s.category.code));
      if (!rival) continue;
      const tied = rival !== top || level.some((s) => !foreign(s.category.code));
      found.push({ phrase, language, category: category.code, rival: rival.category.code, rivalOpd: owner.get(rival.category.code) ?? '?', tied });
    }
  }
  return found;
}

/** The warning a module author reads in their spec's output. */
export function competitionWarning(moduleCode: string, words: readonly CompetingWord[]): string {
  const lines = words.map(
    (w) => `  - "${w.phrase}" (${w.language}) of ${w.category} ${w.tied ? 'ties with' : 'goes to'} ${w.rival} of ${w.rivalOpd}`,
  );
  return (
    `OPD module ${moduleCode}: ${words.length} word(s) compete with another OPD's category:\n${lines.join('\n')}\n` +
    'A call note with only these words may be suggested to the other OPD. Prefer a more specific phrase ' +
    '(docs/adding-an-opd.md, "Keywords and synonyms").'
  );
}

function phrasesOf(category: CategoryDefinition): Array<[string, CompetingWord['language']]> {
  const out: Array<[string, CompetingWord['language']]> = [];
  for (const language of ['id', 'en'] as const) for (const k of category.keywords[language]) out.push([k, language]);
  for (const language of SYNONYM_LANGUAGES) for (const s of category.synonyms?.[language] ?? []) out.push([s, language]);
  return out;
}
