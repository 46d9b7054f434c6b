import { Migration } from '@mikro-orm/migrations';

export class Migration20261128215923_sla_engine extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sla_calendar" ("code" text not null, "name" text not null, "time_zone" text not null, "always_open" boolean not null, "hours" jsonb not null, "version" int not null default 1, "updated_at" timestamptz not null, "updated_by" text not null, constraint "sla_calendar_pkey" primary key ("code"));`);

    this.addSql(`create table "sla_calendar_holiday" ("calendar_code" text not null, "date" date not null, "name" text not null, "source" text not null, "active" boolean not null, "updated_at" timestamptz not null, "updated_by" text not null, constraint "sla_calendar_holiday_pkey" primary key ("calendar_code", "date"));`);

    this.addSql(`create table "sla_policy" ("id" uuid not null, "name" text not null, "opd_code" text null, "category_code" text null, "kind" text null, "priority" text null, "match_key" text not null, "source" text not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "sla_policy_pkey" primary key ("id"));`);
    this.addSql(`alter table "sla_policy" add constraint "sla_policy_match_key_unique" unique ("match_key");`);

    this.addSql(`create table "sla_policy_version" ("policy_id" uuid not null, "version" int not null, "effective_from" timestamptz not null, "active" boolean not null, "metrics" jsonb not null, "note" text null, "created_by" text not null, "created_at" timestamptz not null, constraint "sla_policy_version_pkey" primary key ("policy_id", "version"));`);

    this.addSql(`create table "sla_escalation" ("id" uuid not null, "ticket_id" uuid not null, "metric" text not null, "cycle" int not null, "threshold_pct" int not null, "level" int not null, "opd_code" text null, "notified" jsonb not null, "due_at" timestamptz not null, "recorded_at" timestamptz not null, "acknowledged_at" timestamptz null, "acknowledged_by" text null, constraint "sla_escalation_pkey" primary key ("id"));`);
    this.addSql(`create index "sla_escalation_opd_idx" on "sla_escalation" ("opd_code", "recorded_at");`);
    this.addSql(`create index "sla_escalation_recorded_idx" on "sla_escalation" ("recorded_at", "id");`);
    this.addSql(`alter table "sla_escalation" add constraint "sla_escalation_once_unique" unique ("ticket_id", "metric", "cycle", "threshold_pct");`);

    this.addSql(`create table "ticket_sla" ("ticket_id" uuid not null, "timeline" jsonb not null, "seq" int not null, "updated_at" timestamptz not null, constraint "ticket_sla_pkey" primary key ("ticket_id"));`);

    this.addSql(`create table "ticket_sla_clock" ("ticket_id" uuid not null, "metric" text not null, "cycle" int not null, "status" text not null, "policy_id" uuid null, "policy_version" int null, "calendar_code" text not null, "target_minutes" int not null, "started_at" timestamptz null, "stopped_at" timestamptz null, "elapsed_ms" bigint not null, "running_since" timestamptz null, "due_at" timestamptz null, "breached_at" timestamptz null, "thresholds" jsonb not null, "opd_code" text null, "category_code" text null, "reported_at" timestamptz not null, "fired_pct" int not null default 0, "next_fire_at" timestamptz null, "updated_at" timestamptz not null, constraint "ticket_sla_clock_pkey" primary key ("ticket_id", "metric"));`);
    this.addSql(`create index "ticket_sla_clock_report_idx" on "ticket_sla_clock" ("reported_at", "opd_code");`);
    this.addSql(`create index "ticket_sla_clock_next_fire_idx" on "ticket_sla_clock" ("next_fire_at") where "next_fire_at" is not null;`);

    this.addSql(`alter table "sla_calendar_holiday" add constraint "sla_calendar_holiday_calendar_code_foreign" foreign key ("calendar_code") references "sla_calendar" ("code") on update cascade on delete cascade;`);

    this.addSql(`alter table "sla_policy_version" add constraint "sla_policy_version_policy_id_foreign" foreign key ("policy_id") references "sla_policy" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "sla_escalation" add constraint "sla_escalation_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "ticket_sla" add constraint "ticket_sla_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "ticket_sla_clock" add constraint "ticket_sla_clock_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "ticket_event" add column "context" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sla_calendar_holiday" drop constraint "sla_calendar_holiday_calendar_code_foreign";`);

    this.addSql(`alter table "sla_policy_version" drop constraint "sla_policy_version_policy_id_foreign";`);

    this.addSql(`drop table if exists "sla_calendar" cascade;`);

    this.addSql(`drop table if exists "sla_calendar_holiday" cascade;`);

    this.addSql(`drop table if exists "sla_policy" cascade;`);

    this.addSql(`drop table if exists "sla_policy_version" cascade;`);

    this.addSql(`drop table if exists "sla_escalation" cascade;`);

    this.addSql(`drop table if exists "ticket_sla" cascade;`);

    this.addSql(`drop table if exists "ticket_sla_clock" cascade;`);

    this.addSql(`alter table "ticket_event" drop column "context";`);
  }

}
