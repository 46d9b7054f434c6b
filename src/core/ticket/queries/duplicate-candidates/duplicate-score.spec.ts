import { formatAge, formatDistance, isCandidate, scoreCandidate, type CandidateFacts } from './duplicate-score';

const HOUR = 3_600_000;
const base: CandidateFacts = { meters: 120, radiusMeters: 500, sameVillage: false, category: 'SAME', ageMs: 40 * 60_000, windowMs: 48 * HOUR, textSimilarity: 0 };

describe('duplicate candidates: scoring', () => {
  it('explains a close report of the same category in words', () => {
    expect(scoreCandidate(base)).toEqual({ score: 0.73, reasons: ['120 m away', 'same category', '40 min ago'] });
  });

  it('scores nearer, newer, same-category and similar reports higher', () => {
    const s = (f: Partial<CandidateFacts>): number => scoreCandidate({ ...base, ...f }).score;
    expect(s({ meters: 50 })).toBeGreaterThan(s({ meters: 400 }));
    expect(s({ ageMs: HOUR })).toBeGreaterThan(s({ ageMs: 40 * HOUR }));
    expect(s({ category: 'SAME' })).toBeGreaterThan(s({ category: 'RELATED' }));
    expect(s({ textSimilarity: 0.8 })).toBeGreaterThan(s({ textSimilarity: 0 }));
    expect(s({ meters: 0, ageMs: 0, textSimilarity: 1 })).toBeLessThanOrEqual(1);
  });

  it('names a related category and a similar description', () => {
    expect(scoreCandidate({ ...base, category: 'RELATED', relatedCategory: 'JALAN_AMBLAS', textSimilarity: 0.62 }).reasons).toEqual([
      '120 m away', 'related category (JALAN_AMBLAS)', '40 min ago', 'similar description (62 %)',
    ]);
  });

  it('takes a report near the draft, in the window, of a matching category or text', () => {
    expect(isCandidate(base)).toBe(true);
    expect(isCandidate({ ...base, meters: 2000 })).toBe(false);
    expect(isCandidate({ ...base, meters: 2000, sameVillage: true })).toBe(true);
    expect(isCandidate({ ...base, meters: null, sameVillage: false })).toBe(false);
    expect(isCandidate({ ...base, ageMs: 49 * HOUR })).toBe(false);
    expect(isCandidate({ ...base, ageMs: -HOUR })).toBe(true);
    expect(isCandidate({ ...base, category: 'OTHER' })).toBe(false);
    expect(isCandidate({ ...base, category: 'OTHER', textSimilarity: 0.5 })).toBe(true);
    expect(isCandidate({ ...base, category: 'UNKNOWN' })).toBe(true);
  });

  it('words distances and ages', () => {
    expect([formatDistance(84), formatDistance(1234)]).toEqual(['80 m', '1.2 km']);
    expect([formatAge(20_000), formatAge(40 * 60_000), formatAge(3 * HOUR), formatAge(72 * HOUR), formatAge(-20 * 60_000)]).toEqual([
      'at the same time', '40 min ago', '3 h ago', '3 days ago', 'reported 20 min later',
    ]);
  });
});
