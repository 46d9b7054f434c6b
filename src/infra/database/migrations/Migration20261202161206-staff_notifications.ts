import { Migration } from '@mikro-orm/migrations';

export class Migration20261202161206_staff_notifications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "staff_notification" ("id" uuid not null, "user_id" uuid not null, "message_id" uuid not null, "topic" text not null, "ticket_id" uuid null, "ticket_number" text null, "title" text not null, "body" text not null, "severity" text check ("severity" in ('INFO', 'EMERGENCY', 'WARNING', 'BREACH')) not null, "created_at" timestamptz not null, "read_at" timestamptz null, constraint "staff_notification_pkey" primary key ("id"));`);
    // The unread count of one user, without reading what was read.
    this.addSql(`create index "staff_notification_unread_idx" on "staff_notification" ("user_id") where "read_at" is null;`);
    // notificationsFor(messageIds): a published batch's notifications, for pushing to screens.
    this.addSql(`create index "staff_notification_message_idx" on "staff_notification" ("message_id");`);
    // One user's inbox, newest first, a page at a time.
    this.addSql(`create index "staff_notification_inbox_idx" on "staff_notification" ("user_id", "created_at", "id");`);
    // Once per person and message, however many relays deliver it (insert … on conflict do nothing).
    this.addSql(`alter table "staff_notification" add constraint "staff_notification_once_unique" unique ("user_id", "message_id");`);

    this.addSql(`alter table "staff_notification" add constraint "staff_notification_user_id_foreign" foreign key ("user_id") references "staff_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "staff_notification" cascade;`);
  }

}
