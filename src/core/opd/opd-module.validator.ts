import type {
  AttributeDefinition,
  CategoryDefinition,
  CategorySynonyms,
  DuplicateRule,
  EscalationLevel,
  LocalisedText,
  OpdModuleDefinition,
  SlaTargetDefinition,
} from './opd-module.contract';
import { OPD_SLA_METRICS, SYNONYM_LANGUAGES } from './opd-module.contract';
import { callNoteWords } from './suggestions/call-note.normaliser';

export const OPD_CODE = /^[A-Z][A-Z0-9-]{1,31}$/;
export const CATEGORY_CODE = /^[A-Z][A-Z0-9_]{1,47}$/;
const ATTRIBUTE_CODE = /^[A-Z][A-Z0-9_]{0,47}$/;
const DISTRICT_CODE = /^[A-Z][A-Z0-9_-]{1,31}$/;
const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];
const KINDS = ['COMPLAINT', 'EMERGENCY'];
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
// TRIAGE is the call centre's clock, not an OPD's.
const METRICS: readonly string[] = OPD_SLA_METRICS;
const CALENDARS = ['24x7', 'WORKING_DAYS'];
const TARGETS = ['OPD_ROLE', 'OPD_HEAD', 'COMMAND_CENTRE', 'REGIONAL_SECRETARY', 'REGENT'];
const OPD_ROLES = ['OPD_OFFICER', 'FIELD_UNIT', 'HEAD_OF_DIVISION'];
const ONBOARDING = ['PLANNED', 'ONBOARDING', 'LIVE'];

/**
 * Checks every enabled module, alone and together (codes unique across all
 * OPDs), and returns one line per mistake naming the module, the field and
 * the problem. Empty means valid. Modules are untrusted input here: a typo in
 * a new OPD's file must stop the boot with a sentence, not a stack trace.
 *
 * @example
 * validateOpdModules([bpbd, dinkes]); // [] when both are fine
 * // 'OPD module "DINSOS": categories[0] (BANSOS).keywords: give at least one keyword (id or en)'
 */
export function validateOpdModules(modules: readonly OpdModuleDefinition[]): string[] {
  const problems: string[] = [];
  const opdCodes = new Map<string, number>();
  const categoryOwners = new Map<string, string>();

  modules.forEach((module, index) => {
    const code = typeof module?.code === 'string' ? module.code : `#${index}`;
    const at = (field: string, problem: string): void => {
      problems.push(`OPD module "${code}": ${field}: ${problem}`);
    };
    if (!module || typeof module !== 'object') return at('(module)', 'is not an object');
    if (!OPD_CODE.test(module.code ?? '')) at('code', `"${module.code}" must be 2-32 upper-case letters, digits or dashes`);
    if (opdCodes.has(module.code)) at('code', `is used by another module (position ${opdCodes.get(module.code)})`);
    opdCodes.set(module.code, index);
    text(module.name, 'name', at);
    text(module.description, 'description', at);
    if (!isList(module.contacts)) at('contacts', 'must be a list (may be empty)');
    if (module.coverage !== 'REGENCY') {
      const districts = module.coverage?.districts;
      if (!isList(districts) || districts.length === 0) at('coverage', "must be 'REGENCY' or { districts: [at least one code] }");
      else districts.filter((d) => !DISTRICT_CODE.test(d)).forEach((d) => at('coverage.districts', `"${d}" is not a district code`));
    }
    if (!ONBOARDING.includes(module.onboarding?.status)) at('onboarding.status', `must be one of ${ONBOARDING.join(', ')}`);
    if (!isIsoDate(module.onboarding?.goLiveDate)) at('onboarding.goLiveDate', 'must be a date as YYYY-MM-DD');

    if (!isList(module.categories) || module.categories.length === 0) {
      at('categories', 'declare at least one category');
    } else {
      module.categories.forEach((category, i) => {
        const where = `categories[${i}]${category?.code ? ` (${category.code})` : ''}`;
        if (!isObject(category)) return at(where, 'is not a category object');
        checkCategory(category, (f, p) => at(`${where}${f ? `.${f}` : ''}`, p));
        if (category?.code && categoryOwners.has(category.code) && categoryOwners.get(category.code) !== code) {
          at(`${where}.code`, `is already a category of OPD ${categoryOwners.get(category.code)}`);
        } else if (category?.code && module.categories.findIndex((c) => c.code === category.code) !== i) {
          at(`${where}.code`, 'is declared twice in this module');
        }
        if (category?.code) categoryOwners.set(category.code, code);
      });
    }
    const own = new Set((isList(module.categories) ? module.categories : []).filter(isObject).map((c) => c.code));
    checkSla(module.sla, own, at);
    checkLadder(module.escalation, at);
  });
  // Related categories may belong to any enabled module: checked once all are known.
  modules.forEach((module) => {
    if (!module || !isList(module.categories)) return;
    module.categories.forEach((category, i) => {
      if (!isObject(category) || category.duplicates === undefined) return;
      const where = `OPD module "${module.code}": categories[${i}] (${category.code}).duplicates`;
      checkDuplicateRule(category.duplicates, categoryOwners, category.code, (f, p) => problems.push(`${where}${f ? `.${f}` : ''}: ${p}`));
    });
  });
  return problems;
}

