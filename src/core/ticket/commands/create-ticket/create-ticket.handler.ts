import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK } from '../../../../infra/clock/clock';
import { CategoryRouting } from '../../application/category-routing';
import { DistrictCheck } from '../../application/district.check';
import { eventRows, takeStep } from '../../application/ticket-changer';
import { IdempotencyKeyTaken, TicketIntakeWriter } from '../../application/ticket-intake.writer';
import { TicketChangedEvent, TicketCreatedEvent } from '../../application/ticket.events';
import { TICKET_SETTINGS, TicketSettings } from '../../application/ticket-settings';
import { TicketMetrics } from '../../application/ticket.metrics';
import { acceptReport } from '../../domain/report-rules';
import { TICKET_CREATED } from '../../domain/ticket-event-type';
import { ticketNumberHead } from '../../domain/ticket-number';
import { Ticket } from '../../domain/ticket.entity';
import { TicketKind, TicketPriority } from '../../domain/ticket.enums';
import { TicketException } from '../../domain/ticket.exception';
import { TicketCommand, TicketState } from '../../lifecycle';
import { answerEffect } from '../answer-ticket/answer-ticket.handler';
import { compact } from '../ticket-command.base';
import { CreateTicketCommand, CreateTicketResult } from './create-ticket.command';

@CommandHandler(CreateTicketCommand)
export class CreateTicketHandler implements ICommandHandler<CreateTicketCommand, CreateTicketResult> {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TICKET_SETTINGS) private readonly settings: TicketSettings,
    private readonly districts: DistrictCheck,
    private readonly routing: CategoryRouting,
    private readonly writer: TicketIntakeWriter,
    private readonly eventBus: EventBus,
    private readonly metrics: TicketMetrics,
  ) {}

  async execute(cmd: CreateTicketCommand): Promise<CreateTicketResult> {
    const now = this.clock.now();
    // A retry is answered before anything is checked again: its category may
    // have been deactivated, or its reportedAt have left the window, since.
    const key = cmd.idempotencyKey;
    // Only a keyed request is ever compared with a retry (a hash of the whole input, per create, showed in the profile).
    const digest = key ? requestDigest(cmd) : '';
    if (key) {
      const earlier = await this.replay(key, digest);
      if (earlier) return earlier;
    }
    const report = acceptReport(cmd.report, now);
    if (cmd.answer !== null && report.kind !== TicketKind.INFORMATION) {
      throw TicketException.invalidInput(['kind must be INFORMATION to record an answer in one call']);
    }
    if (report.location.district) await this.districts.assertKnown(report.location.district);
    const answers = cmd.report.attributes ?? {};
    if (report.categoryCode) {
      // A category known at intake routes at once; its defaults fill what the caller left open.
      const route = await this.routing.route(this.em.fork(), report.categoryCode, report.opdCode, answers);
      report.opdCode = route.opdCode;
      report.attributes = route.attributes;
      if (!cmd.report.priority) report.priority = route.defaultPriority as TicketPriority;
      report.fieldResponse = report.fieldResponse || route.fieldResponse;
    } else if (Object.keys(answers).length > 0) {
      throw TicketException.invalidInput(['attributes need a categoryCode: they answer its questions']);
    } else if (report.opdCode) {
      throw TicketException.invalidInput(['opdCode needs a categoryCode: the category decides the OPD']);
    }
    let ticket: Ticket;
    try {
      const numberHead = ticketNumberHead(this.settings.numberPrefix, report.reportedAt, this.settings.timeZone);
      ticket = await this.writer.write(numberHead, () => {
        const created = Object.assign(new Ticket(), {
          ...report,
          number: '', // drawn by the writer in its insert, which sets it

          state: TicketState.NEW,
          createdAt: now,
          updatedAt: now,
          createdBy: cmd.actor.userId,
          idempotencyKey: key,
          idempotencyHash: key ? digest : null,
        });
        const createdPayload = compact({ kind: report.kind, channel: report.channel, attachmentIds: cmd.attachmentIds.length ? cmd.attachmentIds : undefined });
        const events = [eventRows(created, TICKET_CREATED, null, TicketState.NEW, cmd.actor, now, createdPayload, 1)];
        if (cmd.answer !== null) {
          // The answer is a lifecycle step like any other, taken before the one write.
          const { to } = takeStep(created, TicketCommand.ANSWER, { answer: cmd.answer }, now, this.settings.reopenWindowMs);
          answerEffect(cmd.answer)(created, now);
          events.push(eventRows(created, TicketCommand.ANSWER, TicketState.NEW, to, cmd.actor, now, { answer: cmd.answer }, 2));
        }
        created.version = events.length;
        return { ticket: created, events };
      }, { ids: cmd.attachmentIds, actor: cmd.actor, at: now });
    } catch (error) {
      // Two retries raced past the look-up: the loser returns the winner's ticket.
      if (key && error instanceof IdempotencyKeyTaken) {
        const earlier = await this.replay(key, digest);
        if (earlier) return earlier;
      }
      throw error;
    }

    // Committed: count it (a replay returned above and counts nothing).
    this.metrics.created.inc({ channel: ticket.channel, kind: ticket.kind });
    this.eventBus.publish(new TicketCreatedEvent(ticket.id, ticket.number, cmd.actor, now));
    if (ticket.version === 2) {
      this.metrics.transitions.inc({ event_type: TicketCommand.ANSWER, to_state: ticket.state });
      this.eventBus.publish(
        new TicketChangedEvent(ticket.id, TicketCommand.ANSWER, TicketState.NEW, ticket.state, ticket.version, cmd.actor, now),
      );
    }
    return { ticketId: ticket.id, ticket, created: true };
  }

  private async replay(key: string, digest: string): Promise<CreateTicketResult | null> {
    const earlier = await this.em.fork().findOne(Ticket, { idempotencyKey: key });
    if (!earlier) return null;
    if (earlier.idempotencyHash !== digest) throw TicketException.idempotencyKeyReused(key);
    return { ticketId: earlier.id, ticket: earlier, created: false };
  }
}

/** Identifies the request as sent (before defaults such as "reported now"), to tell a retry from a reuse. */
export function requestDigest(cmd: CreateTicketCommand): string {
  // Attachments count only when given, so digests of requests without them are unchanged.
  const attachmentIds = cmd.attachmentIds.length ? cmd.attachmentIds : undefined;
  return createHash('sha256').update(stableJson({ report: cmd.report, answer: cmd.answer, attachmentIds })).digest('hex');
}

function stableJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
