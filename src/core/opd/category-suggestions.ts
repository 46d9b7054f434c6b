import { SuggestionIndex } from './suggestions/suggestion.index';
import type { RankedCategory, Suggestible, SuggestionLanguage } from './suggestions/suggestion.index';

export type CategorySuggestion<C> = RankedCategory<C>;
export type { Suggestible, SuggestionLanguage };
export { SuggestionIndex };

// One index per category list: module specs and the contract kit rank many
// texts against the same list, and building the index is the costly part.
const indexes = new WeakMap<readonly Suggestible[], SuggestionIndex<Suggestible>>();

/**
 * Ranks categories for a call taker's free text, with a confidence (0..1) per
 * suggestion; empty when nothing matches. Reads call-note Indonesian
 * (shorthand, affixes, typos), English and Balinese; see SuggestionIndex for
 * how. The server ranks with an index built once at boot (CategorySuggester);
 * this entry point builds one per category list and keeps it while the list
 * lives.
 *
 * @example
 * suggestCategories(categories, 'phn tumbang nutup jln', 'id')[0].category.code; // 'POHON_TUMBANG'
 */
export function suggestCategories<C extends Suggestible>(
  categories: readonly C[],
  text: string,
  language: SuggestionLanguage,
  limit = 5,
): CategorySuggestion<C>[] {
  let index = indexes.get(categories) as SuggestionIndex<C> | undefined;
  if (!index) {
    index = new SuggestionIndex(categories);
    indexes.set(categories, index);
  }
  return index.rank(text, language, { limit });
}
