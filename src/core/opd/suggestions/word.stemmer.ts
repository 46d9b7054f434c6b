/**
 * The roots a word may have, for matching "berlubang" with "lubang" and
 * "kebakaran" with "terbakar". Not a full stemmer: it lists candidates (the
 * word itself first) by stripping Indonesian affixes, the colloquial and
 * Balinese ones a call note uses, and plain English endings. A keyword and a
 * text word match when their candidate lists share one, so both sides are
 * stripped alike and a wrong strip can only hurt when two unrelated words
 * reduce to the same string; roots shorter than four letters are therefore
 * never offered ("jalan" does not become "jal").
 *
 * @example
 * wordRoots('berlubang');  // ['berlubang', 'lubang', …]
 * wordRoots('kebakaran');  // includes 'bakar', as does wordRoots('terbakar')
 * wordRoots('nutup');      // includes 'tutup' (colloquial n- for t-)
 */
export function wordRoots(word: string): string[] {
  const found = new Set<string>([word]);
  // Suffixes first, then up to two prefixes ("di-per-baik-i"), as Indonesian stacks them.
  for (const unsuffixed of stripSuffixes(word)) {
    add(found, unsuffixed);
    for (const once of stripPrefix(unsuffixed)) {
      add(found, once);
      for (const twice of stripPrefix(once)) add(found, twice);
    }
  }
  for (const english of englishRoots(word)) add(found, english);
  return [...found];
}

const MIN_ROOT = 4;
const VOWEL = /^[aiueo]/;

function add(found: Set<string>, root: string): void {
  if (root.length >= MIN_ROOT) found.add(root);
}

/** The word, and the word without its particle, possessive and derivational endings. */
function stripSuffixes(word: string): string[] {
  const out = [word];
  // Particles and possessives: -lah -kah -pun -nya -ku -mu.
  const bare = word.replace(/(lah|kah|pun|nya|ku|mu)$/, '');
  if (bare !== word && bare.length >= MIN_ROOT) out.push(bare);
  for (const base of [...out]) {
    // Derivational: -kan -an -i, colloquial -in, Balinese -ang.
    for (const suffix of ['kan', 'an', 'in', 'ang', 'i']) {
      if (base.endsWith(suffix) && base.length - suffix.length >= MIN_ROOT) out.push(base.slice(0, -suffix.length));
    }
  }
  return out;
}

/** Every way of removing one prefix, with the consonant a nasal prefix swallowed put back. */
function stripPrefix(word: string): string[] {
  const out: string[] = [];
  const rest = (prefix: string): string | null => (word.startsWith(prefix) ? word.slice(prefix.length) : null);

  // me- and pe- with their nasal forms: meng-/peng- (k), meny-/peny- (s), men-/pen- (t), mem-/pem- (p).
  for (const [m, p] of [['meng', 'peng'], ['meny', 'peny'], ['men', 'pen'], ['mem', 'pem']] as const) {
    for (const prefix of [m, p]) {
      const r = rest(prefix);
      if (r === null) continue;
      out.push(r);
      if (VOWEL.test(r)) out.push({ meng: 'k', peng: 'k', meny: 's', peny: 's', men: 't', pen: 't', mem: 'p', pem: 'p' }[prefix] + r);
    }
  }
  for (const prefix of ['menge', 'penge', 'me', 'pe', 'per', 'ber', 'ter', 'di', 'ke', 'ka', 'nge']) {
    const r = rest(prefix);
    if (r !== null) out.push(r);
  }
  // be-/te- only before r and a vowel: "terendam" is te-rendam, "berlubang" is not be-rlubang.
  for (const prefix of ['be', 'te']) {
    const r = rest(prefix);
    if (r !== null && /^r[aiueo]/.test(r)) out.push(r);
  }
  // Spoken Indonesian drops me-: "nutup" (tutup), "nyangkut" (sangkut), "ngangkut" (angkut, kangkut).
  const ny = rest('ny');
  if (ny !== null && VOWEL.test(ny)) out.push(`s${ny}`);
  const ng = rest('ng');
  if (ng !== null && VOWEL.test(ng)) out.push(ng, `k${ng}`);
  const n = rest('n');
  if (n !== null && VOWEL.test(n)) out.push(`t${n}`);
  return out;
}

/** Plain English endings: trees, blocked, burning, flooded. */
function englishRoots(word: string): string[] {
  const out: string[] = [];
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  else if (word.endsWith('es')) out.push(word.slice(0, -2), word.slice(0, -1));
  else if (word.endsWith('s') && !word.endsWith('ss')) out.push(word.slice(0, -1));
  for (const ending of ['ing', 'ed']) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    out.push(stem, `${stem}e`);
    // "blocked" is block, "stopped" is stop.
    if (/(.)\1$/.test(stem)) out.push(stem.slice(0, -1));
  }
  return out;
}
