import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { classifyDatabaseError, type DatabaseErrorKind } from '../database/database-errors';

/** Stable codes a client may branch on; anything else is reported as INTERNAL. */
export enum ApiErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  BAD_REQUEST = 'BAD_REQUEST',
  NOT_FOUND = 'NOT_FOUND',
  /** The database is unreachable: retry after `retryAfterSeconds`; HTTP 503 with Retry-After. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** Another change raced this one (a deadlock or serialization failure): retry now, with fresh data. */
  CONFLICT = 'CONFLICT',
  /** A unique value that is already taken. */
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  INTERNAL = 'INTERNAL',
}

/** How long a client should wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

const DATABASE_ANSWERS: Record<DatabaseErrorKind, { code: ApiErrorCode; message: string; extra?: Record<string, unknown> }> = {
  UNAVAILABLE: { code: ApiErrorCode.SERVICE_UNAVAILABLE, message: 'The database cannot be reached right now; retry shortly.', extra: { retryAfterSeconds: RETRY_AFTER_SECONDS } },
  CONFLICT: { code: ApiErrorCode.CONFLICT, message: 'Another change raced this one; reload and retry.', extra: { retryAfterSeconds: 0 } },
  DUPLICATE: { code: ApiErrorCode.ALREADY_EXISTS, message: 'A value that must be unique is already taken.' },
  INVALID_VALUE: { code: ApiErrorCode.BAD_USER_INPUT, message: 'A value cannot be stored (out of range or not valid text).' },
};

/** Errors that carry their own public code and message (domain exceptions). */
export interface PublicError {
  readonly code: string;
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

export function isPublicError(error: unknown): error is PublicError & Error {
  return error instanceof Error && typeof (error as Partial<PublicError>).code === 'string' && 'isPublic' in error;
}

const PASS_THROUGH = new Set<string>([
  ApiErrorCode.BAD_USER_INPUT,
  ApiErrorCode.GRAPHQL_PARSE_FAILED,
  ApiErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApiErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApiErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApiErrorCode.BAD_REQUEST,
]);

/**
 * The API edge: every error leaves with a stable `extensions.code`, a message
 * meant for the client, and never a stack trace. Unknown errors are masked;
 * they are logged with the request id by {@link errorLoggingPlugin}.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (isPublicError(original)) {
    return { ...base, message: original.message, extensions: { ...(original.details ?? {}), code: original.code } };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const body = original.getResponse();
    const messages = typeof body === 'object' && body && 'message' in body ? (body).message : body;
    const list = Array.isArray(messages) ? messages.map(String) : [String(messages)];
    if (status === 400) {
      return { ...base, message: list.join('; '), extensions: { code: ApiErrorCode.BAD_USER_INPUT, problems: list } };
    }
    if (status === 404) return { ...base, message: list.join('; '), extensions: { code: ApiErrorCode.NOT_FOUND } };
  }
  const kind = classifyDatabaseError(original);
  if (kind) {
    const answer = DATABASE_ANSWERS[kind];
    return { ...base, message: answer.message, extensions: { ...(answer.extra ?? {}), code: answer.code } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    return { ...base, extensions: { code } };
  }
  return { ...base, message: 'Internal error. It has been logged; quote the x-request-id header when reporting it.', extensions: { code: ApiErrorCode.INTERNAL } };
}

/** True when {@link formatGraphqlError} would mask the error: those must be logged. */
export function isUnexpected(error: unknown, code: unknown): boolean {
  const original = unwrapResolverError(error);
  if (isPublicError(original)) return false;
  if (original instanceof HttpException && [400, 404].includes(original.getStatus())) return false;
  // Classified database errors have their own answer; an outage is logged once by the logging plugin.
  if (classifyDatabaseError(original)) return false;
  return !(typeof code === 'string' && PASS_THROUGH.has(code));
}
