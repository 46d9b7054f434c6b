import { Migration } from '@mikro-orm/migrations';

/**
 * The SLA board lists the open emergencies; without this index it read every
 * timeline ever written (a parallel scan of ticket_sla, 3 s at 1M tickets in
 * `npm run bench:queries`). The predicate is OPEN_EMERGENCY_SQL of the board.
 */
export class Migration20261203120000_sla_board_emergencies extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "ticket_sla_open_emergency_idx" on "ticket_sla" ("ticket_id") where (timeline->'context'->>'kind') = 'EMERGENCY' and (timeline->'states'->-1->>'state') not in ('RESOLVED', 'CLOSED', 'ANSWERED', 'REJECTED', 'DUPLICATE');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "ticket_sla_open_emergency_idx";`);
  }

}
