import { Migration } from '@mikro-orm/migrations';

export class Migration20261202170000_webhooks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "webhook_endpoint" ("id" uuid not null, "opd_code" text not null, "url" text not null, "events" text[] not null, "secret" text not null, "previous_secret" text null, "previous_secret_until" timestamptz null, "disabled_at" timestamptz null, "disabled_reason" text null, "created_by" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "webhook_endpoint_pkey" primary key ("id"));`);
    // The relay's fan-out joins each batch to the active endpoints of the messages' OPDs.
    this.addSql(`create index "webhook_endpoint_opd_active_idx" on "webhook_endpoint" ("opd_code") where "disabled_at" is null;`);

    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "endpoint_id" uuid not null, "message_id" uuid not null, "ticket_id" uuid not null, "position" bigint not null, "topic" text not null, "payload" jsonb not null, "status" text not null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "leased_until" timestamptz null, "lease_token" uuid null, "last_status_code" int null, "last_error" text null, "last_attempt_at" timestamptz null, "delivered_at" timestamptz null, "dead_at" timestamptz null, "created_at" timestamptz not null, constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_message_unique" unique ("endpoint_id", "message_id");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on update cascade on delete cascade;`);
    // The dispatcher claims due pending rows, and checks for an earlier pending one of the same (endpoint, ticket).
    this.addSql(`create index "webhook_delivery_due_idx" on "webhook_delivery" ("next_attempt_at") where "status" = 'PENDING';`);
    this.addSql(`create index "webhook_delivery_pending_order_idx" on "webhook_delivery" ("endpoint_id", "ticket_id", "position") where "status" = 'PENDING';`);
    this.addSql(`create index "webhook_delivery_endpoint_created_idx" on "webhook_delivery" ("endpoint_id", "created_at");`);
    // Retention: finished deliveries are pruned oldest first.
    this.addSql(`create index "webhook_delivery_finished_idx" on "webhook_delivery" ("created_at") where "status" <> 'PENDING';`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);
  }

}
