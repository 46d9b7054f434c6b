import type { ApolloServerPlugin } from '@apollo/server';
import { isUnexpected } from './graphql-error.formatter';

interface ContextWithRequest {
  req?: { id?: string };
}

/** Logs the errors the client only sees masked, with the request id to find them. */
export function errorLoggingPlugin(
  logError: (fields: Record<string, unknown>, message: string) => void,
): ApolloServerPlugin<ContextWithRequest> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors(ctx) {
          for (const error of ctx.errors) {
            if (!isUnexpected(error.originalError ?? error, error.extensions?.code)) continue;
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
