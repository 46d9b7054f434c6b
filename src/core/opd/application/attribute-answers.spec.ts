import type { AttributeDefinition } from '../opd-module.contract';
import { checkAttributeAnswers } from './attribute-answers';

const t = (en: string) => ({ id: en, en });
const ATTRS: AttributeDefinition[] = [
  { code: 'PEOPLE_TRAPPED', datatype: 'singlevaluelist', required: true, order: 1, description: t('Are people trapped?'),
    values: [{ key: 'YES', name: t('Yes') }, { key: 'NO', name: t('No') }] },
  { code: 'VICTIMS', datatype: 'number', required: false, order: 2, description: t('Victims') },
  { code: 'SEEN_AT', datatype: 'datetime', required: false, order: 3, description: t('Seen at') },
  { code: 'HAZARDS', datatype: 'multivaluelist', required: false, order: 4, description: t('Hazards'),
    values: [{ key: 'GAS', name: t('Gas') }, { key: 'POWER', name: t('Power lines') }] },
  { code: 'NOTE', datatype: 'string', required: false, order: 5, description: t('Note') },
];

describe('checkAttributeAnswers', () => {
  it('normalises valid answers', () => {
    expect(
      checkAttributeAnswers(ATTRS, { PEOPLE_TRAPPED: 'YES', VICTIMS: ' 03 ', SEEN_AT: '2026-11-28T09:30:00+08:00', HAZARDS: ['GAS', 'GAS', 'POWER'], NOTE: ' smoke ' }, 'FIRE'),
    ).toEqual({
      answers: { PEOPLE_TRAPPED: 'YES', VICTIMS: '3', SEEN_AT: '2026-11-28T01:30:00.000Z', HAZARDS: ['GAS', 'POWER'], NOTE: 'smoke' },
      problems: [],
    });
  });

  it('names every problem: missing required, wrong types, unknown values and questions', () => {
    const { problems } = checkAttributeAnswers(ATTRS, { VICTIMS: 'many', SEEN_AT: '2026-11-28 09:30', HAZARDS: ['FIRE'], COLOUR: 'red' }, 'FIRE');
    expect(problems).toEqual([
      'attributes.COLOUR: category FIRE has no such question',
      'attributes.PEOPLE_TRAPPED: required for category FIRE (Are people trapped?)',
      'attributes.VICTIMS: must be a number',
      expect.stringContaining('attributes.SEEN_AT: must be an ISO 8601 date-time with a zone'),
      'attributes.HAZARDS: FIRE not among GAS, POWER',
    ]);
  });

  it('takes one value for a single-value list', () => {
    expect(checkAttributeAnswers(ATTRS, { PEOPLE_TRAPPED: ['YES', 'NO'] }, 'FIRE').problems).toEqual(['attributes.PEOPLE_TRAPPED: takes one value']);
  });
});
