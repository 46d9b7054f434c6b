import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { classifyDatabaseError } from '../database/database-errors';
import { RETRY_AFTER_SECONDS } from './graphql-error.formatter';

type Log = (fields: Record<string, unknown>, message: string) => void;

/**
 * While the database is unreachable every answer carries SERVICE_UNAVAILABLE
 * (the error formatter decides that); this plugin gives those answers the
 * HTTP status load balancers and clients act on (503, with Retry-After), and
 * logs the outage once when it starts and once when a change succeeds again,
 * not once per request (an outage used to log hundreds of error lines).
 *
 * @example
 * plugins: [databaseOutagePlugin((o, m) => logger.error(o, m), (o, m) => logger.log(o, m))]
 */
export function databaseOutagePlugin(logError: Log, logInfo: Log): ApolloServerPlugin {
  let downSince: Date | null = null;
  return {
    async requestDidStart() {
      return {
        // The status must be set here: Apollo has fixed it by willSendResponse.
        async didEncounterErrors(ctx) {
          const cause = ctx.errors.map((e) => unwrapResolverError(e)).find((e) => classifyDatabaseError(e) === 'UNAVAILABLE');
          if (!cause) return;
          ctx.response.http.status = 503;
          ctx.response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          if (!downSince) {
            downSince = new Date();
            logError({ err: cause }, 'Database unreachable: answering SERVICE_UNAVAILABLE until it is back');
          }
        },
        async willSendResponse(ctx) {
          const body = ctx.response.body;
          if (!downSince || body.kind !== 'single' || (body.singleResult.errors ?? []).length > 0) return;
          // A change went through: the database is back.
          if (ctx.operation?.operation !== 'mutation') return;
          logInfo({ downSince: downSince.toISOString() }, 'Database reachable again');
          downSince = null;
        },
      };
    },
  };
}
