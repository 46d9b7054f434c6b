import { ManualClock } from '../../../../../../test/support/manual-clock';
import { FakeOutboundWork } from '../../../../../../test/support/outbound-work.fake';
import { type Actor, ActorRole } from '../../../../actor';
import type { TicketReader } from '../../../../ticket';
import { ChannelErrorCode } from '../../../domain/channel.exception';
import { Milestone } from '../../domain/milestone';
import { AttachConversationToTicketCommand } from './attach-conversation-to-ticket.command';
import { AttachConversationToTicketHandler } from './attach-conversation-to-ticket.handler';

const AYU: Actor = { userId: 'ct-ayu', role: ActorRole.CALL_TAKER, opdCode: null };
const reader = { read: async (id: string) => (id === 't-1' ? { id: 't-1', number: 'BGL-2026-000001' } : null) } as unknown as TicketReader;

describe('AttachConversationToTicketHandler', () => {
  const handler = (work: FakeOutboundWork): AttachConversationToTicketHandler => new AttachConversationToTicketHandler(work, reader, new ManualClock());

  it('links the held conversation to the ticket and tells the citizen its number', async () => {
    const work = new FakeOutboundWork();
    work.conversation({ id: 'c1' });
    expect(await handler(work).execute(new AttachConversationToTicketCommand({ conversationId: 'c1', ticketId: 't-1', actor: AYU }))).toEqual({ conversationId: 'c1', ticketId: 't-1', ticketNumber: 'BGL-2026-000001', created: false });
    expect(work.milestones).toEqual([{ conversationId: 'c1', ticketId: 't-1', milestone: Milestone.RECEIVED, ticketNumber: 'BGL-2026-000001' }]);
  });

  it('refuses an unknown ticket, a conversation linked elsewhere, and a conversation not held', async () => {
    const work = new FakeOutboundWork();
    work.conversation({ id: 'elsewhere', ticketId: 't-2' });
    work.conversation({ id: 'budi', claimedBy: 'ct-budi' });
    const run = (conversationId: string, ticketId = 't-1'): Promise<unknown> => handler(work).execute(new AttachConversationToTicketCommand({ conversationId, ticketId, actor: AYU }));
    await expect(run('elsewhere', 't-404')).rejects.toMatchObject({ code: ChannelErrorCode.TICKET_NOT_FOUND });
    await expect(run('elsewhere')).rejects.toMatchObject({ code: ChannelErrorCode.ALREADY_LINKED, details: { ticketId: 't-2' } });
    await expect(run('budi')).rejects.toMatchObject({ code: ChannelErrorCode.NOT_YOUR_CLAIM });
    expect(work.milestones).toEqual([]);
  });
});
