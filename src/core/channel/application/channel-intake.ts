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
        const ids = [...new Set([...messages.map((m) => m.accountId), ...statuses.map((s) => s.accountId)])];
        const { rows } = await client.query<{ id: string; account_id: string; active: boolean }>(
          'SELECT id, account_id, active FROM official_account WHERE platform = $1 AND account_id = ANY($2::text[])', [platform, ids],
        );
        const accounts = new Map(rows.map((r) => [r.account_id, r]));
        const refuse = (accountId: string): boolean => {
          const account = accounts.get(accountId);
          if (account?.active) return false;
          result.refused++;
          this.metrics.refused.inc({ platform, reason: account ? 'inactive_account' : 'unknown_account' });
          return true;
        };
        const changed = new Set<string>();
        for (const m of messages) {
          if (refuse(m.accountId)) continue;
          const r = await ConversationStore.recordInbound(sql, accounts.get(m.accountId)!.id, m, now);
          if (r.duplicate) result.duplicates++;
          else result.stored++;
          // STOP / BERHENTI (START / MULAI) alone: no more milestones (or again), from this message's transaction on.
          const keyword = r.duplicate ? null : optOutKeyword(m.text);
          if (keyword && (await applyOptOut(sql, r.conversationId, keyword === 'OUT', m.platformMessageId, now))) changed.add(r.conversationId);
          if (r.changed) changed.add(r.conversationId);
        }
        for (const s of statuses) {
          if (refuse(s.accountId)) continue;
          if (await ConversationStore.applyStatus(sql, s)) result.statusesApplied++;
          else result.statusesStale++;
        }
        await ConversationStore.announce(sql, [...changed], 'message', now);
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
