/**
 * Security headers for every HTTP answer, without a dependency: the API serves
 * JSON only (and the sandbox page outside production), so one fixed set fits
 * and @fastify/helmet's per-route options would add nothing.
 */

/** Nothing may load, run or frame anything from a JSON answer. */
export const STRICT_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Apollo's sandbox page carries its own Content-Security-Policy in a meta tag
 * (a per-response nonce for its inline script, Apollo's CDN for the rest). A
 * header may only narrow that, and a meta tag cannot forbid framing: so the
 * page gets just `frame-ancestors`.
 */
export const SANDBOX_PAGE_CSP = "frame-ancestors 'none'";

/**
 * The console's pages (served at `/`): its own scripts, styles and images only; the API and its
 * WebSocket on the same origin (`'self'` covers ws:/wss: of the same host); attachment previews from
 * `/attachments` (same origin) or a photo just picked on the device (`blob:`). No inline script, no
 * eval, no other origin, never framed.
 */
export const CONSOLE_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; " +
  "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The headers every answer carries, whatever its route or status. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  // Browsers ignore it over plain HTTP; behind the regency's TLS proxy it pins HTTPS.
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
});

export interface SecurityHeadersOptions {
  /** Where Apollo answers. */
  readonly graphqlPath: string;
  /** The sandbox landing page is served (outside production). */
  readonly sandboxPage: boolean;
  /** The console's pages are served (every other HTML answer is one of them). */
  readonly consolePages?: boolean;
}

/** What the headers depend on: the request line and the content type the route chose. */
export interface AnsweredRequest {
  readonly method: string;
  /** The request URL, query string included. */
  readonly url: string;
  /** The answer's content type, if the route set one. */
  readonly contentType?: string;
  /** The route already set a Cache-Control header. */
  readonly hasCacheControl: boolean;
}

/**
 * The headers to set on one answer.
 *
 * @example
 * securityHeadersFor({ method: 'POST', url: '/graphql', contentType: 'application/json', hasCacheControl: false },
 *   { graphqlPath: '/graphql', sandboxPage: false });
 * // { 'x-content-type-options': 'nosniff', ..., 'content-security-policy': "default-src 'none'; ...", 'cache-control': 'no-store' }
 */
export function securityHeadersFor(answer: AnsweredRequest, options: SecurityHeadersOptions): Record<string, string> {
  const path = answer.url.split('?', 1)[0];
  const graphql = path === options.graphqlPath;
  const sandboxPage =
    options.sandboxPage && graphql && answer.method === 'GET' && (answer.contentType ?? '').startsWith('text/html');
  const consolePage = !graphql && options.consolePages === true && (answer.contentType ?? '').startsWith('text/html');
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'content-security-policy': sandboxPage ? SANDBOX_PAGE_CSP : consolePage ? CONSOLE_PAGE_CSP : STRICT_CSP,
  };
  // API answers are per caller and change with every command: never stored by
  // a browser or a proxy. GraphQL always (Apollo could mark an answer public);
  // elsewhere unless the route chose its own policy.
  if (graphql || !answer.hasCacheControl) headers['cache-control'] = 'no-store';
  return headers;
}

interface HookRequest {
  readonly method: string;
  readonly url: string;
}

interface HookReply {
  getHeader(name: string): unknown;
  header(name: string, value: string): unknown;
}

/**
 * A Fastify `onSend` hook that sets {@link securityHeadersFor} on every answer,
 * errors (404, 413, 500) included, since onSend runs for all of them.
 *
 * @example
 * fastify.addHook('onSend', securityHeadersHook({ graphqlPath: '/graphql', sandboxPage: config.graphql.sandbox }));
 */
export function securityHeadersHook(
  options: SecurityHeadersOptions,
): (request: HookRequest, reply: HookReply, payload: unknown) => Promise<unknown> {
  return async (request, reply, payload) => {
    const contentType = reply.getHeader('content-type');
    const headers = securityHeadersFor(
      {
        method: request.method,
        url: request.url,
        contentType: typeof contentType === 'string' ? contentType : undefined,
        hasCacheControl: reply.getHeader('cache-control') !== undefined,
      },
      options,
    );
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    return payload;
  };
}
