import type { CategorySynonyms, LocalisedText } from '../opd-module.contract';
import { callNoteWords } from './call-note.normaliser';
import { WEAK_WORDS } from './call-note.vocabulary';
import { trigrams } from './trigram.similarity';
import { wordRoots } from './word.stemmer';

/** What the index reads of a category: its code, names, keywords and synonyms. */
export interface Suggestible {
  readonly code: string;
  readonly name: LocalisedText;
  readonly keywords: { readonly id: readonly string[]; readonly en: readonly string[] };
  readonly synonyms?: CategorySynonyms;
}

export type SuggestionLanguage = 'id' | 'en';

export interface RankedCategory<C> {
  readonly category: C;
  /** Evidence, higher is better; comparable within one text only. */
  readonly score: number;
  /** How sure the ranking is that this is the category (0..1); the confidences of one text sum to at most 1. */
  readonly confidence: number;
}

export interface RankOptions {
  readonly limit?: number;
  /** Rank only these codes (the active ones); the others are not competitors either. */
  readonly only?: ReadonlySet<string>;
}

// The weights below were set on the tuning part of the labelled call notes
// (test/fixtures/category-suggestions), never on the held-out part.
/** A word of the asked language counts fully, Balinese almost, the other language less (tourists and staff mix them). */
const LANGUAGE_FACTOR = { same: 1, ban: 0.9, other: 0.8 } as const;
/** A category's name is a phrase too, but call notes rarely say it. */
const NAME_FACTOR = 0.5;
/** Each further word of a complete phrase adds this much to each of its words: "pohon roboh" beats "roboh". */
const PHRASE_BONUS = 0.35;
/** A word of an incomplete phrase: some evidence, not much ("aspal" alone hints at a damaged road). */
const PARTIAL = 0.35;
/** Below this a category is not suggested at all: one word of an incomplete phrase is never enough. */
const MIN_SCORE = 0.4;
/** Matches through a stripped affix or a typo are slightly less sure than the word itself. */
const ROOT_QUALITY = 0.9;
const FUZZY_MIN_SIMILARITY = 0.45;
const FUZZY_QUALITY = 0.8;
/** Score at which the evidence itself is about 63 % convincing (1 - 1/e). */
const STRENGTH_SCALE = 0.7;

interface Phrase {
  readonly terms: readonly number[];
  readonly factor: { readonly id: number; readonly en: number };
}

interface Match {
  readonly quality: number;
  readonly token: string;
}

/**
 * The suggestion index of a set of categories, built once (at boot, or once
 * per category list in specs) so each keystroke costs a few map look-ups.
 * Every keyword, synonym and name is read like a call note (callNoteWords),
 * its words indexed by their possible roots and trigrams. A text's words match
 * a keyword word exactly, through a root ("berlubang"/"lubang") or, when
 * nothing else matched, by trigram similarity (a typo).
 *
 * Ranking: each word of the text counts once per category, by its best match
 * there: the word's specificity (how few categories use it), times how well
 * it matched, times its phrase's completeness (longer complete phrases
 * count more: "more specific wins"). No match above MIN_SCORE, no suggestion.
 *
 * @example
 * const index = new SuggestionIndex(categories);
 * index.rank('phn tumbang nutup jln', 'id')[0]; // { category: POHON_TUMBANG, score: 2.7, confidence: 0.98 }
 */
export class SuggestionIndex<C extends Suggestible> {
  private readonly terms: string[] = [];
  private readonly termIds = new Map<string, number>();
  private readonly byRoot = new Map<string, number[]>();
  private readonly byTrigram = new Map<string, number[]>();
  private readonly trigramCount: number[] = [];
  /** The categories (by position) whose phrases use each term. */
  private readonly usedBy: Array<Set<number>> = [];
  private readonly phrases: Phrase[][];

  constructor(readonly categories: readonly C[]) {
    this.phrases = categories.map((category) => this.compile(category));
    this.phrases.forEach((phrases, index) => {
      for (const phrase of phrases) for (const term of phrase.terms) this.usedBy[term].add(index);
    });
  }

  /** Categories for a text, best first; empty when nothing matches. */
  rank(text: string, language: SuggestionLanguage, options: RankOptions = {}): RankedCategory<C>[] {
    const { matches, specificity } = this.match(text);
    if (matches.size === 0) return [];
    const scored: Array<{ category: C; score: number; specific: number }> = [];
    this.categories.forEach((category, index) => {
      if (options.only && !options.only.has(category.code)) return;
      const { score, specific } = this.score(this.phrases[index], matches, specificity, language);
      if (score >= MIN_SCORE) scored.push({ category, score, specific });
    });
    // Ties: the category with the longer complete phrase is the more specific match.
    scored.sort((a, b) => b.score - a.score || b.specific - a.specific || a.category.code.localeCompare(b.category.code));
    const squares = scored.reduce((sum, s) => sum + s.score * s.score, 0);
    return scored.slice(0, options.limit ?? 5).map(({ category, score }) => ({
      category,
      score: round(score),
      // How strong the evidence is, times how much of it is this category's rather than a rival's.
      confidence: round((1 - Math.exp(-score / STRENGTH_SCALE)) * ((score * score) / squares)),
    }));
  }

