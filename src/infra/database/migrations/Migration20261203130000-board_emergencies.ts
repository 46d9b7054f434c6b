import { Migration } from '@mikro-orm/migrations';

/**
 * The SLA board's open emergencies, read from the ticket table in the board's
 * order (soonest running due time, then newest report) through a partial index
 * that holds only open, unresolved emergencies: the board reads its first 200
 * entries, however many are stored. It replaces the timeline index of
 * sla_board_emergencies, which found them but had to sort them all (0.6 s at
 * 31,000 open emergencies, `npm run bench:queries`). The predicate is
 * ACTIVE_EMERGENCY_SQL of the ticket domain.
 */
export class Migration20261203130000_board_emergencies extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "ticket_sla_open_emergency_idx";`);
    this.addSql(`create index "ticket_active_emergency_idx" on "ticket" ("sla_next_due_at", "reported_at" desc, "id") where "kind" = 'EMERGENCY' and "state" in ('NEW', 'TRIAGED', 'DISPATCHED', 'ACKNOWLEDGED', 'EN_ROUTE', 'ON_SITE', 'RETURNED', 'ON_HOLD');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "ticket_active_emergency_idx";`);
    this.addSql(`create index "ticket_sla_open_emergency_idx" on "ticket_sla" ("ticket_id") where (timeline->'context'->>'kind') = 'EMERGENCY' and (timeline->'states'->-1->>'state') not in ('RESOLVED', 'CLOSED', 'ANSWERED', 'REJECTED', 'DUPLICATE');`);
  }

}
