import { Open311Error } from '../domain/open311.error';
import type { Language } from '../domain/service-notice';
import { contentTypeOf, Open311Format, renderList } from '../format/open311-document';

/** Where the Open311 server answers. */
export const OPEN311_BASE = '/open311/v2';

/** The parts of a Fastify request the Open311 edge reads. */
export interface Open311HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly ip?: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly query?: unknown;
  readonly body?: unknown;
}

/** The parts of a Fastify reply the Open311 edge writes. */
export interface Open311HttpReply {
  code(status: number): Open311HttpReply;
  header(name: string, value: string): Open311HttpReply;
  send(payload?: string): unknown;
}

/** Whether a URL belongs to the Open311 server. */
export function isOpen311Url(url: string): boolean {
  return url === OPEN311_BASE || url.startsWith(`${OPEN311_BASE}/`) || url.startsWith(`${OPEN311_BASE}?`);
}

/**
 * The format a URL asks for by its suffix; XML (the spec's required format)
 * when it names none, so that even an error about the format is readable by
 * an XML-only client such as FixMyStreet.
 */
export function formatOfUrl(url: string): Open311Format {
  const path = url.split('?', 1)[0];
  return path.endsWith('.json') ? 'json' : 'xml';
}

/**
 * The format segment of a route (`services.:format`): xml or json, else the
 * spec's 404.
 */
export function checkFormat(format: string): Open311Format {
  if (format === 'xml' || format === 'json') return format;
  throw Open311Error.notFound(`format ${JSON.stringify(format.slice(0, 20))} is not served: use .xml or .json`);
}

/**
 * The language of names and notices: `locale` (`id`, `en`, `en_US`…) if
 * given, else the Accept-Language header's first tag, else Indonesian.
 */
export function languageOf(req: Open311HttpRequest, locale: string | null): Language {
  const header = req.headers['accept-language'];
  const tag = (locale ?? (typeof header === 'string' ? header : '')).trim().toLowerCase();
  return tag.startsWith('en') ? 'en' : 'id';
}

/** Sends an Open311 answer. */
export function sendOpen311(reply: Open311HttpReply, format: Open311Format, status: number, body: string): void {
  reply.code(status).header('content-type', contentTypeOf(format)).send(body);
}

/** The spec's `errors` answer of an Open311Error. */
export function sendOpen311Error(reply: Open311HttpReply, format: Open311Format, error: Open311Error): void {
  if (error.retryAfterSeconds !== null) reply.header('retry-after', String(error.retryAfterSeconds));
  sendOpen311(reply, format, error.status, renderList(format, 'errors', 'error', error.problems.map((p) => ({ code: p.code, description: p.description }))));
}

/**
 * Turns any failure under /open311/v2 into the spec's error body: our own
 * Open311Error as it is; what the HTTP layer refused before a handler ran
 * (a body too large, a content type it cannot read, malformed JSON, no such
 * route) with its status; anything else is our bug, a 500 that says nothing
 * of its cause (the caller logs it).
 *
 * @example
 * const error = asOpen311Error(exception); // Open311Error with status and problems
 */
export function asOpen311Error(exception: unknown): { error: Open311Error; bug: boolean } {
  if (exception instanceof Open311Error) return { error: exception, bug: false };
  const status = httpStatusOf(exception);
  if (status === 404) return { error: Open311Error.notFound('no such Open311 endpoint (see /open311/v2/discovery.xml)'), bug: false };
  if (status === 413) return { error: new Open311Error(413, [{ code: 413, description: 'the request body is too large' }]), bug: false };
  if (status === 415) {
    return { error: new Open311Error(415, [{ code: 415, description: 'send application/x-www-form-urlencoded (or a JSON object)' }]), bug: false };
  }
  if (status !== null && status >= 400 && status < 500) return { error: Open311Error.badRequest(['the request could not be read (malformed body or URL)']), bug: false };
  return { error: new Open311Error(500, [{ code: 500, description: 'internal error; the regency has been told' }]), bug: true };
}

function httpStatusOf(exception: unknown): number | null {
  if (!exception || typeof exception !== 'object') return null;
  const e = exception as { statusCode?: unknown; status?: unknown; getStatus?: () => unknown };
  const status = typeof e.getStatus === 'function' ? e.getStatus() : e.statusCode ?? e.status;
  return typeof status === 'number' ? status : null;
}

/**
 * The Open311 routes' own HTTP rules, as Fastify hooks the composition root
 * adds: a body limit fitting the spec (a 4,000-character description and a
 * few URLs, far below the GraphQL limit) answered in the spec's shape, and
 * the configured Access-Control-Allow-Origin so browser apps can call.
 *
 * @example
 * const hooks = open311HttpHooks({ bodyLimitKb: 64, allowOrigins: ['*'] });
 * fastify.addHook('onRequest', hooks.onRequest);
 */
export function open311HttpHooks(settings: { readonly bodyLimitKb: number; readonly allowOrigins: readonly string[] | null }): {
  onRequest(req: Open311HttpRequest, reply: Open311HttpReply): Promise<unknown>;
} {
  const limit = settings.bodyLimitKb * 1024;
  return {
    async onRequest(req, reply) {
      if (!isOpen311Url(req.url)) return undefined;
      const origin = allowedOrigin(settings.allowOrigins, req.headers.origin);
      if (origin) {
        reply.header('access-control-allow-origin', origin);
        if (origin !== '*') reply.header('vary', 'Origin');
      }
      const length = Number(req.headers['content-length'] ?? 0);
      if (Number.isFinite(length) && length > limit) {
        sendOpen311Error(reply, formatOfUrl(req.url), new Open311Error(413, [{ code: 413, description: `the request body is larger than ${settings.bodyLimitKb} KiB` }]));
        return reply;
      }
      return undefined;
    },
  };
}

function allowedOrigin(allowed: readonly string[] | null, origin: string | string[] | undefined): string | null {
  if (!allowed) return null;
  if (allowed.includes('*')) return '*';
  return typeof origin === 'string' && allowed.includes(origin) ? origin : null;
}