  /**
   * Each term the text matched, with its best quality and the text word that
   * matched it; and each text word's specificity: inverse document frequency
   * scaled to 0..1 over the categories any of its matches belongs to. Counted
   * per text word, not per keyword word, so "jalan" is as weak where it
   * matched "jalanan" as where it matched "jalan".
   */
  private match(text: string): { matches: Map<number, Match>; specificity: Map<string, number> } {
    const found = new Map<number, Match>();
    const categoriesOf = new Map<string, Set<number>>();
    const keep = (term: number, quality: number, token: string): void => {
      if ((found.get(term)?.quality ?? 0) < quality) found.set(term, { quality, token });
      const categories = categoriesOf.get(token) ?? new Set<number>();
      for (const index of this.usedBy[term]) categories.add(index);
      categoriesOf.set(token, categories);
    };
    for (const token of new Set(callNoteWords(text))) {
      let matched = false;
      for (const root of wordRoots(token)) {
        for (const term of this.byRoot.get(root) ?? []) {
          keep(term, this.terms[term] === token ? 1 : ROOT_QUALITY, token);
          matched = true;
        }
      }
      if (!matched && token.length >= 4 && !WEAK_WORDS.has(token)) {
        for (const [term, similarity] of this.similar(token)) keep(term, FUZZY_QUALITY * similarity, token);
      }
    }
    const n = Math.max(2, this.categories.length);
    const specificity = new Map<string, number>();
    for (const [token, categories] of categoriesOf) {
      specificity.set(token, Math.max(0.15, Math.log(n / categories.size) / Math.log(n)));
    }
    return { matches: found, specificity };
  }

  /** Terms that look like a misspelling of the token: the most similar ones above the floor. */
  private similar(token: string): Array<[number, number]> {
    const own = trigrams(token);
    const shared = new Map<number, number>();
    for (const gram of own) for (const term of this.byTrigram.get(gram) ?? []) shared.set(term, (shared.get(term) ?? 0) + 1);
    let best: Array<[number, number]> = [];
    let bestSimilarity = FUZZY_MIN_SIMILARITY;
    for (const [term, count] of shared) {
      if (this.terms[term].length < 4) continue;
      const similarity = count / (own.length + this.trigramCount[term] - count);
      if (similarity > bestSimilarity) [best, bestSimilarity] = [[[term, similarity]], similarity];
      else if (similarity === bestSimilarity) best.push([term, similarity]);
    }
    return best;
  }

  private score(
    phrases: readonly Phrase[],
    matches: Map<number, Match>,
    specificity: Map<string, number>,
    language: SuggestionLanguage,
  ): { score: number; specific: number } {
    const perToken = new Map<string, number>();
    let specific = 0;
    for (const phrase of phrases) {
      const hits = phrase.terms.map((term) => matches.get(term));
      const matchedCount = hits.filter(Boolean).length;
      if (matchedCount === 0) continue;
      const complete = matchedCount === phrase.terms.length;
      if (complete) specific = Math.max(specific, phrase.terms.length);
      const multiplier = complete ? 1 + PHRASE_BONUS * (phrase.terms.length - 1) : PARTIAL;
      hits.forEach((hit, i) => {
        if (!hit) return;
        const term = phrase.terms[i];
        // "tidak" or "no" alone says nothing; inside "tidak layak huni" it does.
        if (!complete && WEAK_WORDS.has(this.terms[term])) return;
        const value = (specificity.get(hit.token) ?? 0) * hit.quality * phrase.factor[language] * multiplier;
        if ((perToken.get(hit.token) ?? 0) < value) perToken.set(hit.token, value);
      });
    }
    let score = 0;
    for (const value of perToken.values()) score += value;
    return { score, specific };
  }

  private compile(category: Suggestible): Phrase[] {
    const phrases: Phrase[] = [];
    const add = (texts: readonly string[] | undefined, source: 'id' | 'en' | 'ban', weight = 1): void => {
      const factor = {
        id: weight * (source === 'id' ? LANGUAGE_FACTOR.same : source === 'ban' ? LANGUAGE_FACTOR.ban : LANGUAGE_FACTOR.other),
        en: weight * (source === 'en' ? LANGUAGE_FACTOR.same : source === 'ban' ? LANGUAGE_FACTOR.ban : LANGUAGE_FACTOR.other),
      };
      for (const text of texts ?? []) {
        const terms = [...new Set(callNoteWords(text))].map((word) => this.term(word));
        if (terms.length > 0) phrases.push({ terms, factor });
      }
    };
    add(category.keywords.id, 'id');
    add(category.keywords.en, 'en');
    add(category.synonyms?.id, 'id');
    add(category.synonyms?.en, 'en');
    add(category.synonyms?.ban, 'ban');
    add([category.name.id], 'id', NAME_FACTOR);
    add([category.name.en], 'en', NAME_FACTOR);
    return phrases;
  }

  private term(word: string): number {
    const known = this.termIds.get(word);
    if (known !== undefined) return known;
    const id = this.terms.push(word) - 1;
    this.termIds.set(word, id);
    this.usedBy[id] = new Set();
    for (const root of wordRoots(word)) push(this.byRoot, root, id);
    const grams = trigrams(word);
    this.trigramCount[id] = grams.length;
    for (const gram of grams) push(this.byTrigram, gram, id);
    return id;
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
