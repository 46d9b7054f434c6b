import { Migration } from '@mikro-orm/migrations';

export class Migration20261202190000_open311 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "open311_client" ("id" uuid not null, "name" text not null, "prefix" text not null, "secret_hash" text not null, "rate_limit_per_minute" int null, "created_by" text not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "open311_client_pkey" primary key ("id"));`);
    this.addSql(`alter table "open311_client" add constraint "open311_client_prefix_unique" unique ("prefix");`);
    // GET /servicerequestupdates reads events by time across every ticket.
    this.addSql(`create index "ticket_event_occurred_idx" on "ticket_event" ("occurred_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "ticket_event_occurred_idx";`);
    this.addSql(`drop table if exists "open311_client" cascade;`);
  }

}
