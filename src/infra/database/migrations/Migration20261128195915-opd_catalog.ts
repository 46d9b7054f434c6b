import { Migration } from '@mikro-orm/migrations';

export class Migration20261128195915_opd_catalog extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "opd" ("code" text not null, "name_id" text not null, "name_en" text not null, "description_id" text not null, "description_en" text not null, "contacts" jsonb not null, "coverage_districts" jsonb null, "onboarding_status" text not null, "go_live_date" date not null, "policy" jsonb not null, "in_code" boolean not null default true, "version" int not null default 1, "definition_hash" text not null, "synced_at" timestamptz not null, constraint "opd_pkey" primary key ("code"));`);

    this.addSql(`create table "opd_category" ("code" text not null, "opd_code" text not null, "name_id" text not null, "name_en" text not null, "name_id_override" text null, "name_en_override" text null, "description_id" text null, "description_en" text null, "default_kind" text not null, "default_priority" text not null, "field_response" boolean not null, "keywords" jsonb not null, "attributes" jsonb not null, "admin_active" boolean not null default true, "in_code" boolean not null default true, "version" int not null default 1, "definition_hash" text not null, "updated_at" timestamptz not null, constraint "opd_category_pkey" primary key ("code"));`);
    this.addSql(`create index "opd_category_opd_idx" on "opd_category" ("opd_code");`);

    this.addSql(`create table "opd_category_version" ("category_code" text not null, "version" int not null, "change" text check ("change" in ('CODE_SYNC', 'CODE_REMOVED', 'ADMIN_RENAME', 'ADMIN_DEACTIVATE', 'ADMIN_ACTIVATE')) not null, "actor_id" text null, "snapshot" jsonb not null, "recorded_at" timestamptz not null, constraint "opd_category_version_pkey" primary key ("category_code", "version"));`);

    this.addSql(`alter table "opd_category" add constraint "opd_category_opd_code_foreign" foreign key ("opd_code") references "opd" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "ticket" add column "attributes" jsonb not null default '{}';`);
    this.addSql(`alter table "ticket" add constraint "ticket_category_code_foreign" foreign key ("category_code") references "opd_category" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "ticket" add constraint "ticket_opd_code_foreign" foreign key ("opd_code") references "opd" ("code") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "opd_category" drop constraint "opd_category_opd_code_foreign";`);

    this.addSql(`alter table "ticket" drop constraint "ticket_opd_code_foreign";`);

    this.addSql(`alter table "ticket" drop constraint "ticket_category_code_foreign";`);

    this.addSql(`drop table if exists "opd" cascade;`);

    this.addSql(`drop table if exists "opd_category" cascade;`);

    this.addSql(`drop table if exists "opd_category_version" cascade;`);

    this.addSql(`alter table "ticket" drop column "attributes";`);
  }

}
