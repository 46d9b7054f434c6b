import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK } from '../../../../../infra/clock/clock';
import { CreateTicketCommand, type CreateTicketResult, SocialPlatform, TicketChannel } from '../../../../ticket';
import { ChannelException } from '../../../domain/channel.exception';
import { ConversationWork } from '../../application/conversation-work';
import { baseLanguage, Milestone } from '../../domain/milestone';
import { fromTicketFailure, heldBy, plausibleReportTime, reporterPhone, SOCIAL_PLATFORM } from '../conversation-command';
import { ConversationTicketResult, CreateTicketFromConversationCommand } from './create-ticket-from-conversation.command';

/**
 * Two steps, because the ticket domain writes a ticket in its own
 * transaction: (1) check the claim and gather the report, (2) create the
 * ticket through CreateTicketCommand with an idempotency key of the
 * conversation's message, (3) link the conversation and queue "received".
 * A crash between (2) and (3) is repaired by sending the command again: the
 * key returns the same ticket, and the link and milestone are written once.
 */
@CommandHandler(CreateTicketFromConversationCommand)
export class CreateTicketFromConversationHandler implements ICommandHandler<CreateTicketFromConversationCommand, ConversationTicketResult> {
  constructor(
    private readonly work: ConversationWork,
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(cmd: CreateTicketFromConversationCommand): Promise<ConversationTicketResult> {
    const { p } = cmd;
    const report = await this.work.run(async (tx) => {
      const c = heldBy(await tx.lock(cmd.conversationId), cmd.conversationId, cmd.actor);
      const ref = await tx.inboundReference(c.id, p.messageId);
      if (!ref) throw ChannelException.invalidInput([p.messageId ? `message ${p.messageId} is not an inbound message of this conversation` : 'the conversation has no inbound message to refer to']);
      if (c.ticketId) throw ChannelException.alreadyLinked(c.id, c.ticketId);
      const description = p.description?.trim() || (await tx.unansweredText(c.id)).join('\n') || ref.text || '';
      const shared = p.location ? null : await tx.lastLocation(c.id);
      return { c, ref, description, location: p.location ?? (shared ? { latitude: shared.latitude, longitude: shared.longitude, address: shared.address } : null) };
    });
    const { c, ref } = report;
    let created: CreateTicketResult;
    try {
      created = await this.commandBus.execute<CreateTicketCommand, CreateTicketResult>(new CreateTicketCommand({
        actor: cmd.actor,
        idempotencyKey: p.idempotencyKey ?? `channel:${c.id}:${ref.platformMessageId}`,
        report: {
          kind: cmd.kind,
          priority: p.priority,
          channel: TicketChannel.SOCIAL_MEDIA,
          channelPlatform: SOCIAL_PLATFORM[c.platform] as SocialPlatform,
          channelAccount: c.accountPlatformId,
          channelReference: ref.platformMessageId,
          reporter: { name: p.reporterName ?? c.senderName, phone: reporterPhone(c), language: c.language, anonymous: p.anonymous, confidential: p.confidential },
          location: report.location,
          categoryCode: p.categoryCode,
          description: report.description,
          descriptionLanguage: baseLanguage(c.language),
          reportedAt: plausibleReportTime(ref.receivedAt, this.clock.now()),
        },
      }));
    } catch (error) {
      fromTicketFailure(error);
    }
    const now = this.clock.now();
    await this.work.run(async (tx) => {
      const locked = heldBy(await tx.lock(c.id), c.id, cmd.actor);
      if (!(await tx.linkTicket(locked, created.ticketId, cmd.actor.userId, now, { messageId: ref.messageId, created: created.created }))) {
        throw ChannelException.alreadyLinked(c.id, locked.ticketId!);
      }
      await tx.queueMilestone(locked, created.ticketId, Milestone.RECEIVED, { ticketNumber: created.ticket.number }, now);
      await tx.announce(c.id, 'ticket_linked', now);
    });
    return { conversationId: c.id, ticketId: created.ticketId, ticketNumber: created.ticket.number, created: created.created };
  }
}
