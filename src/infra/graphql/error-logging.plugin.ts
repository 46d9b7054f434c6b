import type { ApolloServerPlugin } from '@apollo/server';
import { ApiErrorCode, isUnexpected } from './graphql-error.formatter';

interface ContextWithRequest {
  req?: { id?: string };
}

/**
 * Logs the errors the client only sees masked (our bugs) at error level, with
 * the request id to find them; a client's mistake (a wrong password, a bad
 * input, a refused operation) only at info, with its code and no stack.
 */
export function errorLoggingPlugin(
  logError: (fields: Record<string, unknown>, message: string) => void,
  logClientError: (fields: Record<string, unknown>, message: string) => void = () => undefined,
): ApolloServerPlugin<ContextWithRequest> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors(ctx) {
          for (const error of ctx.errors) {
            if (!isUnexpected(error.originalError ?? error, error.extensions?.code)) {
              // An outage is logged once, by the outage plugin, not per request.
              if (error.extensions?.code === ApiErrorCode.SERVICE_UNAVAILABLE) continue;
              logClientError({ requestId: ctx.contextValue.req?.id, operation: ctx.operationName, code: error.extensions?.code }, 'GraphQL client error');
              continue;
            }
            logError(
              { requestId: ctx.contextValue.req?.id, operation: ctx.operationName, err: error.originalError ?? error },
              'GraphQL request failed',
            );
          }
        },
      };
    },
  };
}
