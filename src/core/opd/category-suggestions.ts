import type { CategoryDefinition } from './opd-module.contract';

export interface CategorySuggestion<C> {
  readonly category: C;
  readonly score: number;
}

type Suggestible = Pick<CategoryDefinition, 'code' | 'name' | 'keywords'>;

/**
 * Ranks categories for a call taker's free text. Keywords of the asked
 * language count fully, the other language's a little less (tourists mix
 * them); case and accents never matter; a word that starts like a keyword
 * (banjir / kebanjiran is not, but longsor / longsoran is) counts half.
 *
 * @example
 * suggestCategories(categories, 'Ada pohon tumbang di jalan', 'id')[0].category.code; // 'POHON_TUMBANG'
 */
export function suggestCategories<C extends Suggestible>(
  categories: readonly C[],
  text: string,
  language: 'id' | 'en',
  limit = 5,
): CategorySuggestion<C>[] {
  const words = tokens(text);
  if (words.length === 0) return [];
  const other = language === 'id' ? 'en' : 'id';
  return categories
    .map((category) => {
      const score =
        scoreKeywords(category.keywords[language], words) +
        0.6 * scoreKeywords(category.keywords[other], words) +
        0.5 * scoreKeywords([category.name[language]], words);
      return { category, score: Math.round(score * 100) / 100 };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.category.code.localeCompare(b.category.code))
    .slice(0, limit);
}

/** Lower case, accents removed, split on anything that is not a letter or digit. */
export function tokens(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function scoreKeywords(keywords: readonly string[], words: readonly string[]): number {
  let score = 0;
  for (const keyword of keywords) {
    const parts = tokens(keyword);
    if (parts.length === 0) continue;
    // A phrase counts only when every part occurs; longer phrases are more telling.
    const hits = parts.map((part) => best(part, words));
    if (hits.every((h) => h > 0)) score += hits.reduce((a, b) => a + b, 0);
  }
  return score;
}

function best(part: string, words: readonly string[]): number {
  let score = 0;
  for (const word of words) {
    if (word === part) return 2;
    if (part.length >= 4 && word.length >= 4 && (word.startsWith(part) || part.startsWith(word))) score = 1;
  }
  return score;
}
