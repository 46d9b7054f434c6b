import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { ClientBase } from 'pg';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { pgClientSql } from '../../../infra/database/sql-runner';
import { ChannelMetrics } from '../channel.metrics';
import type { ChannelPlatform } from '../domain/channel.enums';
import type { InboundMessage, StatusCallback } from '../domain/inbound';
import { ConversationStore } from '../infrastructure/conversation.store';
import { applyOptOut } from '../outbound/application/conversation-outbound.store';
import { optOutKeyword } from '../outbound/domain/opt-out';

/** What one delivery did, for the webhook's answer and the tests. */
export interface IntakeResult {
  stored: number;
  duplicates: number;
  statusesApplied: number;
  statusesStale: number;
  /** Items for an account not in the registry, or inactive: nothing stored, counted. */
  refused: number;
}

/**
 * The webhooks' one durable write: every message and status of a delivery,
 * in one transaction on a pooled connection, as plain SQL (the hottest
 * write of the channel; the ORM's unit of work is not needed for inserts
 * that dedupe themselves). Items for accounts that are not registered and
 * active are dropped and counted: the platform still gets its 200, so it
 * does not retry for days, but nobody can inject messages through an
 * account the regency does not run.
 */
@Injectable()
export class ChannelIntake {
  constructor(
    private readonly em: EntityManager,
    private readonly metrics: ChannelMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(platform: ChannelPlatform, messages: readonly InboundMessage[], statuses: readonly StatusCallback[]): Promise<IntakeResult> {
    const result: IntakeResult = { stored: 0, duplicates: 0, statusesApplied: 0, statusesStale: 0, refused: 0 };
    if (messages.length === 0 && statuses.length === 0) return result;
    const pool = this.em.getConnection().getKnex().client as { acquireConnection(): Promise<ClientBase>; releaseConnection(client: ClientBase): Promise<void> };
    const client = await pool.acquireConnection();
    const sql = pgClientSql(client);
    const now = this.clock.now();
    try {
      await client.query('BEGIN');
      try {
        // The account check is inside each statement: no lookup round trip before the write.
        const refuse = (account: boolean | null): boolean => {
          if (account === true) return false;
          result.refused++;
          this.metrics.refused.inc({ platform, reason: account === null ? 'unknown_account' : 'inactive_account' });
          return true;
        };
        for (const m of messages) {
          const r = await ConversationStore.recordInbound(sql, m, now);
          if (refuse(r.account)) continue;
          if (r.duplicate) result.duplicates++;
          else result.stored++;
          if (r.closed) await ConversationStore.reopen(sql, r.conversationId, m.sentAt, now);
          // STOP / BERHENTI (START / MULAI) alone: no more milestones (or again), from this message's transaction on.
          const keyword = r.duplicate ? null : optOutKeyword(m.text);
          if (keyword && (await applyOptOut(sql, r.conversationId, keyword === 'OUT', m.platformMessageId, now))) {
            await ConversationStore.announce(sql, [r.conversationId], keyword === 'OUT' ? 'opted_out' : 'opted_in', now);
          }
        }
        for (const s of statuses) {
          const r = await ConversationStore.applyStatus(sql, s);
          if (refuse(r.account)) continue;
          if (r.applied) result.statusesApplied++;
          else result.statusesStale++;
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      await pool.releaseConnection(client);
    }
    if (result.stored) this.metrics.inbound.inc({ platform, outcome: 'stored' }, result.stored);
    if (result.duplicates) this.metrics.inbound.inc({ platform, outcome: 'duplicate' }, result.duplicates);
    if (result.statusesApplied) this.metrics.statuses.inc({ platform, outcome: 'applied' }, result.statusesApplied);
    if (result.statusesStale) this.metrics.statuses.inc({ platform, outcome: 'stale' }, result.statusesStale);
    return result;
  }
}
