/**
 * Trigrams of a word as PostgreSQL's pg_trgm makes them (two spaces before,
 * one after), so "kebakran" and "kebakaran" share most of theirs.
 *
 * @example
 * trigrams('api'); // ['  a', ' ap', 'api', 'pi ']
 */
export function trigrams(word: string): string[] {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) out.add(padded.slice(i, i + 3));
  return [...out];
}

/**
 * pg_trgm's similarity: shared trigrams over all distinct trigrams of both (0..1).
 *
 * @example
 * trigramSimilarity('longsr', 'longsor'); // 0.5
 */
export function trigramSimilarity(a: string, b: string): number {
  const left = new Set(trigrams(a));
  const right = trigrams(b);
  const shared = right.filter((t) => left.has(t)).length;
  return shared / (left.size + right.length - shared);
}
