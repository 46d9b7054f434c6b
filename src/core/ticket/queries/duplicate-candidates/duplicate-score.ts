/** How a candidate relates to the draft, as the score needs it. */
export interface CandidateFacts {
  /** Null when either has no coordinates. */
  readonly meters: number | null;
  readonly radiusMeters: number;
  readonly sameVillage: boolean;
  readonly category: 'SAME' | 'RELATED' | 'OTHER' | 'UNKNOWN';
  readonly relatedCategory?: string | null;
  /** Draft's report time minus the candidate's: positive when the candidate came first. */
  readonly ageMs: number;
  readonly windowMs: number;
  /** 0-1. */
  readonly textSimilarity: number;
}

/** Below this, a description alone does not make a ticket of another category a candidate. */
export const SIMILAR_TEXT = 0.3;

const CATEGORY_WEIGHT = { SAME: 0.35, RELATED: 0.2, UNKNOWN: 0.1, OTHER: 0 } as const;

/**
 * Whether a ticket found near the draft (in place and time) is a candidate:
 * the same or a related category, a similar description, or a draft without
 * a category (then every nearby open ticket may be it).
 */
export function isCandidate(facts: CandidateFacts): boolean {
  const near = (facts.meters !== null && facts.meters <= facts.radiusMeters) || facts.sameVillage;
  return near && Math.abs(facts.ageMs) <= facts.windowMs && (facts.category !== 'OTHER' || facts.textSimilarity >= SIMILAR_TEXT);
}

/**
 * A 0-1 score (category 0.35, place 0.3, time 0.15, text 0.2) and the reasons
 * a call taker reads.
 *
 * @example
 * scoreCandidate({ meters: 120, radiusMeters: 500, sameVillage: false, category: 'SAME', ageMs: 40 * 60_000, windowMs: 48 * 3_600_000, textSimilarity: 0 });
 * // { score: 0.73, reasons: ['120 m away', 'same category', '40 min ago'] }
 */
export function scoreCandidate(facts: CandidateFacts): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let place = 0;
  if (facts.meters !== null && facts.meters <= facts.radiusMeters) {
    place = 0.3 * (1 - facts.meters / facts.radiusMeters);
    reasons.push(`${formatDistance(facts.meters)} away`);
  }
  if (facts.sameVillage) {
    // A village is a coarse place: worth a little, and never more than being close.
    place = Math.max(place, 0.1) + (place > 0 ? 0.02 : 0);
    reasons.push('same village');
  }
  const category = CATEGORY_WEIGHT[facts.category];
  if (facts.category === 'SAME') reasons.push('same category');
  if (facts.category === 'RELATED') reasons.push(facts.relatedCategory ? `related category (${facts.relatedCategory})` : 'related category');
  const time = 0.15 * Math.max(0, 1 - Math.abs(facts.ageMs) / facts.windowMs);
  reasons.push(formatAge(facts.ageMs));
  const text = 0.2 * facts.textSimilarity;
  if (facts.textSimilarity >= SIMILAR_TEXT) reasons.push(`similar description (${Math.round(facts.textSimilarity * 100)} %)`);
  const score = Math.min(1, Math.round((category + place + time + text) * 100) / 100);
  return { score, reasons };
}

/** "80 m", "120 m", "1.2 km": rounded to 10 m below a kilometre. */
export function formatDistance(meters: number): string {
  if (meters < 1000) return `${Math.round(meters / 10) * 10} m`;
  return `${(Math.round(meters / 100) / 10).toFixed(1)} km`;
}

/** "just now", "40 min ago", "3 h ago", "2 days ago"; "reported 20 min later" for a candidate after the draft. */
export function formatAge(ageMs: number): string {
  const later = ageMs < 0;
  const minutes = Math.round(Math.abs(ageMs) / 60_000);
  let span: string;
  if (minutes < 1) return 'at the same time';
  if (minutes < 60) span = `${minutes} min`;
  else if (minutes < 48 * 60) span = `${Math.round(minutes / 60)} h`;
  else span = `${Math.round(minutes / 1440)} days`;
  return later ? `reported ${span} later` : `${span} ago`;
}
