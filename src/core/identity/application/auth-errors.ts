import { ApiError } from '../../../infra/graphql/api-error';

/** Why credentials were refused, for clients to decide between refreshing and logging in again. */
export type UnauthenticatedReason = 'MALFORMED' | 'INVALID' | 'EXPIRED' | 'REVOKED' | 'MISSING';

export function unauthenticated(reason: UnauthenticatedReason, message: string): ApiError {
  return new ApiError('UNAUTHENTICATED', message, { reason });
}
