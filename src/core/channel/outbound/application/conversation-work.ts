import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { entityManagerSql, SqlRunner } from '../../../../infra/database/sql-runner';
import { ChannelMetrics } from '../../channel.metrics';
import { ConversationStore } from '../../infrastructure/conversation.store';
import type { TemplateValues } from '../domain/milestone';
import { Milestone } from '../domain/milestone';
import { OutboundPurpose } from '../domain/outbound-queue.entity';
import type { ComposedReply } from '../domain/reply';
import { ChannelTemplateStore, TemplateRecord } from './channel-template.store';
import { ConversationOutboundStore, InboundReference, LockedConversation } from './conversation-outbound.store';
import { milestoneItem } from './milestone.target';
import { OutboundQueueStore } from './outbound-queue.store';

/**
 * What an outbound command may do inside its one transaction. The commands
 * decide; this carries it out in SQL (and a unit spec carries it out in
 * memory, to check the decisions alone).
 */
export interface OutboundTx {
  /** Locks the conversation until commit; null when it does not exist. */
  lock(conversationId: string): Promise<LockedConversation | null>;
  templates(): Promise<TemplateRecord[]>;
  /**
   * Queues a reply (channel_message + queue row) and records it on the
   * conversation (it stops waiting; the first reply is the first response).
   * `replayed`: the key was used before, nothing new was written.
   */
  queueReply(c: LockedConversation, reply: ComposedReply, key: string, actor: string, now: Date): Promise<{ messageId: string; replayed: boolean }>;
  /** Queues a milestone for the conversation, once per (ticket, conversation, milestone); nothing when it opted out. */
  queueMilestone(c: LockedConversation, ticketId: string, milestone: Milestone, values: TemplateValues, now: Date): Promise<void>;
  /** False when the conversation is linked to another ticket. */
  linkTicket(c: LockedConversation, ticketId: string, actor: string, now: Date, payload: Record<string, unknown>): Promise<boolean>;
  close(c: LockedConversation, actor: string, now: Date, payload: Record<string, unknown>): Promise<void>;
  inboundReference(conversationId: string, messageId: string | null): Promise<InboundReference | null>;
  unansweredText(conversationId: string): Promise<string[]>;
  lastLocation(conversationId: string): Promise<{ latitude: number; longitude: number; address: string | null } | null>;
  /** Tells subscribed screens the conversation changed (an outbox message, committed with the change). */
  announce(conversationId: string, reason: string, now: Date): Promise<void>;
}

/** Runs an outbound command's work in one transaction. */
export abstract class ConversationWork {
  abstract run<T>(work: (tx: OutboundTx) => Promise<T>): Promise<T>;
}

/** The real one: a database transaction, the channel stores' SQL. */
@Injectable()
export class SqlConversationWork extends ConversationWork {
  constructor(
    private readonly em: EntityManager,
    private readonly metrics: ChannelMetrics,
  ) {
    super();
  }

  async run<T>(work: (tx: OutboundTx) => Promise<T>): Promise<T> {
    const committed: Array<() => void> = [];
    const result = await this.em.fork().transactional((tx) => work(sqlTx(entityManagerSql(tx), committed, this.metrics)));
    // Counted once committed, never for a transaction that rolled back.
    for (const done of committed) done();
    return result;
  }
}

function sqlTx(sql: SqlRunner, committed: Array<() => void>, metrics: ChannelMetrics): OutboundTx {
  return {
    lock: (id) => ConversationOutboundStore.lock(sql, id),
    templates: () => ChannelTemplateStore.all(sql),
    async queueReply(c, reply, key, actor, now) {
      const messageId = randomUUID();
      const template = reply.kind === 'TEMPLATE';
      const [created] = await OutboundQueueStore.enqueue(sql, [{
        messageId, conversationId: c.id, platform: c.platform, purpose: OutboundPurpose.REPLY, milestone: null, dedupeKey: key, text: reply.text,
        templateName: template ? reply.templateName : null, templateLanguage: template ? reply.templateLanguage : null,
        templateParameters: template ? reply.parameters : null, kind: reply.kind, statusDetail: template ? reply.note : null, sentBy: actor,
      }], now);
      if (!created) {
        const earlier = await ConversationOutboundStore.messageByKey(sql, key);
        return { messageId: earlier?.id ?? messageId, replayed: true };
      }
      const recorded = await ConversationStore.recordReply(sql, c.id, actor, now);
      if (recorded) committed.push(() => metrics.observeFirstResponse(recorded.platform, recorded.waitedMs));
      return { messageId, replayed: false };
    },
    async queueMilestone(c, ticketId, milestone, values, now) {
      if (c.optedOut) return;
      const item = milestoneItem({ conversationId: c.id, ticketId, platform: c.platform, language: c.language }, milestone, await ChannelTemplateStore.all(sql), values);
      if (item) await OutboundQueueStore.enqueue(sql, [item], now);
    },
    linkTicket: (c, ticketId, actor, now, payload) => ConversationOutboundStore.linkTicket(sql, c, ticketId, actor, now, payload),
    close: (c, actor, now, payload) => ConversationOutboundStore.close(sql, c, actor, now, payload),
    inboundReference: (id, messageId) => ConversationOutboundStore.inboundReference(sql, id, messageId),
    unansweredText: (id) => ConversationOutboundStore.unansweredText(sql, id),
    lastLocation: (id) => ConversationOutboundStore.lastLocation(sql, id),
    announce: (id, reason, now) => ConversationStore.announce(sql, [id], reason, now),
  };
}
