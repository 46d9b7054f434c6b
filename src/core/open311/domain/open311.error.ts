/** One entry of the spec's `errors` body. */
export interface Open311Problem {
  /** The HTTP status it belongs to (the spec allows a more specific code; Sigap keeps the status). */
  readonly code: number;
  readonly description: string;
}

export type Open311Status = 400 | 403 | 404 | 413 | 415 | 429 | 500;

/**
 * The one error of the Open311 edge: an HTTP status and every problem found,
 * rendered as the spec's `errors/error` list in the requested format. Use
 * cases throw it; only the HTTP edge renders it.
 *
 * @example
 * throw Open311Error.badRequest(['service_code is required', 'lat must be between -90 and 90']);
 */
export class Open311Error extends Error {
  constructor(
    readonly status: Open311Status,
    readonly problems: readonly Open311Problem[],
    /** For 429: when to try again. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problems.map((p) => p.description).join('; '));
    this.name = 'Open311Error';
  }

  static badRequest(descriptions: readonly string[]): Open311Error {
    return new Open311Error(400, descriptions.map((description) => ({ code: 400, description })));
  }

  static forbidden(description: string): Open311Error {
    return new Open311Error(403, [{ code: 403, description }]);
  }

  static notFound(description: string): Open311Error {
    return new Open311Error(404, [{ code: 404, description }]);
  }

  static tooManyRequests(retryAfterSeconds: number): Open311Error {
    return new Open311Error(429, [{ code: 429, description: `Too many requests; try again in ${retryAfterSeconds} s` }], retryAfterSeconds);
  }
}
