import { Args, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import type { PublishedRecord } from '../../shared';
import { TicketKind, TicketModel, TicketReader, TicketState } from '../../ticket';
import { parseCursor } from './cursor';
import { DeliveryMetrics } from '../delivery.metrics';
import { PublishedStream } from './published-stream';
import { subscriptionFeed } from './subscription-feed';
import { TicketEventNoticeModel, TicketEventsFilterInput } from './subscription.models';

/**
 * `ticketEvents`: every committed ticket event the subscriber may see, in
 * commit order, resumable from a cursor. An OPD-bound subscriber sees its
 * own OPD's tickets only; `ticket` is re-read with the subscriber's rights
 * (reporter identity included, under the same rule as everywhere).
 */
@Resolver(() => TicketEventNoticeModel)
export class TicketEventsResolver {
  constructor(
    private readonly stream: PublishedStream,
    private readonly metrics: DeliveryMetrics,
    private readonly tickets: TicketReader,
  ) {}

  @Subscription(() => TicketEventNoticeModel, {
    resolve: (notice: TicketEventNoticeModel) => notice,
    description: 'Each ticket event as it commits (an OPD sees its own). Pass the last `cursor` seen as `after` to resume without a gap.',
  })
  ticketEvents(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => TicketEventsFilterInput, nullable: true }) filter?: TicketEventsFilterInput | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): AsyncIterableIterator<TicketEventNoticeModel> {
    const scope = actor.restrictedToOpd ?? null;
    return subscriptionFeed(this.stream, parseCursor(after), async (message) => {
      const notice = toNotice(message, scope);
      return notice && matches(notice, scope, filter) ? notice : null;
    }, this.metrics.feed('ticketEvents'));
  }

  @ResolveField(() => TicketModel, { nullable: true, description: 'The ticket as it is now (it may have moved on since the event); null if no longer visible.' })
  ticket(@Parent() notice: TicketEventNoticeModel): Promise<TicketModel | null> {
    return this.tickets.read(notice.ticketId, notice.scope);
  }
}

function toNotice(message: PublishedRecord, scope: string | null): TicketEventNoticeModel | null {
  if (message.aggregateType !== 'ticket' || !message.topic.startsWith('ticket.')) return null;
  const p = message.payload as {
    eventId: string; ticketId: string; number: string; type: string; from: TicketState | null; to: TicketState; seq: number; opdCode: string | null; kind: TicketKind; occurredAt: string;
  };
  return {
    cursor: String(message.seq),
    messageId: message.id,
    eventId: p.eventId,
    ticketId: p.ticketId,
    number: p.number,
    type: p.type,
    fromState: p.from,
    toState: p.to,
    version: p.seq,
    kind: p.kind,
    opdCode: p.opdCode,
    occurredAt: new Date(p.occurredAt),
    scope,
  };
}

function matches(notice: TicketEventNoticeModel, scope: string | null, filter: TicketEventsFilterInput | null | undefined): boolean {
  if (scope !== null && notice.opdCode !== scope) return false;
  if (!filter) return true;
  if (filter.ticketId && filter.ticketId !== notice.ticketId) return false;
  if (filter.opdCode && filter.opdCode !== notice.opdCode) return false;
  if (filter.kinds?.length && !filter.kinds.includes(notice.kind)) return false;
  if (filter.types?.length && !filter.types.includes(notice.type)) return false;
  return true;
}
