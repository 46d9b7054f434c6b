import type { AttributeDefinition } from '../opd-module.contract';

export type AttributeAnswers = Record<string, string | string[]>;
/** Answers as clients send them. */
export type GivenAnswers = Readonly<Record<string, string | readonly string[]>>;

/**
 * Checks a ticket's answers against its category's attributes (Open311
 * service attributes) and normalises them: numbers and datetimes in canonical
 * form, list values as their keys. Returns every problem at once.
 *
 * @example
 * checkAttributeAnswers(attrs, { PEOPLE_TRAPPED: 'YES', VICTIMS: ' 3 ' });
 * // { answers: { PEOPLE_TRAPPED: 'YES', VICTIMS: '3' }, problems: [] }
 */
export function checkAttributeAnswers(
  attributes: readonly AttributeDefinition[],
  given: GivenAnswers,
  categoryCode: string,
): { answers: AttributeAnswers; problems: string[] } {
  const problems: string[] = [];
  const answers: AttributeAnswers = {};
  const known = new Map(attributes.map((a) => [a.code, a]));
  for (const code of Object.keys(given)) {
    if (!known.has(code)) problems.push(`attributes.${code}: category ${categoryCode} has no such question`);
  }
  for (const attribute of attributes) {
    const raw = given[attribute.code];
    const values = (typeof raw === 'string' ? [raw] : raw === undefined ? [] : [...raw]).map((v) => v.trim()).filter(Boolean);
    const at = `attributes.${attribute.code}`;
    if (values.length === 0) {
      if (attribute.required) problems.push(`${at}: required for category ${categoryCode} (${attribute.description.en})`);
      continue;
    }
    const keys = new Set((attribute.values ?? []).map((v) => v.key));
    switch (attribute.datatype) {
      case 'string':
      case 'text':
        if (values.length > 1) problems.push(`${at}: takes one value`);
        else if (values[0].length > (attribute.datatype === 'string' ? 200 : 4000)) problems.push(`${at}: too long`);
        else answers[attribute.code] = values[0];
        break;
      case 'number':
        if (values.length > 1 || !/^-?\d+(\.\d+)?$/.test(values[0])) problems.push(`${at}: must be a number`);
        else answers[attribute.code] = String(Number(values[0]));
        break;
      case 'datetime': {
        const date = new Date(values[0]);
        if (values.length > 1 || !/[zZ]|[+-]\d\d:?\d\d$/.test(values[0]) || Number.isNaN(date.getTime())) {
          problems.push(`${at}: must be an ISO 8601 date-time with a zone (e.g. 2026-11-28T09:30:00+08:00)`);
        } else answers[attribute.code] = date.toISOString();
        break;
      }
      case 'singlevaluelist':
      case 'multivaluelist': {
        const unknown = values.filter((v) => !keys.has(v));
        if (unknown.length) problems.push(`${at}: ${unknown.join(', ')} not among ${[...keys].join(', ')}`);
        else if (attribute.datatype === 'singlevaluelist' && values.length > 1) problems.push(`${at}: takes one value`);
        else answers[attribute.code] = attribute.datatype === 'singlevaluelist' ? values[0] : [...new Set(values)];
        break;
      }
    }
  }
  return { answers, problems };
}
