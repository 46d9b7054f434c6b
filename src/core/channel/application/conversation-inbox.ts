import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { entityManagerSql } from '../../../infra/database/sql-runner';
import { type Actor, ActorRole } from '../../actor';
import { ConversationState } from '../domain/channel.enums';
import { ChannelException } from '../domain/channel.exception';
import { type ClaimOutcome, type ConversationRow, ConversationStore, type MessageRow } from '../infrastructure/conversation.store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The call centre's conversation inbox: open conversations longest-waiting
 * first, claiming (one call taker per citizen), releasing, and a
 * conversation's messages. Every change writes its `channel_event` and an
 * outbox message (pushed by `conversationUpdated`) in its transaction.
 */
@Injectable()
export class ConversationInbox {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(actor: Actor, filter: { states?: readonly ConversationState[] | null; mine?: boolean | null; limit?: number | null }): Promise<ConversationRow[]> {
    const states = filter.states?.length ? filter.states : [ConversationState.WAITING, ConversationState.CLAIMED];
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), 500);
    return ConversationStore.list(this.sql(), { states, claimedBy: filter.mine ? actor.userId : null, limit });
  }

  get(id: string): Promise<ConversationRow | null> {
    return UUID.test(id) ? ConversationStore.read(this.sql(), id) : Promise.resolve(null);
  }

  readMany(ids: readonly string[]): Promise<ConversationRow[]> {
    return ConversationStore.readMany(this.sql(), ids.filter((id) => UUID.test(id)));
  }

  messages(conversationId: string, limit?: number | null): Promise<MessageRow[]> {
    if (!UUID.test(conversationId)) return Promise.resolve([]);
    return ConversationStore.messages(this.sql(), conversationId, Math.min(Math.max(limit ?? 200, 1), 1000));
  }

  /** Atomic: of two call takers claiming at once, exactly one gets `claimed`; the other learns who holds it. */
  async claim(conversationId: string, actor: Actor): Promise<ClaimOutcome> {
    if (!UUID.test(conversationId)) return { kind: 'missing' };
    const now = this.clock.now();
    return this.em.fork().transactional((em) => ConversationStore.claim(entityManagerSql(em), conversationId, actor.userId, now));
  }

  /** Back to the queue. Its holder may; a supervisor may release anyone's (a call taker went home). */
  async release(conversationId: string, actor: Actor): Promise<ConversationRow> {
    const existing = await this.get(conversationId);
    if (!existing) throw ChannelException.notFound('conversation', conversationId);
    const now = this.clock.now();
    const released = await this.em.fork().transactional((em) =>
      ConversationStore.release(entityManagerSql(em), conversationId, actor.userId, actor.role === ActorRole.SUPERVISOR, now),
    );
    if (!released) throw ChannelException.notYourClaim(conversationId, existing.claimed_by);
    return released;
  }

  private sql() {
    return entityManagerSql(this.em.fork());
  }
}
