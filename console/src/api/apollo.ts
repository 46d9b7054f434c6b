import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { from, switchMap } from 'rxjs';
import possibleTypes from '../gql/possible-types';
import { currentTokens, onTokensChange, refreshTokens } from '../auth/session';

/** The API is on the console's own origin (the server serves both), so CSP `connect-src 'self'` holds. */
function socketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

function authHeaders(): Record<string, string> {
  const tokens = currentTokens();
  return tokens ? { authorization: `Bearer ${tokens.accessToken}` } : {};
}

/** An expired access token is renewed once and the operation retried; any other refusal is the caller's. */
function expired(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED' && e.extensions?.['reason'] === 'EXPIRED')
  );
}

/**
 * One client for the whole console: HTTP for queries and mutations (with the bearer token), graphql-ws for
 * subscriptions (a browser cannot set headers on a WebSocket, so the token goes in connectionParams), and
 * the schema's union members (`possibleTypes`, generated) so typed failures such as VersionConflict are
 * told apart in the cache.
 */
export function createApolloClient(): ApolloClient {
  const ws = createClient({
    url: socketUrl(),
    lazy: true,
    connectionParams: () => authHeaders(),
    retryAttempts: Infinity,
    shouldRetry: () => true,
  });
  // New tokens (a refresh, another user): the socket reconnects with them.
  onTokensChange(() => ws.terminate());

  const http = new HttpLink({ uri: '/graphql' });
  const auth = new ApolloLink((operation, forward) => {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, ...authHeaders() },
      sentToken: currentTokens()?.accessToken ?? null,
    }));
    return forward(operation);
  });
  const renew = new ErrorLink(({ error, operation, forward }) => {
    if (!expired(error)) return;
    // Sent with a token that was renewed meanwhile (requests in flight during a refresh): retry with the
    // new one; refreshing again would spend a refresh token for nothing.
    const sent = (operation.getContext() as { sentToken?: string | null }).sentToken;
    const current = currentTokens()?.accessToken;
    if (sent && current && sent !== current) return forward(operation);
    return from(refreshTokens()).pipe(switchMap(() => forward(operation)));
  });
  const link = ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(ws),
    ApolloLink.from([renew, auth, http]),
  );
  return new ApolloClient({
    link,
    cache: new InMemoryCache({ possibleTypes: possibleTypes.possibleTypes }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
