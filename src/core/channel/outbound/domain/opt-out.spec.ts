import { optOutKeyword } from './opt-out';

describe('optOutKeyword', () => {
  it.each([
    ['STOP', 'OUT'], ['stop', 'OUT'], [' Berhenti. ', 'OUT'], ['BERHENTI!', 'OUT'],
    ['start', 'IN'], ['Mulai', 'IN'],
    ['stop kontak rusak', null], ['tolong berhenti', null], ['', null], [null, null],
  ])('%p → %p', (text, expected) => {
    expect(optOutKeyword(text)).toBe(expected);
  });
});
