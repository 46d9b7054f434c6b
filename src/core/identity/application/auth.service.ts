import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { AuthSession } from '../domain/auth-session.entity';
import { IdentityException } from '../domain/identity.exception';
import { StaffUser } from '../domain/staff-user.entity';
import { Authenticator } from './authenticator';
import { IDENTITY_SETTINGS, IdentitySettings } from './identity-settings';
import { PasswordHasher, passwordProblems } from './password-hasher';
import { sha256 } from './token-codec';
import { IssuedTokens, TokenService } from './token.service';

/** Failures before a lockout, and how it grows: 1, 2, 4 … minutes, at most an hour. */
const FREE_FAILURES = 5;
const MAX_LOCK_MS = 60 * 60_000;

/**
 * Logging in and out. A wrong password and an unknown user answer alike (and
 * take as long: a dummy hash is checked), and repeated failures lock the
 * account with a growing backoff. Refresh tokens rotate; a used one presented
 * again ends the session, because only a copy could do that.
 *
 * @example
 * const tokens = await auth.login('ayu', 'correct horse battery staple');
 */
@Injectable()
export class AuthService {
  private readonly hasher: PasswordHasher;
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly tokens: TokenService,
    private readonly authenticator: Authenticator,
    @Inject(IDENTITY_SETTINGS) settings: IdentitySettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.hasher = new PasswordHasher(settings.scryptLogN);
  }

  async login(username: string, password: string): Promise<{ user: StaffUser; tokens: IssuedTokens }> {
    const now = this.clock.now();
    const em = this.em.fork();
    const user = await em.findOne(StaffUser, { username: username.trim().toLowerCase() });
    if (!user || !user.active) {
      this.dummyHash ??= this.hasher.hash('not a real password, only for timing');
      await this.hasher.verify(password, await this.dummyHash);
      throw IdentityException.invalidCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > now) throw IdentityException.locked(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000));
    if (!(await this.hasher.verify(password, user.passwordHash))) {
      // Counted in SQL, so concurrent guesses on several instances all count.
      await em.getConnection().execute(
        `update staff_user set failed_logins = failed_logins + 1,
                locked_until = case when failed_logins + 1 >= ? then cast(? as timestamptz) + least(power(2, failed_logins + 1 - ?) * interval '1 minute', interval '${MAX_LOCK_MS / 60_000} minutes') else locked_until end
          where id = ?`,
        [FREE_FAILURES, now, FREE_FAILURES, user.id],
      );
      throw IdentityException.invalidCredentials();
    }
    if (user.failedLogins > 0) await em.nativeUpdate(StaffUser, { id: user.id }, { failedLogins: 0, lockedUntil: null });
    const tokens = this.tokens.openSession(em, user);
    await em.flush();
    return { user, tokens };
  }

  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const now = this.clock.now();
    const hash = sha256(refreshToken);
    const outcome = await this.em.fork().transactional(async (tx): Promise<{ stolen: string } | { tokens: IssuedTokens } | null> => {
      const session = await tx.findOne(AuthSession, { $or: [{ refreshHash: hash }, { previousRefreshHash: hash }] }, { populate: ['user'] });
      if (!session || session.revokedAt || session.expiresAt <= now || !session.user.active) return null;
      if (session.previousRefreshHash === hash) {
        // A rotated-out token came back: someone holds a copy. End the session for both
        // (committed, then refused: a thrown error would roll the revocation back).
        session.revokedAt = now;
        return { stolen: session.id };
      }
      return { tokens: this.tokens.rotate(session) };
    });
    if (!outcome) throw IdentityException.invalidRefreshToken();
    if ('stolen' in outcome) {
      this.authenticator.forget(outcome.stolen);
      throw IdentityException.invalidRefreshToken();
    }
    return outcome.tokens;
  }

  async logout(sessionId: string): Promise<void> {
    await this.em.fork().nativeUpdate(AuthSession, { id: sessionId, revokedAt: null }, { revokedAt: this.clock.now() });
    this.authenticator.forget(sessionId);
  }

  async changePassword(username: string, current: string, next: string): Promise<void> {
    const em = this.em.fork();
    const user = await em.findOne(StaffUser, { username });
    if (!user || !(await this.hasher.verify(current, user.passwordHash))) throw IdentityException.invalidCredentials();
    const problems = passwordProblems(next, username);
    if (problems.length) throw IdentityException.invalidInput(problems);
    user.passwordHash = await this.hasher.hash(next);
    user.passwordChangedAt = this.clock.now();
    await em.flush();
  }
}
