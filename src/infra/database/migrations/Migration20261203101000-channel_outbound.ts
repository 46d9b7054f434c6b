import { Migration } from '@mikro-orm/migrations';

// Social-media intake, outbound half (issue 13): the channel's outbox queue
// (one row per logical message, unique dedupe key, leased by the dispatcher
// with FOR UPDATE SKIP LOCKED) and the messages Sigap sends citizens, per key
// and language, seeded in Indonesian and English and editable by admins.
export class Migration20261203101000_channel_outbound extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "channel_outbound_queue" ("id" uuid not null, "position" bigserial not null, "dedupe_key" text not null, "message_id" uuid not null, "conversation_id" uuid not null, "purpose" text check ("purpose" in ('REPLY', 'MILESTONE')) not null, "milestone" text null, "text" text not null, "template_name" text null, "template_language" text null, "template_parameters" jsonb null, "status" text check ("status" in ('PENDING', 'SENT', 'DEAD', 'CANCELLED')) not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "leased_until" timestamptz null, "lease_token" uuid null, "last_error" text null, "created_at" timestamptz not null, "sent_at" timestamptz null, "dead_at" timestamptz null, constraint "channel_outbound_queue_pkey" primary key ("id"));`);
    this.addSql(`alter table "channel_outbound_queue" add constraint "channel_outbound_queue_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`alter table "channel_outbound_queue" add constraint "channel_outbound_queue_message_id_unique" unique ("message_id");`);
    // The dispatcher claims due pending rows, oldest due first.
    this.addSql(`create index "channel_outbound_queue_due_idx" on "channel_outbound_queue" ("next_attempt_at") where "status" = 'PENDING';`);
    // One conversation's messages go out in order: a pending row waits for earlier pending rows of its conversation.
    this.addSql(`create index "channel_outbound_queue_pending_order_idx" on "channel_outbound_queue" ("conversation_id", "position") where "status" = 'PENDING';`);
    this.addSql(`create index "channel_outbound_queue_conversation_idx" on "channel_outbound_queue" ("conversation_id", "created_at");`);
    this.addSql(`alter table "channel_outbound_queue" add constraint "channel_outbound_queue_message_id_foreign" foreign key ("message_id") references "channel_message" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "channel_outbound_queue" add constraint "channel_outbound_queue_conversation_id_foreign" foreign key ("conversation_id") references "channel_conversation" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "channel_template" ("id" uuid not null, "key" text not null, "language" text not null, "body" text not null, "whatsapp_name" text null, "updated_by" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "channel_template_pkey" primary key ("id"));`);
    this.addSql(`alter table "channel_template" add constraint "channel_template_key_language_unique" unique ("key", "language");`);
    // The defaults: WhatsApp templates of these names must be approved in WhatsApp Manager with the same text (docs/channels.md).
    const seeds: Array<[string, string, string, string]> = [
      ['RECEIVED', 'id', 'Laporan Anda sudah kami terima dengan nomor {{ticketNumber}}. Simpan nomor ini untuk menanyakan perkembangannya.', 'sigap_received'],
      ['RECEIVED', 'en', 'We have received your report. Its number is {{ticketNumber}}; keep it to ask about its progress.', 'sigap_received'],
      ['ROUTED', 'id', 'Laporan {{ticketNumber}} sudah diteruskan ke {{opdName}} untuk ditindaklanjuti.', 'sigap_routed'],
      ['ROUTED', 'en', 'Report {{ticketNumber}} has been passed to {{opdName}} for action.', 'sigap_routed'],
      ['ON_SITE', 'id', 'Petugas {{opdName}} sudah tiba di lokasi laporan {{ticketNumber}}.', 'sigap_on_site'],
      ['ON_SITE', 'en', '{{opdName}} staff have arrived at the location of report {{ticketNumber}}.', 'sigap_on_site'],
      ['RESOLVED', 'id', 'Laporan {{ticketNumber}} sudah selesai ditangani. Terima kasih atas laporan Anda.', 'sigap_resolved'],
      ['RESOLVED', 'en', 'Report {{ticketNumber}} has been resolved. Thank you for reporting.', 'sigap_resolved'],
      ['FOLLOW_UP', 'id', 'Petugas Sigap ingin melanjutkan percakapan tentang laporan Anda. Balas pesan ini untuk melanjutkan.', 'sigap_follow_up'],
      ['FOLLOW_UP', 'en', 'A Sigap officer would like to continue the conversation about your report. Reply to this message to continue.', 'sigap_follow_up'],
    ];
    for (const [key, language, body, whatsappName] of seeds) {
      this.addSql(
        `insert into "channel_template" ("id", "key", "language", "body", "whatsapp_name", "updated_by", "created_at", "updated_at") values (gen_random_uuid(), '${key}', '${language}', '${body.replace(/'/g, "''")}', '${whatsappName}', 'system', now(), now());`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "channel_template" cascade;`);
    this.addSql(`drop table if exists "channel_outbound_queue" cascade;`);
  }

}
