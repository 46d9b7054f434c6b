import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { ActorRole } from '../../actor';
import { OpdDirectory } from '../../opd';
import { AuthSession } from '../domain/auth-session.entity';
import { IdentityException } from '../domain/identity.exception';
import { OPD_BOUND_ROLES } from '../domain/permissions';
import { StaffUser } from '../domain/staff-user.entity';
import { Authenticator } from './authenticator';
import { IDENTITY_SETTINGS, IdentitySettings } from './identity-settings';
import { PasswordHasher, passwordProblems } from './password-hasher';
import { randomSecret } from './token-codec';

export interface StaffDraft {
  readonly username: string;
  readonly displayName: string;
  readonly role: ActorRole;
  readonly opdCode?: string | null;
  readonly languages?: readonly string[];
}

const DEFAULT_CALL_TAKER_LANGUAGE = 'id';
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * Staff accounts. Passwords are never chosen by an admin: creating a user or
 * resetting a password returns a random one-time password, shown once, that
 * its owner replaces with changeMyPassword. Role or OPD changes and
 * deactivation end the user's sessions.
 *
 * @example
 * const { user, temporaryPassword } = await staff.create({ username: 'ayu', displayName: 'Ayu', role: ActorRole.CALL_TAKER, languages: ['id', 'en'] });
 */
@Injectable()
export class StaffDirectory {
  private readonly hasher: PasswordHasher;

  constructor(
    private readonly em: EntityManager,
    private readonly authenticator: Authenticator,
    @Inject(IDENTITY_SETTINGS) settings: IdentitySettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly opds: OpdDirectory,
  ) {
    this.hasher = new PasswordHasher(settings.scryptLogN);
  }

  list(): Promise<StaffUser[]> {
    return this.em.fork().find(StaffUser, {}, { orderBy: { username: 'asc' } });
  }

  /**
   * With `password` (bootstrap only) the account gets it; otherwise a random
   * one-time password. `em`: a caller's transaction to write in.
   */
  async create(given: StaffDraft, password?: string, em: EntityManager = this.em.fork()): Promise<{ user: StaffUser; temporaryPassword: string | null }> {
    // Every call taker speaks Indonesian; the optional field defaults to it, as its description says.
    const draft = given.role === ActorRole.CALL_TAKER && given.languages == null ? { ...given, languages: [DEFAULT_CALL_TAKER_LANGUAGE] } : given;
    const username = draft.username.trim().toLowerCase();
    await this.check(draft, username);
    if (password) {
      const problems = passwordProblems(password, username);
      if (problems.length) throw IdentityException.invalidInput(problems);
    }
    const temporary = password ? null : randomSecret(12);
    const now = this.clock.now();
    const user = em.create(StaffUser, {
      username, displayName: draft.displayName.trim(), role: draft.role, opdCode: draft.opdCode ?? null, languages: [...(draft.languages ?? [])],
      passwordHash: await this.hasher.hash(password ?? temporary!), createdAt: now, updatedAt: now, passwordChangedAt: now,
    });
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw IdentityException.usernameTaken(username);
      throw error;
    }
    return { user, temporaryPassword: temporary };
  }

  async update(id: string, expectedVersion: number, change: Partial<Omit<StaffDraft, 'username'>> & { active?: boolean }): Promise<StaffUser> {
    const em = this.em.fork();
    const user = await em.findOne(StaffUser, { id });
    if (!user) throw IdentityException.userNotFound(id);
    if (user.version !== expectedVersion) throw IdentityException.versionConflict(user.version);
    const next = { role: change.role ?? user.role, opdCode: change.opdCode !== undefined ? change.opdCode : user.opdCode, languages: change.languages ?? user.languages };
    await this.check({ ...next, username: user.username, displayName: change.displayName ?? user.displayName }, user.username, true);
    const demoted = next.role !== user.role || next.opdCode !== user.opdCode || change.active === false;
    Object.assign(user, {
      ...next, languages: [...next.languages], displayName: change.displayName?.trim() ?? user.displayName, active: change.active ?? user.active, updatedAt: this.clock.now(),
    });
    if (demoted) await this.endSessions(em, user);
    await em.flush();
    return user;
  }

  async resetPassword(id: string): Promise<{ user: StaffUser; temporaryPassword: string }> {
    const em = this.em.fork();
    const user = await em.findOne(StaffUser, { id });
    if (!user) throw IdentityException.userNotFound(id);
    const temporaryPassword = randomSecret(12);
    Object.assign(user, { passwordHash: await this.hasher.hash(temporaryPassword), passwordChangedAt: this.clock.now(), failedLogins: 0, lockedUntil: null });
    await this.endSessions(em, user);
    await em.flush();
    return { user, temporaryPassword };
  }

  private async endSessions(em: EntityManager, user: StaffUser): Promise<void> {
    const sessions = await em.find(AuthSession, { user, revokedAt: null });
    for (const session of sessions) {
      session.revokedAt = this.clock.now();
      this.authenticator.forget(session.id);
    }
  }

  private async check(draft: StaffDraft, username: string, existing = false): Promise<void> {
    const problems: string[] = [];
    if (!existing && !/^[a-z0-9._-]{3,64}$/.test(username)) problems.push('username: 3-64 lower-case letters, digits or ._-');
    if (draft.role === ActorRole.SYSTEM || draft.role === ActorRole.OPD_SYSTEM) problems.push(`role: ${draft.role} is not a role for people (OPD systems use API keys)`);
    const bound = OPD_BOUND_ROLES.has(draft.role);
    if (bound && !draft.opdCode) problems.push(`opdCode: a ${draft.role} belongs to an OPD`);
    if (!bound && draft.opdCode) problems.push(`opdCode: a ${draft.role} belongs to no OPD`);
    if (draft.opdCode) {
      if (!(await this.opds.exists(draft.opdCode))) problems.push(`opdCode: no OPD ${draft.opdCode}`);
    }
    for (const tag of draft.languages ?? []) if (!LANGUAGE.test(tag)) problems.push(`languages: ${tag} is not a language tag (e.g. id, en, ja)`);
    if (draft.role === ActorRole.CALL_TAKER && !(draft.languages ?? []).length) problems.push('languages: a call taker records the languages they speak');
    if (problems.length) throw IdentityException.invalidInput(problems);
  }
}
