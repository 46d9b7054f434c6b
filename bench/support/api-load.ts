import autocannon from 'autocannon';
import { clip, GRAPHQL_PATH, INTAKE_BODY, INTAKE_HEADERS, looksCreated, parseCreated } from './intake-request';
import type { LoadResult } from './stats';

export interface ApiLoadOptions {
  readonly connections: number;
  readonly seconds: number;
  /** For error messages: "warm-up" or "measured run". */
  readonly phase: string;
}

/** Every this many responses, one body is parsed in full (all are checked cheaply). */
const FULL_CHECK_EVERY = 50;

/**
 * Sends createTicket from `connections` keep-alive connections for `seconds`
 * (autocannon, no pipelining). Every body must be a TicketCreated without
 * GraphQL errors; any non-2xx, socket error, timeout or bad body fails the run.
 */
export function runApiLoad(baseUrl: string, options: ApiLoadOptions): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const badBodies: string[] = [];
  const requestErrors: string[] = [];
  let checked = 0;

  const verifyBody = (raw: string | Buffer | undefined): boolean => {
    const body = typeof raw === 'string' ? raw : (raw?.toString('utf8') ?? '');
    let ok = looksCreated(body);
    if (ok && ++checked % FULL_CHECK_EVERY === 1) {
      try {
        parseCreated(body);
      } catch {
        ok = false;
      }
    }
    if (!ok && badBodies.length < 3) badBodies.push(clip(body, 400));
    return ok;
  };

  return new Promise<LoadResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${baseUrl}${GRAPHQL_PATH}`,
        method: 'POST',
        headers: { ...INTAKE_HEADERS },
        body: INTAKE_BODY,
        connections: options.connections,
        pipelining: 1,
        duration: options.seconds,
        timeout: 30,
        verifyBody,
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const problems: string[] = [];
        if (result.non2xx > 0) problems.push(`${result.non2xx} non-2xx response(s)`);
        if (result.errors > 0) problems.push(`${result.errors} request error(s) (${result.timeouts} timeout(s))`);
        if (result.mismatches > 0) problems.push(`${result.mismatches} response(s) that were not a TicketCreated (or carried GraphQL errors)`);
        if (latenciesMs.length === 0) problems.push('no response at all');
        if (problems.length > 0) {
          return reject(
            new Error(
              `API ${options.phase} failed: ${problems.join(', ')} out of ${latenciesMs.length} responses.` +
                (badBodies.length ? `\nFirst bad bodies:\n  ${badBodies.join('\n  ')}` : '') +
                (requestErrors.length ? `\nFirst request errors:\n  ${requestErrors.join('\n  ')}` : ''),
            ),
          );
        }
        resolve({ count: latenciesMs.length, elapsedS: result.duration, latenciesMs });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latenciesMs.push(responseTime));
    instance.on('reqError', (error: unknown) => {
      if (requestErrors.length < 3) requestErrors.push(error instanceof Error ? error.message : String(error));
    });
  });
}
