import { ManualClock } from '../../../../../../test/support/manual-clock';
import { FakeOutboundWork } from '../../../../../../test/support/outbound-work.fake';
import { type Actor, ActorRole } from '../../../../actor';
import { ChannelPlatform, ConversationState } from '../../../domain/channel.enums';
import { ChannelErrorCode } from '../../../domain/channel.exception';
import { ReplyToConversationCommand } from './reply-to-conversation.command';
import { ReplyToConversationHandler } from './reply-to-conversation.handler';

const AYU: Actor = { userId: 'ct-ayu', role: ActorRole.CALL_TAKER, opdCode: null };
const BUDI: Actor = { userId: 'ct-budi', role: ActorRole.CALL_TAKER, opdCode: null };

describe('ReplyToConversationHandler', () => {
  const clock = new ManualClock('2026-12-03T10:00:00Z');
  const setup = (): { work: FakeOutboundWork; handler: ReplyToConversationHandler } => {
    const work = new FakeOutboundWork();
    return { work, handler: new ReplyToConversationHandler(work, clock) };
  };

  it('queues free text inside the window, announces it, and answers a retried key without queueing again', async () => {
    const { work, handler } = setup();
    work.conversation({ id: 'c1', lastInboundAt: new Date('2026-12-03T09:00:00Z') });
    const cmd = new ReplyToConversationCommand({ conversationId: 'c1', text: '  Baik, kami cek. ', idempotencyKey: 'k1', actor: AYU });
    expect(await handler.execute(cmd)).toEqual({ conversationId: 'c1', messageId: 'msg-reply:c1:k1', templateName: null, replayed: false });
    expect(work.replies).toEqual([{ conversationId: 'c1', reply: { kind: 'TEXT', text: 'Baik, kami cek.' }, key: 'reply:c1:k1', actor: 'ct-ayu' }]);
    expect(work.announced).toEqual([['c1', 'replied']]);
    expect(await handler.execute(cmd)).toMatchObject({ replayed: true });
    expect(work.replies).toHaveLength(1);
    expect(work.announced).toHaveLength(1);
  });

  it('refuses anyone but the holder, and a conversation nobody holds', async () => {
    const { work, handler } = setup();
    work.conversation({ id: 'c1' });
    work.conversation({ id: 'c2', state: ConversationState.WAITING, claimedBy: null });
    await expect(handler.execute(new ReplyToConversationCommand({ conversationId: 'c1', text: 'x', actor: BUDI }))).rejects.toMatchObject({ code: ChannelErrorCode.NOT_YOUR_CLAIM, details: { claimedBy: 'ct-ayu' } });
    await expect(handler.execute(new ReplyToConversationCommand({ conversationId: 'c2', text: 'x', actor: AYU }))).rejects.toMatchObject({ code: ChannelErrorCode.NOT_YOUR_CLAIM });
    await expect(handler.execute(new ReplyToConversationCommand({ conversationId: 'nope', text: 'x', actor: AYU }))).rejects.toMatchObject({ code: ChannelErrorCode.NOT_FOUND });
    expect(work.replies).toEqual([]);
  });

  it("outside WhatsApp's window refuses free text naming the approved templates, and sends a template with the record's note", async () => {
    const { work, handler } = setup();
    work.conversation({ id: 'c1', lastInboundAt: new Date('2026-12-02T08:00:00Z') });
    await expect(handler.execute(new ReplyToConversationCommand({ conversationId: 'c1', text: 'Halo?', actor: AYU }))).rejects.toMatchObject({
      code: ChannelErrorCode.WINDOW_CLOSED, details: { templates: ['FOLLOW_UP'], closedAt: new Date('2026-12-03T08:00:00Z') },
    });
    const result = await handler.execute(new ReplyToConversationCommand({ conversationId: 'c1', templateKey: 'FOLLOW_UP', actor: AYU }));
    expect(result.templateName).toBe('sigap_follow_up');
    expect(work.replies[0].reply).toMatchObject({ kind: 'TEMPLATE', templateName: 'sigap_follow_up', templateLanguage: 'id', note: expect.stringMatching(/outside WhatsApp's 24-hour customer-service window/) });
  });

  it('lets Telegram take free text whenever; refuses empty, both, unknown templates and deactivated accounts', async () => {
    const { work, handler } = setup();
    work.conversation({ id: 'tg', platform: ChannelPlatform.TELEGRAM, lastInboundAt: new Date('2026-11-01T00:00:00Z') });
    work.conversation({ id: 'off', accountActive: false });
    await handler.execute(new ReplyToConversationCommand({ conversationId: 'tg', text: 'Halo', actor: AYU }));
    expect(work.replies.map((r) => r.reply.kind)).toEqual(['TEXT']);
    for (const bad of [{ text: '   ' }, { text: 'a', templateKey: 'FOLLOW_UP' }, { templateKey: 'NOPE' }]) {
      await expect(handler.execute(new ReplyToConversationCommand({ conversationId: 'tg', ...bad, actor: AYU }))).rejects.toMatchObject({ code: ChannelErrorCode.INVALID_INPUT });
    }
    await expect(handler.execute(new ReplyToConversationCommand({ conversationId: 'off', text: 'x', actor: AYU }))).rejects.toMatchObject({ code: ChannelErrorCode.INVALID_INPUT });
  });
});
