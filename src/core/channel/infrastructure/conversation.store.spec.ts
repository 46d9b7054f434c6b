import type { SqlRunner } from '../../../infra/database/sql-runner';
import { toConversationModel } from '../api/conversation.graphql';
import { ChannelPlatform, ConversationState } from '../domain/channel.enums';
import { ConversationStore } from './conversation.store';

describe('conversations as the store reads them', () => {
  // MikroORM's execute hands timestamptz over as text; the DateTime scalar would answer null (INTERNAL on a non-null field).
  const stored = {
    id: 'c1', account_id: 'a1', platform: ChannelPlatform.WHATSAPP, account_platform_id: '1098', account_name: 'WhatsApp Pemkab Bangli',
    sender_handle: '6281355500001', sender_name: 'Ni Luh Sari', language: 'id', state: ConversationState.WAITING,
    claimed_by: null, claimed_at: null, waiting_since: '2026-12-03 11:16:56+00', first_response_at: null,
    last_inbound_at: '2026-12-03 11:16:56.25+00', last_outbound_at: null, ticket_id: null, opted_out: false,
    created_at: '2026-12-03 11:16:56+00', updated_at: new Date('2026-12-03T11:17:00Z'), version: 1,
  };
  // Hands back stored rows as a connection does; the statement itself is the integration tests' business.
  const sql: SqlRunner = { query: async <T>() => [stored] as unknown as T[] };

  it('gives every timestamp as a Date, whether the row held text or a Date', async () => {
    const model = toConversationModel((await ConversationStore.read(sql, 'c1'))!, new Date('2026-12-03T12:00:00Z'));
    expect(model.waitingSince).toEqual(new Date('2026-12-03T11:16:56Z'));
    expect(model.lastInboundAt).toEqual(new Date('2026-12-03T11:16:56.250Z'));
    expect(model.updatedAt).toEqual(new Date('2026-12-03T11:17:00Z'));
    expect(model.claimedAt).toBeNull();
    expect(model.replyWindowOpen).toBe(true);
  });

  it('closes WhatsApp\'s reply window 24 hours after the last inbound message', async () => {
    const [row] = await ConversationStore.list(sql, { states: [ConversationState.WAITING], claimedBy: null, limit: 10 });
    expect(toConversationModel(row, new Date('2026-12-04T11:16:57Z')).replyWindowOpen).toBe(false);
  });
});
