import { Inject } from '@nestjs/common';
import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import { DeliveryMetrics, parseCursor, PublishedStream, subscriptionFeed } from '../../delivery';
import { ConversationInbox } from '../application/conversation-inbox';
import { CONVERSATION_TOPIC } from '../infrastructure/conversation.store';
import { ConversationNoticeModel, toConversationModel } from './conversation.graphql';

/**
 * `conversationUpdated`: each committed conversation change (a new message,
 * a claim, a release…), in commit order, resumable from a cursor, through
 * the same published stream as ticketEvents (docs/delivery.md). The
 * conversation is re-read when pushed; its `sender` follows the same rule
 * (and access log) as the queries.
 */
@Resolver(() => ConversationNoticeModel)
export class ConversationUpdatedResolver {
  constructor(
    private readonly stream: PublishedStream,
    private readonly metrics: DeliveryMetrics,
    private readonly inbox: ConversationInbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Subscription(() => ConversationNoticeModel, {
    resolve: (notice: ConversationNoticeModel) => notice,
    description: 'Each conversation change as it commits (new message, claimed, released, …). Pass the last `cursor` seen as `after` to resume without a gap.',
  })
  conversationUpdated(
    @CurrentActor() _actor: Actor,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): AsyncIterableIterator<ConversationNoticeModel> {
    return subscriptionFeed(this.stream, parseCursor(after), async (message) => {
      if (message.topic !== CONVERSATION_TOPIC) return null;
      const p = message.payload as { conversationId: string; reason: string };
      const row = (await this.inbox.readMany([p.conversationId]))[0] ?? null;
      return { cursor: String(message.seq), reason: p.reason, conversationId: p.conversationId, conversation: row ? toConversationModel(row, this.clock.now()) : null };
    }, this.metrics.feed('conversationUpdated'));
  }
}
