import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import type { Actor } from '../../actor';
import { SlaEscalation } from '../domain/sla-escalation.entity';
import { SlaException } from '../domain/sla.exception';

export interface EscalationFilter {
  readonly opdCode?: string;
  readonly ticketId?: string;
  readonly metric?: string;
  readonly breach?: boolean;
  readonly acknowledged?: boolean;
  readonly from?: Date;
  readonly to?: Date;
  /** Default 50. */
  readonly first?: number;
}

/** An escalation with the number of its ticket (what people read). */
export interface EscalationRow {
  readonly escalation: SlaEscalation;
  readonly ticketId: string;
  readonly ticketNumber: string;
}

/**
 * Reading and acknowledging escalations. Acknowledging is idempotent: the
 * first acknowledgement is kept, later ones return it unchanged.
 *
 * @example
 * await escalations.list({ opdCode: 'BPBD', acknowledged: false, first: 50 });
 */
@Injectable()
export class EscalationQueries {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(filter: EscalationFilter): Promise<EscalationRow[]> {
    const where: Record<string, unknown> = {};
    if (filter.opdCode) where.opdCode = filter.opdCode;
    if (filter.ticketId) where.ticket = filter.ticketId;
    if (filter.metric) where.metric = filter.metric;
    if (filter.breach !== undefined) where.thresholdPct = filter.breach ? { $gte: 100 } : { $lt: 100 };
    if (filter.acknowledged !== undefined) where.acknowledgedAt = filter.acknowledged ? { $ne: null } : null;
    if (filter.from || filter.to) where.recordedAt = { ...(filter.from && { $gte: filter.from }), ...(filter.to && { $lt: filter.to }) };
    const rows = await this.em.fork().find(SlaEscalation, where, {
      populate: ['ticket'],
      orderBy: { recordedAt: 'desc', id: 'desc' },
      limit: filter.first ?? 50,
    });
    return rows.map((escalation) => ({ escalation, ticketId: escalation.ticket.id, ticketNumber: escalation.ticket.number }));
  }

  /** An actor confined to its OPD acknowledges only that OPD's escalations. */
  async acknowledge(id: string, actor: Actor): Promise<EscalationRow> {
    const now = this.clock.now();
    await this.em.fork().transactional(async (tx) => {
      const row = await tx.findOne(SlaEscalation, { id });
      if (!row) throw SlaException.escalationNotFound(id);
      // Another OPD's escalation does not exist for an actor confined to its own.
      if (actor.restrictedToOpd && row.opdCode !== actor.restrictedToOpd) throw SlaException.escalationNotFound(id);
      await tx.nativeUpdate(SlaEscalation, { id, acknowledgedAt: null }, { acknowledgedAt: now, acknowledgedBy: actor.userId });
    });
    const escalation = await this.em.fork().findOneOrFail(SlaEscalation, { id }, { populate: ['ticket'] });
    return { escalation, ticketId: escalation.ticket.id, ticketNumber: escalation.ticket.number };
  }
}
