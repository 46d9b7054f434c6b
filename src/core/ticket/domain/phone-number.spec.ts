import { normalisePhone } from './phone-number';

describe('normalisePhone', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['081234567890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['(0366) 91537', '+6236691537'],
    ['+61 412 345 678', '+61412345678'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('%s becomes %s', (raw, e164) => {
    expect(normalisePhone(raw)).toBe(e164);
  });

  it.each(['12', 'call me', '0812-3456-7890-1234-5678', '', '+999 123'])('refuses %j', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });
});
