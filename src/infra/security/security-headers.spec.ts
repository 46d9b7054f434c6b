import { CONSOLE_PAGE_CSP, SANDBOX_PAGE_CSP, SECURITY_HEADERS, securityHeadersFor, securityHeadersHook, STRICT_CSP } from './security-headers';

const OPTIONS = { graphqlPath: '/graphql', sandboxPage: true };
const answer = (over: Partial<Parameters<typeof securityHeadersFor>[0]> = {}) => ({
  method: 'POST',
  url: '/graphql',
  contentType: 'application/json; charset=utf-8',
  hasCacheControl: false,
  ...over,
});

describe('security headers', () => {
  it('gives a GraphQL answer the fixed set, the strict CSP and no-store', () => {
    expect(securityHeadersFor(answer(), OPTIONS)).toEqual({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cache-control': 'no-store',
    });
  });

  it("lets the sandbox page run its own CSP (scripts from Apollo's CDN) but still forbids framing it", () => {
    const page = securityHeadersFor(answer({ method: 'GET', url: '/graphql?x=1', contentType: 'text/html' }), OPTIONS);
    expect(page['content-security-policy']).toBe(SANDBOX_PAGE_CSP);
    expect(page['x-frame-options']).toBe('DENY');
  });

  it('keeps the strict CSP for the same page when the sandbox is off, and for JSON answers to a GET', () => {
    expect(securityHeadersFor(answer({ method: 'GET', contentType: 'text/html' }), { ...OPTIONS, sandboxPage: false })['content-security-policy']).toBe(STRICT_CSP);
    expect(securityHeadersFor(answer({ method: 'GET' }), OPTIONS)['content-security-policy']).toBe(STRICT_CSP);
    expect(securityHeadersFor(answer({ method: 'GET', url: '/other', contentType: 'text/html' }), OPTIONS)['content-security-policy']).toBe(STRICT_CSP);
  });

  it("gives the console's pages their own CSP (same origin only, no inline script) and nothing else", () => {
    const withConsole = { ...OPTIONS, consolePages: true };
    const page = securityHeadersFor(answer({ method: 'GET', url: '/tickets/42', contentType: 'text/html; charset=utf-8', hasCacheControl: true }), withConsole);
    expect(page['content-security-policy']).toBe(CONSOLE_PAGE_CSP);
    expect(CONSOLE_PAGE_CSP).toContain("script-src 'self';");
    expect(CONSOLE_PAGE_CSP).toContain("connect-src 'self';");
    expect(CONSOLE_PAGE_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(page['cache-control']).toBeUndefined();
    // Its scripts, the API's JSON and HTML when the console is off keep the strict policy.
    expect(securityHeadersFor(answer({ method: 'GET', url: '/assets/index.js', contentType: 'text/javascript' }), withConsole)['content-security-policy']).toBe(STRICT_CSP);
    expect(securityHeadersFor(answer(), withConsole)['content-security-policy']).toBe(STRICT_CSP);
    expect(securityHeadersFor(answer({ method: 'GET', url: '/x', contentType: 'text/html' }), OPTIONS)['content-security-policy']).toBe(STRICT_CSP);
  });

  it('forces no-store on GraphQL, and elsewhere leaves a cache policy a route chose', () => {
    expect(securityHeadersFor(answer({ hasCacheControl: true }), OPTIONS)['cache-control']).toBe('no-store');
    expect(securityHeadersFor(answer({ url: '/health/live', hasCacheControl: true }), OPTIONS)['cache-control']).toBeUndefined();
    expect(securityHeadersFor(answer({ url: '/health/live' }), OPTIONS)['cache-control']).toBe('no-store');
  });

  it('sets them on the reply from an onSend hook and passes the payload through', async () => {
    const set: Record<string, string> = {};
    const reply = {
      getHeader: (name: string) => (name === 'content-type' ? 'application/json' : undefined),
      header: (name: string, value: string) => (set[name] = value),
    };
    const payload = '{"data":{}}';
    await expect(securityHeadersHook(OPTIONS)({ method: 'POST', url: '/graphql' }, reply, payload)).resolves.toBe(payload);
    expect(set).toMatchObject({ ...SECURITY_HEADERS, 'content-security-policy': STRICT_CSP, 'cache-control': 'no-store' });
  });
});
