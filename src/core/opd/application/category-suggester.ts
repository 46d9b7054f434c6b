import type { CategoryDefinition } from '../opd-module.contract';
import { SuggestionIndex } from '../suggestions/suggestion.index';
import type { RankedCategory, SuggestionLanguage } from '../suggestions/suggestion.index';
import type { OpdRegistry } from './opd-registry';

/**
 * Category suggestions for the API. The index of every enabled module's
 * categories (keywords, synonyms, names) is built once, at boot, because
 * suggestions are asked for while a call taker types; a request only ranks.
 * It reads the modules' own names: an admin's rename changes what is shown,
 * not what matches.
 *
 * @example
 * const suggester = new CategorySuggester(registry);
 * suggester.rank('sampah tdk diangkut', 'id', { only: activeCodes })[0].category.code; // 'PELANGGARAN_PERDA'
 */
export class CategorySuggester {
  private readonly index: SuggestionIndex<CategoryDefinition>;

  constructor(registry: OpdRegistry) {
    this.index = new SuggestionIndex(registry.allCategories().map(({ category }) => category));
  }

  /** Best first, at most `limit`; only the codes in `only` (the active categories) compete. */
  rank(text: string, language: SuggestionLanguage, options: { limit?: number; only?: ReadonlySet<string> } = {}): RankedCategory<CategoryDefinition>[] {
    return this.index.rank(text, language, options);
  }
}
