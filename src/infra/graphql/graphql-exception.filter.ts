import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * Hands every error raised in a GraphQL resolver, guard or pipe to Apollo as
 * it is (graphql-js treats a returned Error as the field's error), where the
 * error formatter gives it its public code and the logging plugin logs it:
 * a client's mistake at info without a stack, our own bug at error. Nest's
 * default handler would log each at error level with a stack, so that an
 * alert on error lines fired on every wrong password. Other contexts (plain
 * HTTP routes) keep Nest's own handling.
 *
 * @example
 * app.useGlobalFilters(new GraphqlExceptionFilter(app.getHttpAdapter()));
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return asError(exception);
    return super.catch(exception, host);
  }
}

/**
 * graphql-js takes a returned value as the field's error only when it is an
 * Error of this realm. Anything else (a thrown string, or an error made in
 * another realm, as Node's own socket errors are under jest) is wrapped, the
 * original kept as `cause` for the formatter to classify.
 */
function asError(exception: unknown): Error {
  if (exception instanceof Error) return exception;
  const message = (exception as { message?: unknown } | null)?.message;
  return new Error(typeof message === 'string' ? message : 'Unexpected error value', { cause: exception });
}
