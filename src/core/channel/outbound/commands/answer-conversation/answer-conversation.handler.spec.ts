import type { CommandBus } from '@nestjs/cqrs';
import { ManualClock } from '../../../../../../test/support/manual-clock';
import { FakeOutboundWork } from '../../../../../../test/support/outbound-work.fake';
import { type Actor, ActorRole } from '../../../../actor';
import type { CreateTicketCommand } from '../../../../ticket';
import { ConversationState } from '../../../domain/channel.enums';
import { ChannelErrorCode } from '../../../domain/channel.exception';
import { AnswerConversationCommand } from './answer-conversation.command';
import { AnswerConversationHandler } from './answer-conversation.handler';

const AYU: Actor = { userId: 'ct-ayu', role: ActorRole.CALL_TAKER, opdCode: null };

class CapturingBus {
  readonly sent: CreateTicketCommand[] = [];
  async execute(cmd: CreateTicketCommand): Promise<unknown> {
    this.sent.push(cmd);
    return { ticketId: 't-9', ticket: { number: 'BGL-2026-000009' }, created: true };
  }
}

describe('AnswerConversationHandler', () => {
  const clock = new ManualClock('2026-12-03T02:00:00Z');

  it('records an INFORMATION ticket answered in one step (as the phone desk does), sends the answer, closes the conversation', async () => {
    const work = new FakeOutboundWork();
    const bus = new CapturingBus();
    work.conversation({ id: 'c1' });
    const result = await new AnswerConversationHandler(work, bus as unknown as CommandBus, clock).execute(
      new AnswerConversationCommand({ conversationId: 'c1', answer: 'Kantor Disdukcapil buka pukul 08.00-15.00.', question: 'Jam buka Disdukcapil?', actor: AYU }),
    );
    expect(result).toEqual({ conversationId: 'c1', ticketId: 't-9', ticketNumber: 'BGL-2026-000009', messageId: 'msg-answer:c1:t-9' });
    expect(bus.sent[0]).toMatchObject({ answer: 'Kantor Disdukcapil buka pukul 08.00-15.00.', report: { kind: 'INFORMATION', channel: 'SOCIAL_MEDIA', description: 'Jam buka Disdukcapil?', channelReference: 'wamid.c1' } });
    expect(work.replies.map((r) => r.reply)).toEqual([{ kind: 'TEXT', text: 'Kantor Disdukcapil buka pukul 08.00-15.00.' }]);
    expect(work.conversations.get('c1')).toMatchObject({ ticketId: 't-9', state: ConversationState.CLOSED });
    expect(work.announced).toEqual([['c1', 'answered']]);
  });

  it("checks WhatsApp's window before recording anything: an answer that cannot be sent makes no ticket", async () => {
    const work = new FakeOutboundWork();
    const bus = new CapturingBus();
    work.conversation({ id: 'c1', lastInboundAt: new Date('2026-12-01T00:00:00Z') });
    await expect(new AnswerConversationHandler(work, bus as unknown as CommandBus, clock).execute(new AnswerConversationCommand({ conversationId: 'c1', answer: 'x', actor: AYU }))).rejects.toMatchObject({ code: ChannelErrorCode.WINDOW_CLOSED });
    expect(bus.sent).toEqual([]);
    expect(work.closed).toEqual([]);
  });
});
