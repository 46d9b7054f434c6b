import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { ActorRole } from '../../actor';
import { AuthSetting } from '../domain/auth-setting.entity';
import { IdentityException } from '../domain/identity.exception';
import { StaffUser } from '../domain/staff-user.entity';
import { IDENTITY_SETTINGS, IdentitySettings } from './identity-settings';
import { StaffDirectory } from './staff-directory';
import { randomSecret, sha256 } from './token-codec';

const SETUP_SECRET = 'setup_secret';
const SETUP_VALID_MS = 24 * 60 * 60_000;
const LOCK_KEY = 7_411_307;

/**
 * The first admin, without a default password: from BOOTSTRAP_ADMIN_* when
 * configured, otherwise a one-time setup secret printed in the log at boot,
 * valid for 24 hours, that the setupFirstAdmin mutation consumes.
 *
 * @example
 * await bootstrap.setupFirstAdmin(secretFromTheLog, { username: 'putu', displayName: 'Putu' }, 'a long passphrase');
 */
@Injectable()
export class IdentityBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    private readonly em: EntityManager,
    private readonly staff: StaffDirectory,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.em.fork().transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(?)', [LOCK_KEY]);
      if (await this.adminExists(tx)) return;
      const admin = this.settings.bootstrapAdmin;
      if (admin) {
        await this.staff.create({ username: admin.username, displayName: admin.username, role: ActorRole.ADMIN }, admin.password, tx);
        this.logger.log(`Created the first admin "${admin.username}" from BOOTSTRAP_ADMIN_USERNAME`);
        return;
      }
      const now = this.clock.now();
      const existing = await tx.findOne(AuthSetting, { key: SETUP_SECRET });
      if (existing?.expiresAt && existing.expiresAt > now) {
        this.logger.warn(`No admin yet. A setup secret was printed at ${existing.createdAt.toISOString()} (valid until ${existing.expiresAt.toISOString()}); restart after that for a new one.`);
        return;
      }
      const secret = randomSecret(24);
      if (existing) tx.remove(existing);
      tx.create(AuthSetting, { key: SETUP_SECRET, value: sha256(secret), createdAt: now, expiresAt: new Date(now.getTime() + SETUP_VALID_MS) });
      // Printed once, on purpose: it is the only way in when no admin is configured.
      this.logger.warn(`No admin yet. Create the first one within 24 h with the setupFirstAdmin mutation and this one-time secret: ${secret}`);
    });
  }

  async setupFirstAdmin(secret: string, draft: { username: string; displayName: string }, password: string): Promise<StaffUser> {
    const now = this.clock.now();
    return this.em.fork().transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(?)', [LOCK_KEY]);
      const stored = await tx.findOne(AuthSetting, { key: SETUP_SECRET });
      const given = Buffer.from(sha256(secret));
      const valid = stored && stored.expiresAt && stored.expiresAt > now && given.length === stored.value.length && timingSafeEqual(given, Buffer.from(stored.value));
      if (!valid || (await this.adminExists(tx))) throw IdentityException.setupClosed();
      const { user } = await this.staff.create({ ...draft, role: ActorRole.ADMIN }, password, tx);
      tx.remove(stored);
      return user;
    });
  }

  private async adminExists(tx: EntityManager): Promise<boolean> {
    return (await tx.count(StaffUser, { role: ActorRole.ADMIN, active: true })) > 0;
  }
}
