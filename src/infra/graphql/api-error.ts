import type { PublicError } from './graphql-error.formatter';

/**
 * An error whose code and message are meant for the client, raised at the API
 * edge (e.g. a missing actor). Domain failures do not use it: they are typed
 * results.
 *
 * @example
 * throw new ApiError('FORBIDDEN', 'The role AUDITOR may not use Mutation.createTicket');
 */
export class ApiError extends Error implements PublicError {
  readonly isPublic = true;

  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
