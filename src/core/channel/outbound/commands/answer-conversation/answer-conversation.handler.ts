import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK } from '../../../../../infra/clock/clock';
import { CreateTicketCommand, type CreateTicketResult, SocialPlatform, TicketChannel, TicketKind } from '../../../../ticket';
import { ChannelException } from '../../../domain/channel.exception';
import { ConversationWork } from '../../application/conversation-work';
import { baseLanguage } from '../../domain/milestone';
import { composeReply } from '../../domain/reply';
import { fromTicketFailure, heldBy, plausibleReportTime, reporterPhone, SOCIAL_PLATFORM } from '../conversation-command';
import { AnswerConversationCommand, AnswerConversationResult } from './answer-conversation.command';

/**
 * The reply is checked first (WhatsApp's window), so no ticket is recorded
 * for an answer that cannot be sent. The ticket is created ANSWERED by the
 * ticket domain's create-ticket command with the answer, as on the phone;
 * then, in the conversation's transaction: link, queue the answer, close.
 */
@CommandHandler(AnswerConversationCommand)
export class AnswerConversationHandler implements ICommandHandler<AnswerConversationCommand, AnswerConversationResult> {
  constructor(
    private readonly work: ConversationWork,
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(cmd: AnswerConversationCommand): Promise<AnswerConversationResult> {
    const now = this.clock.now();
    const prepared = await this.work.run(async (tx) => {
      const c = heldBy(await tx.lock(cmd.conversationId), cmd.conversationId, cmd.actor);
      if (c.ticketId) throw ChannelException.alreadyLinked(c.id, c.ticketId);
      const reply = composeReply({ conversationId: c.id, platform: c.platform, lastInboundAt: c.lastInboundAt, language: c.language }, { text: cmd.answer, templateKey: null }, await tx.templates(), now);
      const ref = await tx.inboundReference(c.id, null);
      if (!ref) throw ChannelException.invalidInput(['the conversation has no inbound message to answer']);
      const question = cmd.question?.trim() || (await tx.unansweredText(c.id)).join('\n') || ref.text || '';
      return { c, reply, ref, question };
    });
    const { c, reply, ref } = prepared;
    let created: CreateTicketResult;
    try {
      created = await this.commandBus.execute<CreateTicketCommand, CreateTicketResult>(new CreateTicketCommand({
        actor: cmd.actor,
        idempotencyKey: cmd.idempotencyKey ?? `channel-answer:${c.id}:${ref.platformMessageId}`,
        answer: reply.text,
        report: {
          kind: TicketKind.INFORMATION,
          channel: TicketChannel.SOCIAL_MEDIA,
          channelPlatform: SOCIAL_PLATFORM[c.platform] as SocialPlatform,
          channelAccount: c.accountPlatformId,
          channelReference: ref.platformMessageId,
          reporter: { name: c.senderName, phone: reporterPhone(c), language: c.language },
          categoryCode: cmd.categoryCode,
          description: prepared.question,
          descriptionLanguage: baseLanguage(c.language),
          reportedAt: plausibleReportTime(ref.receivedAt, now),
        },
      }));
    } catch (error) {
      fromTicketFailure(error);
    }
    const at = this.clock.now();
    return this.work.run(async (tx) => {
      const locked = heldBy(await tx.lock(c.id), c.id, cmd.actor);
      if (!(await tx.linkTicket(locked, created.ticketId, cmd.actor.userId, at, { messageId: ref.messageId, answered: true }))) throw ChannelException.alreadyLinked(c.id, locked.ticketId!);
      const queued = await tx.queueReply(locked, reply, `answer:${c.id}:${created.ticketId}`, cmd.actor.userId, at);
      await tx.close(locked, cmd.actor.userId, at, { answered: true, ticketId: created.ticketId });
      await tx.announce(c.id, 'answered', at);
      return { conversationId: c.id, ticketId: created.ticketId, ticketNumber: created.ticket.number, messageId: queued.messageId };
    });
  }
}
