import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import type { SlaMetric } from '../../sla';
import type { PublishedRecord } from '../../shared';
import type { TicketKind } from '../../ticket';
import { parseCursor } from './cursor';
import { DeliveryMetrics } from '../delivery.metrics';
import { PublishedStream } from './published-stream';
import { subscriptionFeed } from './subscription-feed';
import { EscalationNoticeModel, EscalationRaisedFilterInput } from './subscription.models';

/** `escalationRaised`: each SLA warning and breach as the sweeper records it (an OPD sees its own). */
@Resolver()
export class EscalationRaisedResolver {
  constructor(
    private readonly stream: PublishedStream,
    private readonly metrics: DeliveryMetrics,
  ) {}

  @Subscription(() => EscalationNoticeModel, {
    resolve: (notice: EscalationNoticeModel) => notice,
    description: 'Each SLA warning and breach as it is recorded (an OPD sees its own). Pass the last `cursor` seen as `after` to resume.',
  })
  escalationRaised(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => EscalationRaisedFilterInput, nullable: true }) filter?: EscalationRaisedFilterInput | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): AsyncIterableIterator<EscalationNoticeModel> {
    const scope = actor.restrictedToOpd ?? null;
    return subscriptionFeed(this.stream, parseCursor(after), async (message) => {
      const notice = toNotice(message);
      if (!notice) return null;
      if (scope !== null && notice.opdCode !== scope) return null;
      if (filter?.opdCode && filter.opdCode !== notice.opdCode) return null;
      if (filter?.kinds?.length && !filter.kinds.includes(notice.kind)) return null;
      if (filter?.breachedOnly && !notice.breached) return null;
      return notice;
    }, this.metrics.feed('escalationRaised'));
  }
}

function toNotice(message: PublishedRecord): EscalationNoticeModel | null {
  if (message.topic !== 'sla.warning' && message.topic !== 'sla.breached') return null;
  const p = message.payload as {
    escalationId: string; ticketId: string; number: string | null; metric: SlaMetric; cycle: number; thresholdPct: number; level: number; opdCode: string | null; kind: TicketKind; dueAt: string | null;
  };
  return {
    cursor: String(message.seq),
    messageId: message.id,
    escalationId: p.escalationId,
    ticketId: p.ticketId,
    number: p.number,
    metric: p.metric,
    cycle: p.cycle,
    thresholdPct: p.thresholdPct,
    breached: message.topic === 'sla.breached',
    level: p.level,
    opdCode: p.opdCode,
    kind: p.kind,
    dueAt: p.dueAt ? new Date(p.dueAt) : null,
    recordedAt: message.createdAt,
  };
}
