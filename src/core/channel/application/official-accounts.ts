import { EntityManager, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import type { Actor } from '../../actor';
import { ChannelEvent } from '../domain/channel-event.entity';
import { ChannelEventType, ChannelPlatform } from '../domain/channel.enums';
import { ChannelException } from '../domain/channel.exception';
import { OfficialAccount } from '../domain/official-account.entity';

/** The platform's id format per platform: digits for all four today (phone_number_id, Page id, IG id, bot id). */
const ACCOUNT_ID = /^\d{1,30}$/;

export interface RegisterAccount {
  readonly platform: ChannelPlatform;
  readonly accountId: string;
  readonly displayName: string;
  readonly decreeRef?: string | null;
}

export interface UpdateAccount {
  readonly id: string;
  /** The version the admin saw; a stale one is a VERSION_CONFLICT. */
  readonly version: number;
  readonly displayName?: string | null;
  readonly decreeRef?: string | null;
  readonly active?: boolean | null;
}

/**
 * The official-account registry (admins). Every change writes a
 * `channel_event` in the same transaction; edits carry the version the
 * admin saw (optimistic locking). Accounts are deactivated, never deleted:
 * their conversations keep their history.
 */
@Injectable()
export class OfficialAccounts {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async register(input: RegisterAccount, admin: Actor): Promise<OfficialAccount> {
    const accountId = input.accountId.trim();
    const displayName = input.displayName.trim();
    const problems: string[] = [];
    if (!ACCOUNT_ID.test(accountId)) problems.push(`accountId: the platform's numeric id (WhatsApp phone_number_id, Page id, Instagram account id, Telegram bot id)`);
    if (!displayName) problems.push('displayName: give the account a name');
    if (problems.length) throw ChannelException.invalidInput(problems);
    const now = this.clock.now();
    try {
      return await this.em.fork().transactional(async (em) => {
        const account = em.create(OfficialAccount, {
          platform: input.platform, accountId, displayName, decreeRef: input.decreeRef?.trim() || null, createdBy: admin.userId, createdAt: now, updatedAt: now,
        });
        em.create(ChannelEvent, { account, type: ChannelEventType.ACCOUNT_REGISTERED, actorId: admin.userId, occurredAt: now, payload: { platform: input.platform, accountId, displayName } });
        await em.flush();
        return account;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw ChannelException.accountExists(input.platform, accountId);
      throw error;
    }
  }

  async update(input: UpdateAccount, admin: Actor): Promise<OfficialAccount> {
    if (input.displayName !== undefined && input.displayName !== null && !input.displayName.trim()) throw ChannelException.invalidInput(['displayName: give the account a name']);
    const now = this.clock.now();
    return this.em.fork().transactional(async (em) => {
      return this.change(em, input, admin, now);
    }).catch((error: unknown) => {
      if (error instanceof OptimisticLockError) throw ChannelException.versionConflict(input.id, input.version, input.version + 1);
      throw error;
    });
  }

  private async change(em: EntityManager, input: UpdateAccount, admin: Actor, now: Date): Promise<OfficialAccount> {
    {
      const account = /^[0-9a-f-]{36}$/i.test(input.id) ? await em.findOne(OfficialAccount, { id: input.id }) : null;
      if (!account) throw ChannelException.notFound('official account', input.id);
      if (account.version !== input.version) throw ChannelException.versionConflict(account.id, input.version, account.version);
      const changed: Record<string, unknown> = {};
      if (input.displayName != null && input.displayName.trim() !== account.displayName) account.displayName = changed.displayName = input.displayName.trim();
      if (input.decreeRef !== undefined && (input.decreeRef?.trim() || null) !== account.decreeRef) account.decreeRef = changed.decreeRef = input.decreeRef?.trim() || null;
      if (input.active != null && input.active !== account.active) account.active = changed.active = input.active;
      if (Object.keys(changed).length === 0) return account;
      account.updatedAt = now;
      const type = changed.active === false ? ChannelEventType.ACCOUNT_DEACTIVATED : ChannelEventType.ACCOUNT_UPDATED;
      em.create(ChannelEvent, { account, type, actorId: admin.userId, occurredAt: now, payload: changed });
      // The versioned UPDATE fails if another admin committed in between.
      await em.flush();
      return account;
    }
  }

  list(filter: { platform?: ChannelPlatform | null; includeInactive?: boolean | null } = {}): Promise<OfficialAccount[]> {
    return this.em.fork().find(
      OfficialAccount,
      { ...(filter.platform ? { platform: filter.platform } : {}), ...(filter.includeInactive ? {} : { active: true }) },
      { orderBy: { platform: 'asc', displayName: 'asc' } },
    );
  }
}
