import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../../actor';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { entityManagerSql } from '../../../infra/database/sql-runner';
import { DeadLetterRecord, OUTBOX_CHANNEL, OutboxStore } from '../../shared';
import { DeliveryException } from '../delivery.exception';

export const MAX_DEAD_LETTER_PAGE = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Outbox messages the relay gave up on, for an admin to see and put back in
 * line. A replay is logged with the admin who asked for it (the audit trail
 * the relay's own logs continue), and wakes the relays at commit.
 *
 * @example
 * const dead = await desk.list(20, 0);
 * await desk.replay(dead[0].id, adminActor); // attempted afresh by the next relay run
 */
@Injectable()
export class DeadLetterDesk {
  private readonly logger = new Logger('DeadLetters');

  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Newest dead first. */
  list(first: number, offset: number): Promise<DeadLetterRecord[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_DEAD_LETTER_PAGE) throw DeliveryException.invalidInput(`first must be from 1 to ${MAX_DEAD_LETTER_PAGE}`);
    if (!Number.isInteger(offset) || offset < 0) throw DeliveryException.invalidInput('offset must be 0 or more');
    return OutboxStore.deadLetters(entityManagerSql(this.em.fork()), first, offset);
  }

  /** Puts a dead letter back for a fresh round of attempts; NOT_FOUND when no such message is dead. */
  async replay(id: string, actor: Actor): Promise<{ id: string; replayedAt: Date }> {
    if (!UUID.test(id)) throw DeliveryException.invalidInput('id must be an outbox message id (UUID)');
    const now = this.clock.now();
    const replayed = await this.em.fork().transactional(async (tx) => {
      const sql = entityManagerSql(tx);
      if (!(await OutboxStore.replay(sql, id, now))) return false;
      // Outbox inserts wake the relays; a replay is an update, so it says so itself (delivered at commit).
      await sql.query('select pg_notify(?, ?)', [OUTBOX_CHANNEL, '']);
      return true;
    });
    if (!replayed) throw DeliveryException.notFound('dead letter', id);
    this.logger.log({ audit: 'outbox.replay', messageId: id, actorId: actor.userId, actorRole: actor.role, at: now.toISOString() }, 'An admin replayed a dead outbox message');
    return { id, replayedAt: now };
  }
}
