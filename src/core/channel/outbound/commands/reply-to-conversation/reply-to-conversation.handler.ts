import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK } from '../../../../../infra/clock/clock';
import { ChannelException } from '../../../domain/channel.exception';
import { ConversationWork } from '../../application/conversation-work';
import { composeReply } from '../../domain/reply';
import { heldBy } from '../conversation-command';
import { ReplyToConversationCommand, ReplyToConversationResult } from './reply-to-conversation.command';

/**
 * Queues a reply in the conversation's transaction (the queue row is the
 * outbox; the dispatcher sends it): only by the call taker holding the
 * claim, free text only inside WhatsApp's window, a template outside it.
 */
@CommandHandler(ReplyToConversationCommand)
export class ReplyToConversationHandler implements ICommandHandler<ReplyToConversationCommand, ReplyToConversationResult> {
  constructor(
    private readonly work: ConversationWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(cmd: ReplyToConversationCommand): Promise<ReplyToConversationResult> {
    const now = this.clock.now();
    return this.work.run(async (tx) => {
      const c = heldBy(await tx.lock(cmd.conversationId), cmd.conversationId, cmd.actor);
      if (!c.accountActive) throw ChannelException.invalidInput(['the official account of this conversation is deactivated']);
      const reply = composeReply({ conversationId: c.id, platform: c.platform, lastInboundAt: c.lastInboundAt, language: c.language }, cmd, await tx.templates(), now);
      const key = `reply:${c.id}:${cmd.idempotencyKey ?? randomUUID()}`;
      const queued = await tx.queueReply(c, reply, key, cmd.actor.userId, now);
      if (!queued.replayed) await tx.announce(c.id, 'replied', now);
      return { conversationId: c.id, messageId: queued.messageId, templateName: reply.kind === 'TEMPLATE' ? reply.templateName : null, replayed: queued.replayed };
    });
  }
}
