import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { SocketAdmission, SocketGatekeeper } from '../../../infra/graphql/graphql-ws.options';
import { ApiError } from '../../../infra/graphql/api-error';
import { Authenticator } from './authenticator';

/**
 * Admits a graphql-ws connection with the credentials of `connection_init`:
 * `{ authorization: 'Bearer <access token>' }` or `{ authorization: 'ApiKey
 * <key>' }` (or `{ 'x-api-key': '<key>' }`), the same as over HTTP. Sockets
 * need an account: the public has nothing to subscribe to. Rechecks use the
 * same path, so an expired token, an ended session or a revoked key closes
 * the socket; a database outage does not.
 *
 * @example
 * const client = createClient({ url, connectionParams: { authorization: `Bearer ${token}` } });
 */
@Injectable()
export class SocketAuthenticator implements SocketGatekeeper {
  constructor(private readonly authenticator: Authenticator) {}

  async admit(connectionParams: Readonly<Record<string, unknown>> | undefined): Promise<SocketAdmission | null> {
    const headers = credentialHeaders(connectionParams);
    if (!headers.authorization && !headers['x-api-key']) return null;
    const principal = await this.authenticator.authenticate(headers).catch(() => null);
    if (!principal) return null;
    return {
      headers,
      principal: Promise.resolve(principal),
      stillValid: () =>
        this.authenticator.authenticate(headers).then(
          (p) => p !== null,
          // Refused credentials end the socket; an outage is not a revocation.
          (error: unknown) => !(error instanceof ApiError && error.code === 'UNAUTHENTICATED'),
        ),
    };
  }
}

function credentialHeaders(params: Readonly<Record<string, unknown>> | undefined): IncomingHttpHeaders {
  const pick = (...names: string[]): string | undefined => {
    for (const name of names) {
      const value = params?.[name];
      if (typeof value === 'string' && value.trim()) return value.slice(0, 4096);
    }
    return undefined;
  };
  const headers: IncomingHttpHeaders = {};
  const authorization = pick('authorization', 'Authorization');
  const apiKey = pick('x-api-key', 'apiKey');
  if (authorization) headers.authorization = authorization;
  if (apiKey) headers['x-api-key'] = apiKey;
  return headers;
}
