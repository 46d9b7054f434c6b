import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { AuthSession } from '../domain/auth-session.entity';
import { AuthSetting } from '../domain/auth-setting.entity';
import type { StaffUser } from '../domain/staff-user.entity';
import { IDENTITY_SETTINGS, IdentitySettings } from './identity-settings';
import { AccessClaims, randomSecret, sha256, TokenCodec } from './token-codec';

const SIGNING_KEY = 'token_signing_key';
const LOCK_KEY = 7_411_306;

/** What a client receives when it logs in or refreshes. */
export interface IssuedTokens {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: Date;
  readonly sessionId: string;
}

/**
 * Issues and reads tokens. The signing key is the configured secret, or one
 * made at first boot and kept in the database, so every instance signs and
 * verifies alike; it is loaded before the app serves.
 *
 * @example
 * const tokens = await tokens.openSession(em, user); // on login
 * tokens.read(accessToken); // claims, or null when forged
 */
@Injectable()
export class TokenService implements OnModuleInit {
  private codec: TokenCodec | null = null;

  constructor(
    private readonly em: EntityManager,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const secret = this.settings.tokenSecret ?? (await this.sharedSecret());
    this.codec = new TokenCodec(createHash('sha256').update(secret).digest());
  }

  /** A new session for `user`, with its first pair of tokens. */
  openSession(em: EntityManager, user: StaffUser): IssuedTokens {
    const now = this.clock.now();
    const refreshToken = randomSecret();
    const session = em.create(AuthSession, {
      user, refreshHash: sha256(refreshToken), createdAt: now, refreshedAt: now, expiresAt: new Date(now.getTime() + this.settings.refreshTokenMs),
    });
    return this.pair(user.id, session, refreshToken, now);
  }

  /** Rotates the session's refresh token (the caller has checked it) and issues a new pair. */
  rotate(session: AuthSession): IssuedTokens {
    const now = this.clock.now();
    const refreshToken = randomSecret();
    session.previousRefreshHash = session.refreshHash;
    session.refreshHash = sha256(refreshToken);
    session.refreshedAt = now;
    session.expiresAt = new Date(now.getTime() + this.settings.refreshTokenMs);
    return this.pair(session.user.id, session, refreshToken, now);
  }

  /** An access token for an existing session (also what tests use to act as someone). */
  accessToken(userId: string, sessionId: string, now: Date = this.clock.now()): { token: string; expiresAt: Date } {
    const expiresAt = new Date(now.getTime() + this.settings.accessTokenMs);
    const claims: AccessClaims = { sub: userId, sid: sessionId, iat: Math.floor(now.getTime() / 1000), exp: Math.floor(expiresAt.getTime() / 1000) };
    return { token: this.requireCodec().sign(claims), expiresAt };
  }

  /** Claims of a well-signed token, or null; expiry is checked by the caller. */
  read(token: string): AccessClaims | null {
    return this.requireCodec().verify(token);
  }

  private pair(userId: string, session: AuthSession, refreshToken: string, now: Date): IssuedTokens {
    const access = this.accessToken(userId, session.id, now);
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt: session.expiresAt, sessionId: session.id };
  }

  private requireCodec(): TokenCodec {
    if (!this.codec) throw new Error('TokenService used before its signing key was loaded');
    return this.codec;
  }

  private sharedSecret(): Promise<string> {
    return this.em.fork().transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(?)', [LOCK_KEY]);
      const existing = await tx.findOne(AuthSetting, { key: SIGNING_KEY });
      if (existing) return existing.value;
      const created = tx.create(AuthSetting, { key: SIGNING_KEY, value: randomSecret(48), createdAt: this.clock.now() });
      return created.value;
    });
  }
}
