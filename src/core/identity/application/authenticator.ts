import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import type { ActorRole } from '../../actor';
import { ApiKeyService } from './api-key.service';
import { unauthenticated } from './auth-errors';
import type { Principal } from './principal';
import { TokenService } from './token.service';

/** How long an instance trusts what it read of a session; logging out on this instance drops it at once. */
export const SESSION_CACHE_MS = 5_000;

interface SessionView {
  readonly userId: string;
  readonly username: string;
  readonly role: ActorRole;
  readonly opdCode: string | null;
  readonly live: boolean;
}

/**
 * Turns a request's credentials into a Principal: `Authorization: Bearer
 * <access token>` for staff, `Authorization: ApiKey <key>` (or `x-api-key`)
 * for OPD systems, nothing for the public. Bad credentials are refused, not
 * ignored: a client that sends a token expects to act as its owner. Role and
 * OPD come from the user's row, not the token, so a change applies at once.
 *
 * @example
 * const principal = await authenticator.authenticate(req.headers); // null when anonymous
 */
@Injectable()
export class Authenticator {
  private readonly sessions = new Map<string, { at: number; view: SessionView | null }>();

  constructor(
    private readonly em: EntityManager,
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeyService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async authenticate(headers: IncomingHttpHeaders): Promise<Principal | null> {
    const authorization = single(headers.authorization);
    const apiKey = single(headers['x-api-key']);
    if (apiKey) return this.apiKeys.authenticate(apiKey);
    if (!authorization) return null;
    const [scheme, credential, extra] = authorization.trim().split(/\s+/);
    if (!credential || extra) throw unauthenticated('MALFORMED', 'The Authorization header must be "Bearer <access token>" or "ApiKey <key>"');
    if (/^apikey$/i.test(scheme)) return this.apiKeys.authenticate(credential);
    if (!/^bearer$/i.test(scheme)) throw unauthenticated('MALFORMED', `Unknown authorization scheme ${scheme.slice(0, 20)}`);
    return this.fromAccessToken(credential);
  }

  /** Forget a session at once (logout on this instance). */
  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  private async fromAccessToken(token: string): Promise<Principal> {
    const claims = this.tokens.read(token);
    if (!claims) throw unauthenticated('INVALID', 'The access token is not valid');
    const now = this.clock.now().getTime();
    if (claims.exp * 1000 <= now) throw unauthenticated('EXPIRED', 'The access token has expired: refresh the session');
    const view = await this.session(claims.sid, now);
    if (!view || !view.live || view.userId !== claims.sub) throw unauthenticated('REVOKED', 'The session has ended: log in again');
    return { kind: 'USER', sessionId: claims.sid, actor: { userId: view.username, role: view.role, opdCode: view.opdCode } };
  }

  private async session(sessionId: string, now: number): Promise<SessionView | null> {
    const cached = this.sessions.get(sessionId);
    if (cached && now - cached.at < SESSION_CACHE_MS && now >= cached.at) return cached.view;
    const [row] = await this.em.fork().getConnection().execute<Array<{ user_id: string; username: string; role: ActorRole; opd_code: string | null; live: boolean }>>(
      `select u.id as user_id, u.username, u.role, u.opd_code,
              (s.revoked_at is null and s.expires_at > ? and u.active) as live
         from auth_session s join staff_user u on u.id = s.user_id
        where s.id = ?`,
      [new Date(now), sessionId],
    );
    const view = row ? { userId: row.user_id, username: row.username, role: row.role, opdCode: row.opd_code, live: row.live } : null;
    if (this.sessions.size > 10_000) this.sessions.clear();
    this.sessions.set(sessionId, { at: now, view });
    return view;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.trim() || undefined;
}
