import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK } from '../../../../../infra/clock/clock';
import { TicketReader } from '../../../../ticket';
import { ChannelException } from '../../../domain/channel.exception';
import { ConversationWork } from '../../application/conversation-work';
import { Milestone } from '../../domain/milestone';
import type { ConversationTicketResult } from '../create-ticket-from-conversation/create-ticket-from-conversation.command';
import { heldBy } from '../conversation-command';
import { AttachConversationToTicketCommand } from './attach-conversation-to-ticket.command';

/** Links a held conversation to a ticket the ticket domain knows, and queues "received" with its number. */
@CommandHandler(AttachConversationToTicketCommand)
export class AttachConversationToTicketHandler implements ICommandHandler<AttachConversationToTicketCommand, ConversationTicketResult> {
  constructor(
    private readonly work: ConversationWork,
    private readonly tickets: TicketReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(cmd: AttachConversationToTicketCommand): Promise<ConversationTicketResult> {
    // The call centre sees every ticket: no OPD scope.
    const ticket = await this.tickets.read(cmd.ticketId, null);
    if (!ticket) throw ChannelException.ticketNotFound(cmd.ticketId);
    const now = this.clock.now();
    return this.work.run(async (tx) => {
      const c = heldBy(await tx.lock(cmd.conversationId), cmd.conversationId, cmd.actor);
      if (!(await tx.linkTicket(c, ticket.id, cmd.actor.userId, now, { attached: true }))) throw ChannelException.alreadyLinked(c.id, c.ticketId!);
      await tx.queueMilestone(c, ticket.id, Milestone.RECEIVED, { ticketNumber: ticket.number }, now);
      await tx.announce(c.id, 'ticket_linked', now);
      return { conversationId: c.id, ticketId: ticket.id, ticketNumber: ticket.number, created: false };
    });
  }
}
