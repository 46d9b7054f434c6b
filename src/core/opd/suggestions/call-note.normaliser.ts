import { ABBREVIATIONS, REDUPLICATED, STOPWORDS } from './call-note.vocabulary';

/**
 * The words of a call note that can tell a category: lower case, accents
 * and punctuation gone, shorthand spelled out, stopwords and numbers dropped.
 * The same function reads the keywords, so both sides are spelled alike.
 *
 * - a reduplication ("anak2", "anak-anak") is the plain word, unless it means
 *   something else ("minta2" is begging: REDUPLICATED);
 * - a letter held down ("macettt") counts once;
 * - "gorong-gorong" is two words, as is "bangli-kintamani".
 *
 * @example
 * callNoteWords('Sampah tdk diangkut 3 hr!!'); // ['sampah', 'tidak', 'diangkut', 'hr']
 * callNoteWords('gorong2 mampettt');          // ['gorong', 'mampet']
 */
export function callNoteWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of rawWords(text)) {
    for (const word of (ABBREVIATIONS.get(raw) ?? raw).split(' ')) {
      if (!STOPWORDS.has(word)) words.push(word);
    }
  }
  return words;
}

/** Lower case, accents removed, split on anything that is not a letter or digit; nothing expanded or dropped. */
export function rawWords(text: string): string[] {
  const words: string[] = [];
  const cleaned = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    // Three or more of one letter are a held key, not a spelling: "macettt", "tolonggg".
    .replace(/(\p{L})\1{2,}/gu, '$1')
    // "anak-anak" and "anak2" are one reduplicated word.
    .replace(/(\p{L}{2,})-\1(?![\p{L}\p{N}])/gu, '$12');
  for (const part of cleaned.split(/[^\p{L}\p{N}]+/u)) {
    if (!part) continue;
    const reduplicated = /^(\p{L}{2,})2$/u.exec(part);
    if (reduplicated) words.push(REDUPLICATED.get(reduplicated[1]) ?? reduplicated[1]);
    // Numbers, times and amounts ("10rb", "3am") say where and when, not what.
    else if (!/\p{N}/u.test(part)) words.push(part);
  }
  return words;
}
