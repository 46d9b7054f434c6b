import { boundedLabel, type MetricsRegistry } from './metrics.registry';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** A route no handler matched: one label value, whatever the URL asked for. */
export const UNMATCHED_ROUTE = '(unmatched)';

interface HookRequest {
  readonly method: string;
  /** Fastify's matched route; its `url` is the template (`/health/live`), undefined on a 404. */
  readonly routeOptions: { readonly url?: string };
}

interface HookReply {
  readonly statusCode: number;
  /** Milliseconds since the request arrived (Fastify measures it for every request anyway). */
  readonly elapsedTime: number;
}

/**
 * A Fastify `onResponse` hook observing `sigap_http_request_duration_seconds`
 * by method, route template and status class. Never the raw URL: a path or
 * query carrying an id would make a series per id (and leak it).
 *
 * @example
 * fastify.addHook('onResponse', httpMetricsHook(app.get(MetricsRegistry)));
 */
export function httpMetricsHook(metrics: MetricsRegistry): (request: HookRequest, reply: HookReply) => Promise<void> {
  const duration = metrics.histogram<'method' | 'route' | 'status_class'>({
    name: 'sigap_http_request_duration_seconds',
    help: 'HTTP requests served, by method, route template and status class (2xx, 4xx...), and how long they took',
    labelNames: ['method', 'route', 'status_class'],
  });
  return async (request, reply) => {
    duration.observe(
      {
        method: boundedLabel(request.method, METHODS, 'OTHER'),
        route: request.routeOptions.url ?? UNMATCHED_ROUTE,
        status_class: `${Math.floor(reply.statusCode / 100)}xx`,
      },
      reply.elapsedTime / 1000,
    );
  };
}
