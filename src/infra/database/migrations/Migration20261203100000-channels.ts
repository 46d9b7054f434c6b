import { Migration } from '@mikro-orm/migrations';

// Social-media intake (issue 13): the official-account registry, one
// conversation per (account, sender), the messages in and out (deduped on the
// platform's message id), and the channel's audit trail. Telegram joins the
// ticket's social platforms so a Telegram conversation can become a ticket.
export class Migration20261203100000_channels extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "official_account" ("id" uuid not null, "platform" text check ("platform" in ('WHATSAPP', 'MESSENGER', 'INSTAGRAM', 'TELEGRAM')) not null, "account_id" text not null, "display_name" text not null, "decree_ref" text null, "active" boolean not null default true, "created_by" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "official_account_pkey" primary key ("id"));`);
    this.addSql(`alter table "official_account" add constraint "official_account_platform_account_unique" unique ("platform", "account_id");`);

    this.addSql(`create table "channel_conversation" ("id" uuid not null, "account_id" uuid not null, "sender_handle" text not null, "sender_name" text null, "language" text null, "state" text check ("state" in ('WAITING', 'CLAIMED', 'CLOSED')) not null default 'WAITING', "claimed_by" text null, "claimed_at" timestamptz null, "waiting_since" timestamptz null, "first_response_at" timestamptz null, "last_inbound_at" timestamptz null, "last_outbound_at" timestamptz null, "ticket_id" uuid null, "opted_out" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "last_event_seq" int not null default 0, constraint "channel_conversation_pkey" primary key ("id"));`);
    this.addSql(`create index "channel_conversation_ticket_idx" on "channel_conversation" ("ticket_id");`);
    this.addSql(`create index "channel_conversation_state_waiting_idx" on "channel_conversation" ("state", "waiting_since");`);
    this.addSql(`alter table "channel_conversation" add constraint "channel_conversation_account_sender_unique" unique ("account_id", "sender_handle");`);

    this.addSql(`create table "channel_message" ("id" uuid not null, "conversation_id" uuid not null, "platform" text check ("platform" in ('WHATSAPP', 'MESSENGER', 'INSTAGRAM', 'TELEGRAM')) not null, "direction" text check ("direction" in ('IN', 'OUT')) not null, "platform_message_id" text null, "kind" text check ("kind" in ('TEXT', 'LOCATION', 'IMAGE', 'AUDIO', 'VIDEO', 'DOCUMENT', 'STICKER', 'CONTACTS', 'TEMPLATE', 'OTHER')) not null, "text" text null, "location_latitude" double precision null, "location_longitude" double precision null, "location_name" text null, "location_address" text null, "attachment_ref" text null, "attachment_mime_type" text null, "status" text check ("status" in ('QUEUED', 'SENT', 'DELIVERED', 'READ', 'FAILED')) null, "status_rank" int null, "status_at" timestamptz null, "status_detail" text null, "template_name" text null, "sent_by" text null, "idempotency_key" text null, "created_at" timestamptz not null, "received_at" timestamptz null, constraint "channel_message_pkey" primary key ("id"));`);
    this.addSql(`alter table "channel_message" add constraint "channel_message_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "channel_message_conversation_idx" on "channel_message" ("conversation_id", "created_at", "id");`);
    // The dedupe of at-least-once deliveries: inserts use ON CONFLICT on this key.
    this.addSql(`alter table "channel_message" add constraint "channel_message_platform_id_unique" unique ("platform", "platform_message_id");`);

    this.addSql(`create table "channel_event" ("id" uuid not null, "account_id" uuid not null, "conversation_id" uuid null, "seq" int null, "type" text check ("type" in ('ACCOUNT_REGISTERED', 'ACCOUNT_UPDATED', 'ACCOUNT_DEACTIVATED', 'OPENED', 'REOPENED', 'CLAIMED', 'RELEASED', 'CLOSED', 'FIRST_RESPONSE', 'TICKET_LINKED', 'OPTED_OUT', 'OPTED_IN')) not null, "from_state" text check ("from_state" in ('WAITING', 'CLAIMED', 'CLOSED')) null, "to_state" text check ("to_state" in ('WAITING', 'CLAIMED', 'CLOSED')) null, "actor_id" text not null, "occurred_at" timestamptz not null, "payload" jsonb not null default '{}', constraint "channel_event_pkey" primary key ("id"));`);
    this.addSql(`create index "channel_event_account_idx" on "channel_event" ("account_id", "occurred_at");`);
    this.addSql(`alter table "channel_event" add constraint "channel_event_conversation_seq_unique" unique ("conversation_id", "seq");`);

    this.addSql(`alter table "channel_conversation" add constraint "channel_conversation_account_id_foreign" foreign key ("account_id") references "official_account" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "channel_message" add constraint "channel_message_conversation_id_foreign" foreign key ("conversation_id") references "channel_conversation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "channel_event" add constraint "channel_event_account_id_foreign" foreign key ("account_id") references "official_account" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "channel_event" add constraint "channel_event_conversation_id_foreign" foreign key ("conversation_id") references "channel_conversation" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "ticket" drop constraint if exists "ticket_channel_platform_check";`);
    this.addSql(`alter table "ticket" add constraint "ticket_channel_platform_check" check("channel_platform" in ('FACEBOOK', 'INSTAGRAM', 'X', 'TIKTOK', 'YOUTUBE', 'WHATSAPP', 'TELEGRAM', 'OTHER'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ticket" drop constraint if exists "ticket_channel_platform_check";`);
    this.addSql(`alter table "ticket" add constraint "ticket_channel_platform_check" check("channel_platform" in ('FACEBOOK', 'INSTAGRAM', 'X', 'TIKTOK', 'YOUTUBE', 'WHATSAPP', 'OTHER'));`);
    this.addSql(`drop table if exists "channel_event" cascade;`);
    this.addSql(`drop table if exists "channel_message" cascade;`);
    this.addSql(`drop table if exists "channel_conversation" cascade;`);
    this.addSql(`drop table if exists "official_account" cascade;`);
  }

}
