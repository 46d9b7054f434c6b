import { ChannelPlatform, ConversationState } from '../../src/core/channel/domain/channel.enums';
import type { TemplateRecord } from '../../src/core/channel/outbound/application/channel-template.store';
import type { InboundReference, LockedConversation } from '../../src/core/channel/outbound/application/conversation-outbound.store';
import { ConversationWork, OutboundTx } from '../../src/core/channel/outbound/application/conversation-work';
import type { Milestone } from '../../src/core/channel/outbound/domain/milestone';
import type { ComposedReply } from '../../src/core/channel/outbound/domain/reply';

/** For handler unit specs: what the outbound commands did, in memory (the SQL is covered by the integration and e2e tiers). */
export class FakeOutboundWork extends ConversationWork {
  readonly conversations = new Map<string, LockedConversation>();
  readonly replies: Array<{ conversationId: string; reply: ComposedReply; key: string; actor: string }> = [];
  readonly milestones: Array<{ conversationId: string; ticketId: string; milestone: Milestone; ticketNumber: string | null | undefined }> = [];
  readonly closed: string[] = [];
  readonly announced: Array<[string, string]> = [];
  readonly references = new Map<string, InboundReference>();
  templates: TemplateRecord[] = [
    template('FOLLOW_UP', 'id', 'Balas untuk melanjutkan.', 'sigap_follow_up'),
    template('RECEIVED', 'id', 'Nomor {{ticketNumber}}', 'sigap_received'),
  ];
  transactions = 0;

  conversation(c: Partial<LockedConversation> & { id: string }): LockedConversation {
    const full: LockedConversation = {
      accountUuid: 'acc-1', platform: ChannelPlatform.WHATSAPP, accountPlatformId: '106540352242922', accountActive: true, senderHandle: '6281234567890',
      senderName: 'Ni Luh Sari', language: 'id', state: ConversationState.CLAIMED, claimedBy: 'ct-ayu', lastInboundAt: new Date('2026-12-03T01:00:00Z'),
      ticketId: null, optedOut: false, ...c,
    };
    this.conversations.set(full.id, full);
    this.references.set(full.id, { messageId: `m-${full.id}`, platformMessageId: `wamid.${full.id}`, text: 'Jalan berlubang', receivedAt: new Date('2026-12-03T01:00:00Z') });
    return full;
  }

  run<T>(work: (tx: OutboundTx) => Promise<T>): Promise<T> {
    this.transactions++;
    const keys = new Set(this.replies.map((r) => r.key));
    const tx: OutboundTx = {
      lock: async (id) => this.conversations.get(id) ?? null,
      templates: async () => this.templates,
      queueReply: async (c, reply, key, actor) => {
        if (keys.has(key)) return { messageId: `msg-${key}`, replayed: true };
        this.replies.push({ conversationId: c.id, reply, key, actor });
        return { messageId: `msg-${key}`, replayed: false };
      },
      queueMilestone: async (c, ticketId, milestone, values) => {
        if (!c.optedOut) this.milestones.push({ conversationId: c.id, ticketId, milestone, ticketNumber: values.ticketNumber });
      },
      linkTicket: async (c, ticketId) => {
        if (c.ticketId && c.ticketId !== ticketId) return false;
        this.conversations.set(c.id, { ...c, ticketId });
        return true;
      },
      close: async (c) => {
        this.conversations.set(c.id, { ...(this.conversations.get(c.id) ?? c), state: ConversationState.CLOSED, claimedBy: null });
        this.closed.push(c.id);
      },
      inboundReference: async (id, messageId) => {
        const ref = this.references.get(id) ?? null;
        return ref && (!messageId || messageId === ref.messageId) ? ref : null;
      },
      unansweredText: async (id) => (this.references.get(id)?.text ? [this.references.get(id)!.text!] : []),
      lastLocation: async () => null,
      announce: async (id, reason) => {
        this.announced.push([id, reason]);
      },
    };
    return work(tx);
  }
}

export function template(key: string, language: string, body: string, whatsappName: string | null): TemplateRecord {
  return { id: `${key}-${language}`, key, language, body, whatsappName, version: 1, updatedAt: new Date(0), updatedBy: 'system' };
}
