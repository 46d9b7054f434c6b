import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SqlRunner } from '../../../../infra/database/sql-runner';
import { DeliveryTargets, type DeliveryTarget } from '../../../delivery';
import { OpdRegistry } from '../../../opd';
import type { OutboxRecord } from '../../../shared';
import type { ChannelPlatform } from '../../domain/channel.enums';
import { baseLanguage, Milestone, milestoneOf, renderTemplate, TemplateValues } from '../domain/milestone';
import { OutboundPurpose } from '../domain/outbound-queue.entity';
import { ChannelTemplateStore, pickTemplate, TemplateRecord } from './channel-template.store';
import { OutboundQueueStore, QueueItem } from './outbound-queue.store';

/** Who a milestone goes to: a conversation linked to the ticket. */
export interface MilestoneRecipient {
  readonly conversationId: string;
  readonly ticketId: string;
  readonly platform: ChannelPlatform;
  readonly language: string | null;
}

/**
 * The queue item of one milestone for one conversation, rendered in the
 * citizen's language. Its dedupe key is (ticket, conversation, milestone):
 * each milestone reaches each conversation once, however often its cause is
 * replayed (a relay retry, a reassignment after a dispatch, two instances).
 *
 * @example
 * milestoneItem(recipient, Milestone.RECEIVED, templates, { ticketNumber: 'BGL-2026-000001' });
 */
export function milestoneItem(recipient: MilestoneRecipient, milestone: Milestone, templates: readonly TemplateRecord[], values: TemplateValues): QueueItem | null {
  const template = pickTemplate(templates, milestone, baseLanguage(recipient.language));
  if (!template) return null;
  const { text, parameters } = renderTemplate(template.body, values);
  return {
    messageId: randomUUID(),
    conversationId: recipient.conversationId,
    platform: recipient.platform,
    purpose: OutboundPurpose.MILESTONE,
    milestone,
    dedupeKey: `milestone:${recipient.ticketId}:${recipient.conversationId}:${milestone}`,
    text,
    templateName: template.whatsappName,
    templateLanguage: template.language,
    templateParameters: parameters,
    kind: 'TEXT',
    statusDetail: null,
    sentBy: 'system',
  };
}

/**
 * The outbox relay's channel target: in the relay's transaction, a ticket's
 * routing, arrival and resolution become queued milestones for every
 * conversation linked to the ticket (not opted out). The ticket domain only
 * writes its outbox; it knows nothing of channels.
 *
 * @example
 * await target.accept(sql, batch, now); // inside OutboxRelay.relayOnce's transaction
 */
@Injectable()
export class MilestoneTarget implements DeliveryTarget, OnModuleInit {
  readonly name = 'channel-milestones';

  constructor(
    private readonly targets: DeliveryTargets,
    private readonly opds: OpdRegistry,
  ) {}

  onModuleInit(): void {
    this.targets.register(this);
  }

  async accept(sql: SqlRunner, messages: readonly OutboxRecord[], now: Date): Promise<void> {
    const milestones = messages.flatMap((m) => {
      const milestone = milestoneOf(m.topic);
      return milestone ? [{ message: m, milestone }] : [];
    });
    // Most batches carry no milestone: no query at all for them.
    if (milestones.length === 0) return;
    const recipients = await OutboundQueueStore.recipientsOf(sql, [...new Set(milestones.map((m) => m.message.aggregateId))]);
    if (recipients.length === 0) return;
    const templates = await ChannelTemplateStore.all(sql);
    const items: QueueItem[] = [];
    for (const { message, milestone } of milestones) {
      for (const recipient of recipients.filter((r) => r.ticketId === message.aggregateId)) {
        const values = { ticketNumber: str(message.payload.number), opdName: this.opdName(str(message.payload.opdCode), recipient.language) };
        const item = milestoneItem(recipient, milestone, templates, values);
        if (item) items.push(item);
      }
    }
    await OutboundQueueStore.enqueue(sql, items, now);
  }

  /** The OPD's name in the citizen's language (Indonesian when it has none), or its code. */
  opdName(code: string | null, language: string | null): string | null {
    if (!code) return null;
    const name = this.opds.module(code)?.name as Record<string, string | undefined> | undefined;
    return name?.[baseLanguage(language)] ?? name?.id ?? code;
  }
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}
