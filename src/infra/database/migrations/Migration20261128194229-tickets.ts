import { Migration } from '@mikro-orm/migrations';

export class Migration20261128194229_tickets extends Migration {

  override async up(): Promise<void> {
    // Ticket numbers: a sequence never blocks concurrent intakes (a counter row
    // would serialise them); a rolled-back create leaves a gap, which is fine.
    this.addSql(`create sequence "ticket_number_seq" as bigint start 1;`);
    this.addSql(`create table "outbox_message" ("id" uuid not null, "topic" text not null, "aggregate_type" text not null, "aggregate_id" uuid not null, "payload" jsonb not null, "created_at" timestamptz not null, "published_at" timestamptz null, "attempts" int not null default 0, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_message_unpublished_idx" on "outbox_message" ("created_at") where "published_at" is null;`);

    this.addSql(`create table "ticket" ("id" uuid not null, "number" text not null, "kind" text check ("kind" in ('INFORMATION', 'COMPLAINT', 'EMERGENCY')) not null, "priority" text check ("priority" in ('LOW', 'NORMAL', 'HIGH', 'URGENT')) not null, "state" text check ("state" in ('NEW', 'TRIAGED', 'DISPATCHED', 'ACKNOWLEDGED', 'EN_ROUTE', 'ON_SITE', 'RESOLVED', 'CLOSED', 'ANSWERED', 'REJECTED', 'DUPLICATE', 'RETURNED', 'ON_HOLD')) not null default 'NEW', "held_from" text check ("held_from" in ('NEW', 'TRIAGED', 'DISPATCHED', 'ACKNOWLEDGED', 'EN_ROUTE', 'ON_SITE', 'RESOLVED', 'CLOSED', 'ANSWERED', 'REJECTED', 'DUPLICATE', 'RETURNED', 'ON_HOLD')) null, "field_response" boolean not null, "channel" text check ("channel" in ('PHONE', 'SOCIAL_MEDIA', 'WEB', 'OPEN311', 'WALK_IN', 'OPD_SYSTEM')) not null, "channel_platform" text check ("channel_platform" in ('FACEBOOK', 'INSTAGRAM', 'X', 'TIKTOK', 'YOUTUBE', 'WHATSAPP', 'OTHER')) null, "channel_account" text null, "channel_reference" text null, "reporter_name" text null, "reporter_phone" text null, "reporter_email" text null, "reporter_language" text null, "reporter_nik" text null, "reporter_anonymous" boolean not null default false, "reporter_confidential" boolean not null default false, "location_latitude" double precision null, "location_longitude" double precision null, "location_address" text null, "location_district" text null, "location_village" text null, "location_landmark" text null, "category_code" text null, "opd_code" text null, "description" text not null, "description_language" text not null, "translation" text null, "translation_language" text null, "attachments" jsonb not null default '[]', "tags" text[] not null default '{}', "assigned_unit" text null, "assigned_officer" text null, "duplicate_of_id" uuid null, "outcome_note" text null, "reopen_count" int not null default 0, "reported_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "created_by" text not null, "triaged_at" timestamptz null, "dispatched_at" timestamptz null, "acknowledged_at" timestamptz null, "departed_at" timestamptz null, "on_site_at" timestamptz null, "resolved_at" timestamptz null, "closed_at" timestamptz null, "answered_at" timestamptz null, "rejected_at" timestamptz null, "idempotency_key" text null, "idempotency_hash" text null, "version" int not null default 1, "search" tsvector generated always as (to_tsvector('simple', number || ' ' || description || ' ' || coalesce(translation, '') || ' ' || coalesce(location_address, '') || ' ' || coalesce(location_village, '') || ' ' || coalesce(location_landmark, ''))) stored, constraint "ticket_pkey" primary key ("id"));`);
    this.addSql(`alter table "ticket" add constraint "ticket_number_unique" unique ("number");`);
    this.addSql(`alter table "ticket" add constraint "ticket_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "ticket_search_idx" on "ticket" using gin ("search");`);
    this.addSql(`create index "ticket_duplicate_of_idx" on "ticket" ("duplicate_of_id");`);
    this.addSql(`create index "ticket_channel_idx" on "ticket" ("channel");`);
    this.addSql(`create index "ticket_kind_priority_idx" on "ticket" ("kind", "priority");`);
    this.addSql(`create index "ticket_district_idx" on "ticket" ("location_district");`);
    this.addSql(`create index "ticket_category_idx" on "ticket" ("category_code");`);
    this.addSql(`create index "ticket_updated_idx" on "ticket" ("updated_at", "id");`);
    this.addSql(`create index "ticket_reported_idx" on "ticket" ("reported_at", "id");`);
    this.addSql(`create index "ticket_opd_state_idx" on "ticket" ("opd_code", "state");`);
    this.addSql(`create index "ticket_state_reported_idx" on "ticket" ("state", "reported_at");`);

    this.addSql(`create table "ticket_event" ("id" uuid not null, "ticket_id" uuid not null, "seq" int not null, "type" text not null, "from_state" text check ("from_state" in ('NEW', 'TRIAGED', 'DISPATCHED', 'ACKNOWLEDGED', 'EN_ROUTE', 'ON_SITE', 'RESOLVED', 'CLOSED', 'ANSWERED', 'REJECTED', 'DUPLICATE', 'RETURNED', 'ON_HOLD')) null, "to_state" text check ("to_state" in ('NEW', 'TRIAGED', 'DISPATCHED', 'ACKNOWLEDGED', 'EN_ROUTE', 'ON_SITE', 'RESOLVED', 'CLOSED', 'ANSWERED', 'REJECTED', 'DUPLICATE', 'RETURNED', 'ON_HOLD')) not null, "actor_id" text not null, "actor_role" text check ("actor_role" in ('CALL_TAKER', 'SUPERVISOR', 'OPD_OFFICER', 'OPD_HEAD', 'FIELD_UNIT', 'ADMIN', 'AUDITOR', 'SYSTEM')) not null, "actor_opd" text null, "occurred_at" timestamptz not null, "payload" jsonb not null default '{}', constraint "ticket_event_pkey" primary key ("id"));`);
    this.addSql(`alter table "ticket_event" add constraint "ticket_event_ticket_seq_unique" unique ("ticket_id", "seq");`);

    this.addSql(`alter table "ticket" add constraint "ticket_duplicate_of_id_foreign" foreign key ("duplicate_of_id") references "ticket" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "ticket_event" add constraint "ticket_event_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ticket" drop constraint "ticket_duplicate_of_id_foreign";`);

    this.addSql(`alter table "ticket_event" drop constraint "ticket_event_ticket_id_foreign";`);

    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`drop table if exists "ticket" cascade;`);

    this.addSql(`drop table if exists "ticket_event" cascade;`);

    this.addSql(`drop sequence if exists "ticket_number_seq";`);
  }

}
