import { bearerTokenMatches } from './metrics-token';

const TOKEN = 'scrape-token-0123456789';

describe('bearerTokenMatches', () => {
  it('accepts the configured token as a bearer credential, the scheme in any case', () => {
    expect(bearerTokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerTokenMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['a repeated header', [`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]],
    ['another scheme', `Basic ${TOKEN}`],
    ['the bare token', TOKEN],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token and more', `Bearer ${TOKEN}x`],
    ['an empty credential', 'Bearer '],
  ])('refuses %s', (_, header) => {
    expect(bearerTokenMatches(header, TOKEN)).toBe(false);
  });
});
