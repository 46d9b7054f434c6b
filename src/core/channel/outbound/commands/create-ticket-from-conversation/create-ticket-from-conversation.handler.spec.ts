import type { CommandBus } from '@nestjs/cqrs';
import { ManualClock } from '../../../../../../test/support/manual-clock';
import { FakeOutboundWork } from '../../../../../../test/support/outbound-work.fake';
import { type Actor, ActorRole } from '../../../../actor';
import { CreateTicketCommand, TicketErrorCode, TicketException, TicketKind } from '../../../../ticket';
import { ChannelPlatform } from '../../../domain/channel.enums';
import { ChannelErrorCode } from '../../../domain/channel.exception';
import { Milestone } from '../../domain/milestone';
import { CreateTicketFromConversationCommand } from './create-ticket-from-conversation.command';
import { CreateTicketFromConversationHandler } from './create-ticket-from-conversation.handler';

const AYU: Actor = { userId: 'ct-ayu', role: ActorRole.CALL_TAKER, opdCode: null };

/** The ticket domain's command bus as far as this handler uses it: CreateTicketCommand, answered like the real one. */
class CapturingBus {
  readonly sent: CreateTicketCommand[] = [];
  failWith: Error | null = null;
  async execute(cmd: CreateTicketCommand): Promise<unknown> {
    this.sent.push(cmd);
    if (this.failWith) throw this.failWith;
    return { ticketId: 't-1', ticket: { number: 'BGL-2026-000042' }, created: true };
  }
}

describe('CreateTicketFromConversationHandler', () => {
  const clock = new ManualClock('2026-12-03T01:30:00Z');
  const setup = (): { work: FakeOutboundWork; bus: CapturingBus; handler: CreateTicketFromConversationHandler } => {
    const work = new FakeOutboundWork();
    const bus = new CapturingBus();
    return { work, bus, handler: new CreateTicketFromConversationHandler(work, bus as unknown as CommandBus, clock) };
  };

  it('creates a SOCIAL_MEDIA ticket through CreateTicketCommand with platform, account, message reference, handle and language, then links and queues RECEIVED', async () => {
    const { work, bus, handler } = setup();
    work.conversation({ id: 'c1', language: 'en' });
    const result = await handler.execute(new CreateTicketFromConversationCommand({ conversationId: 'c1', kind: TicketKind.COMPLAINT, categoryCode: 'JALAN_RUSAK', anonymous: true, actor: AYU }));
    expect(result).toEqual({ conversationId: 'c1', ticketId: 't-1', ticketNumber: 'BGL-2026-000042', created: true });
    const [cmd] = bus.sent;
    expect(cmd.idempotencyKey).toBe('channel:c1:wamid.c1');
    expect(cmd.report).toMatchObject({
      kind: 'COMPLAINT', channel: 'SOCIAL_MEDIA', channelPlatform: 'WHATSAPP', channelAccount: '106540352242922', channelReference: 'wamid.c1',
      description: 'Jalan berlubang', descriptionLanguage: 'en', categoryCode: 'JALAN_RUSAK', reportedAt: new Date('2026-12-03T01:00:00Z'),
      reporter: { name: 'Ni Luh Sari', phone: '+6281234567890', language: 'en', anonymous: true },
    });
    expect(work.conversations.get('c1')!.ticketId).toBe('t-1');
    expect(work.milestones).toEqual([{ conversationId: 'c1', ticketId: 't-1', milestone: Milestone.RECEIVED, ticketNumber: 'BGL-2026-000042' }]);
    expect(work.announced).toEqual([['c1', 'ticket_linked']]);
  });

  it('keeps a Messenger handle off the phone field and maps the platform to the ticket\'s FACEBOOK', async () => {
    const { work, bus, handler } = setup();
    work.conversation({ id: 'c2', platform: ChannelPlatform.MESSENGER, senderHandle: 'PSID-77', accountPlatformId: 'page-1' });
    await handler.execute(new CreateTicketFromConversationCommand({ conversationId: 'c2', kind: TicketKind.COMPLAINT, description: 'Lampu jalan mati', actor: AYU }));
    expect(bus.sent[0].report).toMatchObject({ channelPlatform: 'FACEBOOK', channelAccount: 'page-1', description: 'Lampu jalan mati', reporter: { phone: null } });
  });

  it('refuses without the claim, when already linked, or without an inbound message; creates nothing then', async () => {
    const { work, bus, handler } = setup();
    work.conversation({ id: 'other', claimedBy: 'ct-budi' });
    work.conversation({ id: 'linked', ticketId: 't-0' });
    work.conversation({ id: 'empty' });
    work.references.delete('empty');
    const run = (conversationId: string): Promise<unknown> => handler.execute(new CreateTicketFromConversationCommand({ conversationId, kind: TicketKind.COMPLAINT, actor: AYU }));
    await expect(run('other')).rejects.toMatchObject({ code: ChannelErrorCode.NOT_YOUR_CLAIM });
    await expect(run('linked')).rejects.toMatchObject({ code: ChannelErrorCode.ALREADY_LINKED, details: { ticketId: 't-0' } });
    await expect(run('empty')).rejects.toMatchObject({ code: ChannelErrorCode.INVALID_INPUT });
    expect(bus.sent).toEqual([]);
    expect(work.milestones).toEqual([]);
  });

  it("turns the ticket domain's refusal into the channel's typed invalid input, and links nothing", async () => {
    const { work, bus, handler } = setup();
    work.conversation({ id: 'c1' });
    bus.failWith = TicketException.invalidInput(['categoryCode NOPE is unknown']);
    await expect(handler.execute(new CreateTicketFromConversationCommand({ conversationId: 'c1', kind: TicketKind.COMPLAINT, categoryCode: 'NOPE', actor: AYU }))).rejects.toMatchObject({
      code: ChannelErrorCode.INVALID_INPUT, details: { problems: ['categoryCode NOPE is unknown'] },
    });
    expect(work.conversations.get('c1')!.ticketId).toBeNull();
    expect(TicketErrorCode.INVALID_INPUT).toBe('INVALID_INPUT');
  });
});
