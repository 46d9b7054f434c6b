import { Migration } from '@mikro-orm/migrations';

export class Migration20261202160000_outbox_relay extends Migration {

  override async up(): Promise<void> {
    // Insertion order: per ticket it is commit order (ticket writes hold the ticket's lock), so the
    // relay keeps a ticket's messages in this order.
    this.addSql(`alter table "outbox_message" add column "position" bigserial not null;`);
    this.addSql(`alter table "outbox_message" add column "next_attempt_at" timestamptz null;`);
    this.addSql(`update "outbox_message" set "next_attempt_at" = "created_at";`);
    this.addSql(`alter table "outbox_message" alter column "next_attempt_at" set not null;`);
    this.addSql(`alter table "outbox_message" alter column "next_attempt_at" set default now();`);
    this.addSql(`alter table "outbox_message" add column "last_error" text null;`);
    this.addSql(`alter table "outbox_message" add column "dead_at" timestamptz null;`);
    // The published stream: numbered in commit order (one counter row, locked until commit), so a
    // reader that has seen n has seen everything below n. Subscriptions resume from it.
    this.addSql(`alter table "outbox_message" add column "published_seq" bigint null;`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_published_seq_unique" unique ("published_seq");`);
    this.addSql(`drop index if exists "outbox_message_unpublished_idx";`);
    this.addSql(`create index "outbox_message_pending_idx" on "outbox_message" ("position") where "published_at" is null and "dead_at" is null;`);
    this.addSql(`create index "outbox_message_pending_aggregate_idx" on "outbox_message" ("aggregate_id", "position") where "published_at" is null and "dead_at" is null;`);
    this.addSql(`create index "outbox_message_dead_idx" on "outbox_message" ("dead_at") where "dead_at" is not null;`);
    this.addSql(`create index "outbox_message_published_at_idx" on "outbox_message" ("published_at") where "published_at" is not null;`);
    this.addSql(`create table "outbox_stream" ("id" int not null, "last_seq" bigint not null, constraint "outbox_stream_pkey" primary key ("id"), constraint "outbox_stream_one_row" check ("id" = 1));`);
    this.addSql(`insert into "outbox_stream" ("id", "last_seq") values (1, 0);`);
    // Wakes every relay when a message commits (NOTIFY is delivered only at commit, and a
    // transaction's identical notifications collapse into one). The payload carries nothing:
    // relays read the table.
    this.addSql(`create or replace function "outbox_message_notify"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('sigap_outbox', '');
        return null;
      end $$;`);
    this.addSql(`create trigger "outbox_message_notify" after insert on "outbox_message" for each statement execute function "outbox_message_notify"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "outbox_message_notify" on "outbox_message";`);
    this.addSql(`drop function if exists "outbox_message_notify"();`);
    this.addSql(`drop table if exists "outbox_stream";`);
    this.addSql(`drop index if exists "outbox_message_pending_idx";`);
    this.addSql(`drop index if exists "outbox_message_pending_aggregate_idx";`);
    this.addSql(`drop index if exists "outbox_message_dead_idx";`);
    this.addSql(`drop index if exists "outbox_message_published_at_idx";`);
    this.addSql(`alter table "outbox_message" drop constraint if exists "outbox_message_published_seq_unique";`);
    this.addSql(`alter table "outbox_message" drop column "published_seq", drop column "dead_at", drop column "last_error", drop column "next_attempt_at", drop column "position";`);
    this.addSql(`create index "outbox_message_unpublished_idx" on "outbox_message" ("created_at") where "published_at" is null;`);
  }

}
