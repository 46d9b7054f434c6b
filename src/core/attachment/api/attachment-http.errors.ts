import { HttpException, HttpStatus } from '@nestjs/common';
import { ApiError } from '../../../infra/graphql/api-error';
import { AttachmentErrorCode, AttachmentException } from '../domain/attachment.exception';

const STATUS: Record<AttachmentErrorCode, HttpStatus> = {
  [AttachmentErrorCode.UNSUPPORTED_MEDIA_TYPE]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [AttachmentErrorCode.MALFORMED_MEDIA]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AttachmentErrorCode.TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [AttachmentErrorCode.BAD_UPLOAD]: HttpStatus.BAD_REQUEST,
  [AttachmentErrorCode.LINK_INVALID]: HttpStatus.FORBIDDEN,
  [AttachmentErrorCode.LINK_EXPIRED]: HttpStatus.GONE,
};

const API_STATUS: Record<string, HttpStatus> = { UNAUTHENTICATED: HttpStatus.UNAUTHORIZED, FORBIDDEN: HttpStatus.FORBIDDEN };

/**
 * The HTTP edge's one mapping: a domain or authentication failure becomes a
 * status and `{ error: { code, message } }`, the same codes GraphQL clients
 * know. Anything else is rethrown (Nest answers 500 and logs it).
 *
 * @example
 * catch (error) { throw asHttpError(error); }
 */
export function asHttpError(error: unknown): unknown {
  if (error instanceof AttachmentException) return httpError(STATUS[error.code], error.code, error.message, error.details);
  if (error instanceof ApiError && API_STATUS[error.code]) return httpError(API_STATUS[error.code], error.code, error.message, error.details);
  return error;
}

export function httpError(status: HttpStatus, code: string, message: string, details?: Record<string, unknown>): HttpException {
  return new HttpException({ error: { code, message, ...(details ?? {}) } }, status);
}
