/**
 * The OPD plug-in contract: the only part of the core an OPD module imports.
 * A module is data only (categories, SLA targets, an escalation ladder); the
 * core validates and merges it at boot. There are no code hooks: an OPD's own
 * system hears of its tickets through signed webhooks and subscriptions, sent
 * by the outbox relay after commit (docs/webhooks.md, docs/delivery.md).
 */

/** Text a call taker or citizen may read, in Indonesian and English. */
export interface LocalisedText {
  readonly id: string;
  readonly en: string;
}

/** Kinds a category can default to; information requests are the call centre's own. */
export type CategoryKind = 'COMPLAINT' | 'EMERGENCY';
export type CategoryPriority = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';

/** Open311 service-attribute datatypes. */
export type AttributeDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

/**
 * A question the call taker asks for this category, declared like an Open311
 * service attribute and validated when a ticket is created.
 *
 * @example
 * const trapped: AttributeDefinition = {
 *   code: 'PEOPLE_TRAPPED', datatype: 'singlevaluelist', required: true, order: 1,
 *   description: { id: 'Ada orang terjebak?', en: 'Are people trapped?' },
 *   values: [{ key: 'YES', name: { id: 'Ya', en: 'Yes' } }, { key: 'NO', name: { id: 'Tidak', en: 'No' } }],
 * };
 */
export interface AttributeDefinition {
  readonly code: string;
  readonly datatype: AttributeDatatype;
  readonly required: boolean;
  readonly description: LocalisedText;
  /** Display order, ascending; unique within the category. */
  readonly order: number;
  /** Only for singlevaluelist and multivaluelist. */
  readonly values?: ReadonlyArray<{ readonly key: string; readonly name: LocalisedText }>;
}

/**
 * One kind of report an OPD handles.
 *
 * @example
 * const fire: CategoryDefinition = {
 *   code: 'KEBAKARAN_BANGUNAN', name: { id: 'Kebakaran bangunan', en: 'Building fire' },
 *   defaultKind: 'EMERGENCY', defaultPriority: 'URGENT', fieldResponse: true,
 *   keywords: { id: ['kebakaran', 'api', 'terbakar'], en: ['fire', 'burning', 'smoke'] },
 *   attributes: [],
 * };
 */
export interface CategoryDefinition {
  /** Upper-case, unique across all OPDs, stable forever (tickets keep it). */
  readonly code: string;
  readonly name: LocalisedText;
  readonly description?: LocalisedText;
  readonly defaultKind: CategoryKind;
  readonly defaultPriority: CategoryPriority;
  /** Whether the OPD must attend the location; defaults to true for emergencies. */
  readonly fieldResponse?: boolean;
  /** Words a caller might use, for suggestions; case and accents do not matter. Shown to API clients. */
  readonly keywords: { readonly id: readonly string[]; readonly en: readonly string[] };
  /**
   * More words for suggestions only (never shown): what callers and call
   * takers actually type, including Balinese. Optional.
   */
  readonly synonyms?: CategorySynonyms;
  readonly attributes: readonly AttributeDefinition[];
  /**
   * How to find earlier reports of the same incident while a call is taken
   * (`duplicateCandidates`). Optional; without it: 500 m, and 48 hours for
   * complaints or 6 hours for emergencies.
   */
  readonly duplicates?: DuplicateRule;
  /**
   * Whether citizens' own apps (Open311 clients) may file reports in this
   * category. Default: yes for complaints, no for emergencies, which belong
   * on the phone line where a call taker can ask and dispatch at once.
   */
  readonly publicReports?: boolean;
}

/**
 * Where and how long a category's reports are likely to be about one incident.
 *
 * @example
 * const pothole: DuplicateRule = { radiusMeters: 300, windowHours: 48, related: ['JALAN_AMBLAS'] };
 * const fire: DuplicateRule = { radiusMeters: 1000, windowHours: 6 };
 */
export interface DuplicateRule {
  /** 10-10,000 m. */
  readonly radiusMeters?: number;
  /** 1-720 hours. */
  readonly windowHours?: number;
  /** Other categories (of any OPD) that describe the same incidents; the relation goes both ways. */
  readonly related?: readonly string[];
}

/**
 * Extra words and short phrases that point at a category, per language: `id`
 * Indonesian (slang and call-note spellings welcome), `en` English, `ban`
 * Balinese as spoken in Bangli. Each entry needs at least one word that is
 * not a stopword ("di", "the"); the boot refuses a blank or wordless entry,
 * naming the module and category. A word shared with another OPD's category
 * is allowed but makes the two compete: the contract kit warns about it.
 * A phrase counts fully only when all its words occur (in any order); one
 * telling word ("sampah", "selokan") is a phrase too.
 *
 * @example
 * const drainSynonyms: CategorySynonyms = {
 *   id: ['selokan', 'got', 'saluran air', 'air meluap'],
 *   en: ['gutter', 'drain'],
 *   ban: ['telabah'],
 * };
 */
