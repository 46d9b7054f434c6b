import { Migration } from '@mikro-orm/migrations';

export class Migration20261128222413_identity extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_key" ("id" uuid not null, "name" text not null, "prefix" text not null, "secret_hash" text not null, "opd_code" text not null, "permissions" text[] not null, "created_by" text not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);

    this.addSql(`create table "auth_setting" ("key" text not null, "value" text not null, "created_at" timestamptz not null, "expires_at" timestamptz null, constraint "auth_setting_pkey" primary key ("key"));`);

    this.addSql(`create table "reporter_access_log" ("id" uuid not null, "ticket_id" uuid not null, "actor_id" text not null, "actor_role" text not null, "actor_opd" text null, "operation" text not null, "accessed_at" timestamptz not null, constraint "reporter_access_log_pkey" primary key ("id"));`);
    this.addSql(`create index "reporter_access_actor_idx" on "reporter_access_log" ("actor_id", "accessed_at");`);
    this.addSql(`create index "reporter_access_ticket_idx" on "reporter_access_log" ("ticket_id", "accessed_at");`);

    this.addSql(`create table "staff_user" ("id" uuid not null, "username" text not null, "display_name" text not null, "role" text check ("role" in ('CALL_TAKER', 'SUPERVISOR', 'OPD_OFFICER', 'OPD_HEAD', 'FIELD_UNIT', 'ADMIN', 'AUDITOR', 'OPD_SYSTEM', 'SYSTEM')) not null, "opd_code" text null, "languages" text[] not null default '{}', "password_hash" text not null, "active" boolean not null default true, "failed_logins" int not null default 0, "locked_until" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "password_changed_at" timestamptz not null, constraint "staff_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "staff_user" add constraint "staff_user_username_unique" unique ("username");`);

    this.addSql(`create table "auth_session" ("id" uuid not null, "user_id" uuid not null, "refresh_hash" text not null, "previous_refresh_hash" text null, "created_at" timestamptz not null, "refreshed_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "auth_session_pkey" primary key ("id"));`);
    this.addSql(`alter table "auth_session" add constraint "auth_session_refresh_hash_unique" unique ("refresh_hash");`);
    this.addSql(`create index "auth_session_user_idx" on "auth_session" ("user_id");`);

    this.addSql(`alter table "auth_session" add constraint "auth_session_user_id_foreign" foreign key ("user_id") references "staff_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_actor_role_check";`);

    this.addSql(`alter table "ticket_event" add constraint "ticket_event_actor_role_check" check("actor_role" in ('CALL_TAKER', 'SUPERVISOR', 'OPD_OFFICER', 'OPD_HEAD', 'FIELD_UNIT', 'ADMIN', 'AUDITOR', 'OPD_SYSTEM', 'SYSTEM'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "auth_session" drop constraint "auth_session_user_id_foreign";`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "auth_setting" cascade;`);

    this.addSql(`drop table if exists "reporter_access_log" cascade;`);

    this.addSql(`drop table if exists "staff_user" cascade;`);

    this.addSql(`drop table if exists "auth_session" cascade;`);

    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_actor_role_check";`);

    this.addSql(`alter table "ticket_event" add constraint "ticket_event_actor_role_check" check("actor_role" in ('CALL_TAKER', 'SUPERVISOR', 'OPD_OFFICER', 'OPD_HEAD', 'FIELD_UNIT', 'ADMIN', 'AUDITOR', 'SYSTEM'));`);
  }

}