type At = (field: string, problem: string) => void;

function checkCategory(category: CategoryDefinition, at: At): void {
  if (!CATEGORY_CODE.test(category?.code ?? '')) at('code', `"${category?.code}" must be 2-48 upper-case letters, digits or underscores`);
  text(category.name, 'name', at);
  if (category.description !== undefined) text(category.description, 'description', at);
  if (!KINDS.includes(category.defaultKind)) at('defaultKind', `must be ${KINDS.join(' or ')}`);
  if (!PRIORITIES.includes(category.defaultPriority)) at('defaultPriority', `must be one of ${PRIORITIES.join(', ')}`);
  if (category.defaultKind === 'EMERGENCY' && category.fieldResponse === false) {
    at('fieldResponse', 'an emergency category always needs a field response');
  }
  if (category.publicReports !== undefined && typeof category.publicReports !== 'boolean') at('publicReports', 'must be true or false');
  const words = [...(category.keywords?.id ?? []), ...(category.keywords?.en ?? [])];
  if (words.length === 0) at('keywords', 'give at least one keyword (id or en)');
  if (words.some((w) => typeof w !== 'string' || w.trim() === '')) at('keywords', 'must not contain blank words');
  checkSynonyms(category.synonyms, at);
  if (!isList(category.attributes)) return at('attributes', 'must be a list (may be empty)');
  const codes = new Set<string>();
  const orders = new Set<number>();
  category.attributes.forEach((attribute, j) => {
    const field = `attributes[${j}]${attribute?.code ? ` (${attribute.code})` : ''}`;
    if (!isObject(attribute)) return at(field, 'is not an attribute object');
    checkAttribute(attribute, (f, p) => at(`${field}.${f}`, p));
    if (codes.has(attribute.code)) at(`${field}.code`, 'is declared twice in this category');
    if (orders.has(attribute.order)) at(`${field}.order`, `${attribute.order} is used by another attribute`);
    codes.add(attribute.code);
    orders.add(attribute.order);
  });
}

const MAX_SYNONYM_LENGTH = 60;

/** Optional; each entry a short phrase with at least one word suggestions can use (not only "di", "the"). */
function checkSynonyms(synonyms: CategorySynonyms | undefined, at: At): void {
  if (synonyms === undefined) return;
  if (!isObject(synonyms) || Array.isArray(synonyms)) return at('synonyms', `must be an object with lists per language (${SYNONYM_LANGUAGES.join(', ')})`);
  for (const key of Object.keys(synonyms)) {
    if (!(SYNONYM_LANGUAGES as readonly string[]).includes(key)) at(`synonyms.${key}`, `is not a language of synonyms (${SYNONYM_LANGUAGES.join(', ')})`);
  }
  for (const language of SYNONYM_LANGUAGES) {
    const list = synonyms[language];
    if (list === undefined) continue;
    if (!isList(list)) {
      at(`synonyms.${language}`, 'must be a list of words or short phrases');
      continue;
    }
    list.forEach((entry, k) => {
      const field = `synonyms.${language}[${k}]`;
      if (typeof entry !== 'string' || entry.trim() === '') return at(field, 'must be a non-blank word or phrase');
      if (entry.length > MAX_SYNONYM_LENGTH) at(field, `"${entry.slice(0, 20)}…" is longer than ${MAX_SYNONYM_LENGTH} characters: a synonym is what a caller says, not a sentence`);
      else if (callNoteWords(entry).length === 0) at(field, `"${entry}" has no word suggestions can use (only stopwords, numbers or punctuation)`);
    });
  }
}

function checkDuplicateRule(rule: DuplicateRule, known: ReadonlyMap<string, string>, self: string, at: At): void {
  if (!isObject(rule)) return at('', 'must be an object { radiusMeters?, windowHours?, related? }');
  const { radiusMeters: radius, windowHours: hours, related } = rule;
  if (radius !== undefined && !(Number.isFinite(radius) && radius >= 10 && radius <= 10_000)) at('radiusMeters', 'must be from 10 to 10,000 metres');
  if (hours !== undefined && !(Number.isFinite(hours) && hours >= 1 && hours <= 720)) at('windowHours', 'must be from 1 to 720 hours');
  if (related === undefined) return;
  if (!isList(related)) return at('related', 'must be a list of category codes');
  for (const code of related) {
    if (code === self) at('related', `"${code}" is the category itself`);
    else if (!known.has(code)) at('related', `"${code}" is not a category of any enabled OPD module`);
  }
}

