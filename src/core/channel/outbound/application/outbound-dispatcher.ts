import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, CLOCK } from '../../../../infra/clock/clock';
import { entityManagerSql } from '../../../../infra/database/sql-runner';
import { ChannelPlatform } from '../../domain/channel.enums';
import type { OutboundContent, SendResult } from '../adapters/channel-adapter';
import { customerWindow, templateNote } from '../domain/customer-window';
import { OutboundPurpose } from '../domain/outbound-queue.entity';
import { ChannelAdapters, CHANNEL_OUTBOUND_SETTINGS, ChannelOutboundSettings } from './channel-adapters';
import { ChannelOutboundMetrics } from './channel-outbound.metrics';
import { ClaimedOutbound, OutboundOutcome, OutboundQueueStore } from './outbound-queue.store';

/** What one dispatch round did. */
export interface OutboundDispatchResult {
  readonly claimed: number;
  readonly sent: number;
  readonly retrying: number;
  readonly dead: number;
  readonly cancelled: number;
}

/**
 * Sends queued channel messages: leases due rows in one statement
 * (`FOR UPDATE SKIP LOCKED`; instances share the work, a crashed one's rows
 * are taken again when its lease runs out), sends outside any transaction,
 * and records each attempt on the queue row and the channel_message (the
 * platform's message id and status). Retryable failures back off with
 * jitter (or the platform's Retry-After); permanent ones, and the last
 * attempt, are dead-lettered. Delivery is at least once: a crash between
 * the platform's answer and the record sends again after the lease.
 *
 * A milestone picks text or template when it is sent: free text inside the
 * 24-hour window, the approved template outside it, and the record says so.
 *
 * @example
 * const { sent } = await dispatcher.dispatchOnce(); // tests; the scheduler runs it in production
 */
@Injectable()
export class OutboundDispatcher {
  private readonly logger = new Logger('ChannelOutbound');

  constructor(
    private readonly em: EntityManager,
    private readonly adapters: ChannelAdapters,
    @Inject(CHANNEL_OUTBOUND_SETTINGS) private readonly settings: ChannelOutboundSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: ChannelOutboundMetrics,
  ) {}

  async claim(limit: number): Promise<ClaimedOutbound[]> {
    const now = this.clock.now();
    // Long enough for a slow but live attempt never to be sent twice at once.
    const lease = new Date(now.getTime() + this.settings.outbound.timeoutMs * 2 + 30_000);
    return OutboundQueueStore.claim(entityManagerSql(this.em.fork()), now, limit, lease, randomUUID());
  }

  async deliver(claimed: ClaimedOutbound): Promise<OutboundOutcome> {
    const outcome = await this.attempt(claimed);
    let kept = false;
    try {
      kept = await OutboundQueueStore.record(entityManagerSql(this.em.fork()), claimed, outcome, this.clock.now());
    } catch (error) {
      // The lease runs out and another attempt follows: a lost record costs a duplicate, never a loss.
      this.logger.error({ err: error, queueId: claimed.id }, 'Recording a channel send failed');
    }
    if (kept) this.metrics.attempts.inc({ platform: claimed.platform, purpose: claimed.purpose, outcome: outcome.kind });
    if (kept && outcome.kind !== 'sent') {
      // Never the recipient's handle or the text: they are reporter identity.
      this.logger.warn({ queueId: claimed.id, platform: claimed.platform, attempt: claimed.attempts + 1, outcome: outcome.kind, error: 'error' in outcome ? outcome.error : outcome.kind === 'cancelled' ? outcome.reason : undefined }, 'A channel message was not sent');
    }
    return outcome;
  }

  async dispatchOnce(limit = this.settings.outbound.concurrency): Promise<OutboundDispatchResult> {
    const claimed = await this.claim(limit);
    const outcomes = await Promise.all(claimed.map((c) => this.deliver(c)));
    const count = (kind: OutboundOutcome['kind']): number => outcomes.filter((o) => o.kind === kind).length;
    return { claimed: claimed.length, sent: count('sent'), retrying: count('retry'), dead: count('dead'), cancelled: count('cancelled') };
  }

  private async attempt(c: ClaimedOutbound): Promise<OutboundOutcome> {
    if (c.purpose === OutboundPurpose.MILESTONE && c.optedOut) return { kind: 'cancelled', reason: 'Not sent: the citizen opted out of status updates' };
    if (!c.accountActive) return { kind: 'dead', error: 'The official account is deactivated' };
    const adapter = this.adapters.for(c.platform);
    if (!adapter) return { kind: 'dead', error: `No credentials are configured for ${c.platform} (docs/channels.md)` };
    const now = this.clock.now();
    const window = customerWindow(c.platform, c.lastInboundAt, now);
    // A reply names a template only when the window was closed; a milestone uses it only if the window is closed now.
    const useTemplate = c.templateName !== null && (c.purpose === OutboundPurpose.REPLY || !window.open);
    if (c.platform === ChannelPlatform.WHATSAPP && !window.open && !useTemplate) {
      return { kind: 'dead', error: c.purpose === OutboundPurpose.MILESTONE ? 'Outside the 24-hour window and no approved WhatsApp template is set for this message' : "Outside WhatsApp's 24-hour window: free text cannot be sent" };
    }
    const content: OutboundContent = useTemplate
      ? { kind: 'template', name: c.templateName, language: c.templateLanguage ?? 'id', parameters: c.templateParameters ?? [], text: c.text }
      : { kind: 'text', text: c.text };
    let result: SendResult;
    try {
      result = await adapter.send({ accountId: c.accountId, recipient: c.recipient, content });
    } catch (error) {
      // Adapters answer every platform and network failure themselves; this is our bug, retried like one.
      result = { ok: false, failure: { retryable: true, statusCode: null, platformCode: null, windowClosed: false, message: error instanceof Error ? error.message : String(error), retryAfterMs: null } };
    }
    if (result.ok) {
      const detail = useTemplate && c.purpose === OutboundPurpose.MILESTONE ? templateNote(c.templateName, window) : null;
      return { kind: 'sent', platformMessageId: result.platformMessageId, asTemplate: useTemplate ? c.templateName : null, detail };
    }
    const { failure } = result;
    const attempt = c.attempts + 1;
    if (failure.retryable && attempt < this.settings.outbound.maxAttempts) {
      const delay = Math.max(backoffMs(attempt, this.settings.outbound), Math.min(failure.retryAfterMs ?? 0, 24 * 3600_000));
      return { kind: 'retry', error: failure.message, retryAt: new Date(this.clock.now().getTime() + delay) };
    }
    return { kind: 'dead', error: failure.windowClosed ? `${failure.message} (outside the platform's 24-hour window)` : failure.message };
  }
}

/** Exponential backoff with ±20 % jitter, capped, so retries of a burst do not come back together. */
export function backoffMs(attempt: number, s: { retryBaseMs: number; retryMaxMs: number }, random: () => number = Math.random): number {
  const base = Math.min(s.retryMaxMs, s.retryBaseMs * 2 ** Math.min(attempt - 1, 40));
  return Math.round(base * (0.8 + 0.4 * random()));
}
