import { Migration } from '@mikro-orm/migrations';

export class Migration20261202180000_attachments extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "attachment" ("id" uuid not null, "sha256" text not null, "media_type" text not null, "kind" text check ("kind" in ('PHOTO', 'VOICE', 'DOCUMENT')) not null, "size_bytes" int not null, "uploaded_by" text not null, "uploader_role" text not null, "uploader_opd" text null, "created_at" timestamptz not null, "latitude" double precision null, "longitude" double precision null, "ticket_id" uuid null, "bound_seq" int null, "bound_at" timestamptz null, constraint "attachment_pkey" primary key ("id"));`);
    // Whether any row still names a blob, before the cleanup deletes it.
    this.addSql(`create index "attachment_sha256_idx" on "attachment" ("sha256");`);
    // Ticket.files: a page of tickets' attachments, oldest first.
    this.addSql(`create index "attachment_ticket_idx" on "attachment" ("ticket_id", "created_at");`);
    // The cleanup's claim: only unbound rows, oldest first.
    this.addSql(`create index "attachment_unbound_idx" on "attachment" ("created_at") where "ticket_id" is null;`);
    this.addSql(`alter table "attachment" add constraint "attachment_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete no action;`);

    this.addSql(`create table "attachment_url_key" ("id" smallint not null, "secret" text not null, "created_at" timestamptz not null, constraint "attachment_url_key_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "attachment" cascade;`);
    this.addSql(`drop table if exists "attachment_url_key" cascade;`);
  }

}
