import { ENABLED_OPD_MODULES } from '../../../config/opd-modules';
import { suggestCategories } from '../../../src/core/opd/category-suggestions';
import labelled from '../../fixtures/category-suggestions/labelled-complaints.json';

/**
 * Accuracy of category suggestions on labelled call notes, over every enabled
 * module's categories. The held-out part was written before any tuning and is
 * never tuned on; keywords, synonyms and weights were adjusted against the
 * tuning part only. Prints both parts; the done bar is asserted on held-out.
 */
type Example = [code: string, language: 'id' | 'en', text: string];
const heldOut = labelled.heldOut as Example[];
const tuning = labelled.tuning as Example[];
const all = ENABLED_OPD_MODULES.flatMap((m) => m.categories);

interface Accuracy {
  readonly top1: number;
  readonly top3: number;
  readonly misses: string[];
  readonly meanConfidenceRight: number;
  readonly meanConfidenceWrong: number;
}

function measure(examples: readonly Example[]): Accuracy {
  let top1 = 0;
  let top3 = 0;
  const right: number[] = [];
  const wrong: number[] = [];
  const misses: string[] = [];
  for (const [code, language, text] of examples) {
    const ranked = suggestCategories(all, text, language);
    const codes = ranked.map((s) => s.category.code);
    if (codes[0] === code) top1 += 1;
    if (codes.slice(0, 3).includes(code)) top3 += 1;
    (codes[0] === code ? right : wrong).push(ranked[0]?.confidence ?? 0);
    if (codes[0] !== code) misses.push(`${code} <- "${text}" got ${codes.slice(0, 3).join(', ') || 'nothing'}`);
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return { top1: top1 / examples.length, top3: top3 / examples.length, misses, meanConfidenceRight: mean(right), meanConfidenceWrong: mean(wrong) };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const report = (name: string, n: number, a: Accuracy) =>
  `${name} (${n} texts): top-1 ${pct(a.top1)}, top-3 ${pct(a.top3)}; mean confidence of the first suggestion ` +
  `${a.meanConfidenceRight.toFixed(2)} when right, ${a.meanConfidenceWrong.toFixed(2)} when wrong` +
  (a.misses.length ? `\n    misses:\n      ${a.misses.join('\n      ')}` : '');

describe('category suggestions on labelled call notes', () => {
  it('has a fixed split with at least 30 % held out, every category in both parts, only known codes', () => {
    expect(heldOut.length + tuning.length).toBeGreaterThanOrEqual(300);
    expect(heldOut.length / (heldOut.length + tuning.length)).toBeGreaterThanOrEqual(0.3);
    const codes = new Set(all.map((c) => c.code));
    for (const [code] of [...heldOut, ...tuning]) expect(codes.has(code) ? code : `unknown ${code}`).toBe(code);
    for (const code of codes) {
      expect({ code, inHeldOut: heldOut.some(([c]) => c === code), inTuning: tuning.some(([c]) => c === code) }).toEqual({
        code, inHeldOut: true, inTuning: true,
      });
    }
    const texts = [...heldOut, ...tuning].map(([, , text]) => text.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('meets the bar on the held-out part: top-1 >= 85 %, top-3 >= 95 %', () => {
    const tuned = measure(tuning);
    const held = measure(heldOut);
    console.log(`Category suggestion accuracy\n  ${report('tuning', tuning.length, tuned)}\n  ${report('held-out', heldOut.length, held)}`);
    expect(held.top1).toBeGreaterThanOrEqual(0.85);
    expect(held.top3).toBeGreaterThanOrEqual(0.95);
  });
});