export interface CategorySynonyms {
  readonly id?: readonly string[];
  readonly en?: readonly string[];
  readonly ban?: readonly string[];
}

/** The languages of `CategorySynonyms`, in its order. */
export const SYNONYM_LANGUAGES = ['id', 'en', 'ban'] as const;

/**
 * The OPD's clocks (triage is the call centre's, not an OPD's). The SLA
 * engine's metric list is built from this one.
 */
export const OPD_SLA_METRICS = ['ACKNOWLEDGE', 'ON_SITE', 'RESOLVE'] as const;
export type SlaMetric = (typeof OPD_SLA_METRICS)[number];
/** `24x7` counts every minute; `WORKING_DAYS` counts the regency's office hours. */
export type SlaCalendar = '24x7' | 'WORKING_DAYS';

/**
 * A default SLA target. The most specific match wins: category, then kind,
 * then the OPD-wide default (neither set).
 *
 * @example
 * const onSite: SlaTargetDefinition = { metric: 'ON_SITE', kind: 'EMERGENCY', targetMinutes: 120, calendar: '24x7' };
 */
export interface SlaTargetDefinition {
  readonly metric: SlaMetric;
  readonly category?: string;
  readonly kind?: CategoryKind;
  readonly targetMinutes: number;
  readonly calendar: SlaCalendar;
}

/** Who is told when an escalation level fires. */
export type EscalationTarget =
  | { readonly kind: 'OPD_ROLE'; readonly role: 'OPD_OFFICER' | 'FIELD_UNIT' | 'HEAD_OF_DIVISION' }
  | { readonly kind: 'OPD_HEAD' }
  | { readonly kind: 'COMMAND_CENTRE' }
  | { readonly kind: 'REGIONAL_SECRETARY' }
  | { readonly kind: 'REGENT' };

/**
 * One rung of the ladder: fired when a clock reaches a fraction of its target
 * (0 < fraction < 1) or at the breach.
 *
 * @example
 * const warn: EscalationLevel = { level: 1, at: { fraction: 0.75 }, notify: [{ kind: 'OPD_HEAD' }] };
 */
export interface EscalationLevel {
  readonly level: number;
  readonly at: { readonly fraction: number } | 'BREACH';
  readonly notify: readonly EscalationTarget[];
}

/** The OPD's progress in the 100-day rollout. */
export interface OnboardingInfo {
  readonly status: 'PLANNED' | 'ONBOARDING' | 'LIVE';
  /** ISO date (YYYY-MM-DD) the OPD went or goes live. */
  readonly goLiveDate: string;
}

export interface OpdContact {
  readonly label: string;
  readonly phone?: string;
  readonly email?: string;
}

/**
 * Everything an OPD contributes.
 *
 * @example
 * export default defineOpdModule({
 *   code: 'BPBD',
 *   name: { id: 'Badan Penanggulangan Bencana Daerah', en: 'Regional Disaster Management Agency' },
 *   description: { id: '…', en: '…' },
 *   contacts: [{ label: 'Pusdalops', phone: '+62366…' }],
 *   coverage: 'REGENCY',
 *   onboarding: { status: 'LIVE', goLiveDate: '2026-12-01' },
 *   categories: [ … ],
 *   sla: [ … ],
 *   escalation: [ … ],
 * });
 */
export interface OpdModuleDefinition {
  /** Upper-case with dashes, e.g. SATPOLPP-DAMKAR; unique; stable forever. */
  readonly code: string;
  readonly name: LocalisedText;
  readonly description: LocalisedText;
  readonly contacts: readonly OpdContact[];
  /** The whole regency, or a list of district codes. */
  readonly coverage: 'REGENCY' | { readonly districts: readonly string[] };
  readonly onboarding: OnboardingInfo;
  readonly categories: readonly CategoryDefinition[];
  readonly sla: readonly SlaTargetDefinition[];
  readonly escalation: readonly EscalationLevel[];
}

/**
 * Declares an OPD module. Type-checks the literal and freezes it; the real
 * validation (uniqueness, references, ladder order) runs at boot over all
 * enabled modules together, and a mistake stops the boot naming it.
 *
 * @example
 * export const dinsos = defineOpdModule({ code: 'DINSOS', … });
 */
export function defineOpdModule<T extends OpdModuleDefinition>(definition: T): T {
  return deepFreeze(definition);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}