function checkAttribute(attribute: AttributeDefinition, at: At): void {
  if (!ATTRIBUTE_CODE.test(attribute?.code ?? '')) at('code', `"${attribute?.code}" must be upper-case letters, digits or underscores`);
  if (!DATATYPES.includes(attribute.datatype)) at('datatype', `must be one of ${DATATYPES.join(', ')}`);
  if (typeof attribute.required !== 'boolean') at('required', 'must be true or false');
  if (!Number.isInteger(attribute.order) || attribute.order < 1) at('order', 'must be a whole number from 1');
  text(attribute.description, 'description', at);
  const list = attribute.datatype === 'singlevaluelist' || attribute.datatype === 'multivaluelist';
  if (list) {
    const keys = (attribute.values ?? []).map((v) => v.key);
    if (keys.length === 0) at('values', `a ${attribute.datatype} needs at least one value`);
    if (new Set(keys).size !== keys.length) at('values', 'keys must be unique');
    (attribute.values ?? []).forEach((v, k) => text(v.name, `values[${k}].name`, at));
  } else if (attribute.values !== undefined) {
    at('values', `only list datatypes take values (this is ${attribute.datatype})`);
  }
}

function checkSla(sla: readonly SlaTargetDefinition[], categories: Set<string>, at: At): void {
  if (!isList(sla)) return at('sla', 'must be a list (may be empty)');
  const seen = new Set<string>();
  sla.forEach((target, i) => {
    const field = `sla[${i}]`;
    if (!isObject(target)) return at(field, 'is not an SLA target object');
    if (!METRICS.includes(target.metric)) at(`${field}.metric`, `must be one of ${METRICS.join(', ')}`);
    if (target.category !== undefined && !categories.has(target.category)) {
      at(`${field}.category`, `"${target.category}" is not a category of this OPD`);
    }
    if (target.kind !== undefined && !KINDS.includes(target.kind)) at(`${field}.kind`, `must be ${KINDS.join(' or ')}`);
    if (target.category !== undefined && target.kind !== undefined) at(field, 'give a category or a kind, not both');
    if (!Number.isInteger(target.targetMinutes) || target.targetMinutes <= 0) at(`${field}.targetMinutes`, 'must be a positive whole number');
    if (!CALENDARS.includes(target.calendar)) at(`${field}.calendar`, `must be ${CALENDARS.join(' or ')}`);
    const key = `${target.metric}|${target.category ?? ''}|${target.kind ?? ''}`;
    if (seen.has(key)) at(field, 'duplicates an earlier target for the same metric and scope');
    seen.add(key);
  });
}

function checkLadder(ladder: readonly EscalationLevel[], at: At): void {
  if (!isList(ladder) || ladder.length === 0) return at('escalation', 'declare at least one level');
  let lastFraction = 0;
  if (!ladder.some((level) => isObject(level) && level.at === 'BREACH')) {
    at('escalation', 'needs a BREACH level: someone must be told when a deadline is missed');
  }
  ladder.forEach((level, i) => {
    const field = `escalation[${i}]`;
    if (!isObject(level)) return at(field, 'is not a level object');
    if (level.level !== i + 1) at(`${field}.level`, `must be ${i + 1} (levels are numbered 1, 2, 3… in order)`);
    if (level.at === 'BREACH') {
      if (i !== ladder.length - 1) at(`${field}.at`, 'BREACH must be the last level');
    } else {
      const fraction = level.at?.fraction;
      if (typeof fraction !== 'number' || !(fraction > 0 && fraction < 1)) {
        at(`${field}.at.fraction`, 'must be between 0 and 1 (exclusive); use BREACH for the deadline itself');
      } else if (fraction <= lastFraction) {
        at(`${field}.at.fraction`, `must be above the previous level's ${lastFraction}`);
      } else {
        lastFraction = fraction;
      }
    }
    if (!isList(level.notify) || level.notify.length === 0) at(`${field}.notify`, 'name at least one target');
    (isList(level.notify) ? level.notify : []).forEach((target: EscalationLevel['notify'][number], k: number) => {
      if (!TARGETS.includes(target?.kind)) at(`${field}.notify[${k}]`, `must be one of ${TARGETS.join(', ')}`);
      if (target?.kind === 'OPD_ROLE' && !OPD_ROLES.includes(target.role)) {
        at(`${field}.notify[${k}].role`, `must be one of ${OPD_ROLES.join(', ')}`);
      }
    });
  });
}

function text(value: LocalisedText | undefined, field: string, at: At): void {
  if (!value || typeof value.id !== 'string' || !value.id.trim()) at(`${field}.id`, 'needs Indonesian text');
  if (!value || typeof value.en !== 'string' || !value.en.trim()) at(`${field}.en`, 'needs English text');
}

/**
 * Array.isArray without its narrowing of a typed readonly array to `any[]`:
 * module data is untrusted at run time, but its checks keep their types.
 */
function isList<T>(value: readonly T[] | null | undefined): value is readonly T[] {
  return Array.isArray(value);
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Stops the boot: the message lists every mistake of every module. */
export class OpdModuleError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid OPD module configuration (config/opd-modules.ts):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'OpdModuleError';
  }
}

export function assertValidOpdModules(modules: readonly OpdModuleDefinition[]): void {
  const problems = validateOpdModules(modules);
  if (problems.length > 0) throw new OpdModuleError(problems);
}
