import { Migration } from '@mikro-orm/migrations';

// The ticket states the lifecycle does not mark terminal (CLOSED, ANSWERED, REJECTED and DUPLICATE
// are). The partial indexes below hold only open tickets, so they stay the size of the open work,
// not of the archive; the queries repeat this list literally so the planner can use them
// (test/integration/lookup-indexes.int-spec.ts checks the list against the lifecycle).
const OPEN = `"state" in ('NEW', 'TRIAGED', 'DISPATCHED', 'ACKNOWLEDGED', 'EN_ROUTE', 'ON_SITE', 'RESOLVED', 'RETURNED', 'ON_HOLD')`;

export class Migration20261202171000_caller_lookup extends Migration {

  override async up(): Promise<void> {
    // Shipped with every PostgreSQL (contrib) and with the embedded server; trusted since PostgreSQL 13,
    // so a database owner without superuser may create them.
    this.addSql(`create extension if not exists "pg_trgm";`);
    this.addSql(`create extension if not exists "cube";`);
    this.addSql(`create extension if not exists "earthdistance";`);

    // Caller lookup: a caller's tickets newest first, from the index alone whatever the table's size.
    this.addSql(`create index "ticket_reporter_phone_idx" on "ticket" ("reporter_phone", "reported_at" desc, "id" desc) where "reporter_phone" is not null;`);

    // Duplicate candidates: open tickets near a point, or in a village.
    this.addSql(`create index "ticket_open_place_idx" on "ticket" using gist (ll_to_earth("location_latitude", "location_longitude")) where ${OPEN} and "location_latitude" is not null and "location_longitude" is not null;`);
    this.addSql(`create index "ticket_open_village_idx" on "ticket" ("location_district", lower("location_village"), "reported_at") where ${OPEN} and "location_village" is not null;`);

    // The SLA board order: the earliest due time of a running clock, kept on the ticket by the
    // ticket domain from what the SLA engine reports in the same transaction. Tickets without a
    // running clock carry 2199-12-31 (cursor values must not be null), so they sort last.
    this.addSql(`alter table "ticket" add column "sla_next_due_at" timestamptz not null default '2199-12-31T00:00:00Z';`);
    this.addSql(`update "ticket" t set "sla_next_due_at" = c."due"
                   from (select "ticket_id", min("due_at") as "due" from "ticket_sla_clock"
                          where "status" = 'RUNNING' and "due_at" is not null group by "ticket_id") c
                  where c."ticket_id" = t."id";`);
    // Every writer sets it (the intake and the ORM): no default to drift from.
    this.addSql(`alter table "ticket" alter column "sla_next_due_at" drop default;`);
    this.addSql(`create index "ticket_sla_next_due_idx" on "ticket" ("sla_next_due_at", "id");`);

    // Repeated prank or hoax callers: one row per flag, cleared rather than deleted (the history).
    this.addSql(`create table "caller_flag" ("id" uuid not null, "phone" text not null, "reason" text not null, "flagged_by" text not null, "flagged_by_role" text not null, "flagged_at" timestamptz not null, "cleared_by" text null, "cleared_at" timestamptz null, "clear_reason" text null, constraint "caller_flag_pkey" primary key ("id"));`);
    this.addSql(`create index "caller_flag_phone_idx" on "caller_flag" ("phone", "flagged_at");`);
    this.addSql(`create unique index "caller_flag_active_unique" on "caller_flag" ("phone") where "cleared_at" is null;`);

    // The access log also records caller lookups: by phone, with or without a ticket.
    this.addSql(`alter table "reporter_access_log" alter column "ticket_id" drop not null;`);
    this.addSql(`alter table "reporter_access_log" add column "reporter_phone" text null;`);

    // Optional per-category duplicate rule from the OPD module (radius, time window, related categories).
    this.addSql(`alter table "opd_category" add column "duplicate_rule" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "opd_category" drop column "duplicate_rule";`);
    this.addSql(`alter table "reporter_access_log" drop column "reporter_phone";`);
    this.addSql(`delete from "reporter_access_log" where "ticket_id" is null;`);
    this.addSql(`alter table "reporter_access_log" alter column "ticket_id" set not null;`);
    this.addSql(`drop table if exists "caller_flag";`);
    this.addSql(`drop index if exists "ticket_sla_next_due_idx";`);
    this.addSql(`alter table "ticket" drop column "sla_next_due_at";`);
    this.addSql(`drop index if exists "ticket_open_village_idx";`);
    this.addSql(`drop index if exists "ticket_open_place_idx";`);
    this.addSql(`drop index if exists "ticket_reporter_phone_idx";`);
    // The extensions stay: other objects may use them.
  }

}
