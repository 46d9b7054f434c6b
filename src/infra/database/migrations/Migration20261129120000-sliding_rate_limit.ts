import { Migration } from '@mikro-orm/migrations';

export class Migration20261129120000_sliding_rate_limit extends Migration {

  override async up(): Promise<void> {
    // Sliding logs replace the fixed-window counters (src/infra/security/rate-limiter.ts): one row per
    // key with its limit + 1 newest hits. The counters are not carried over: at most one window of
    // counts is forgotten.
    this.addSql(`create table "rate_limit_log" ("key" text not null, "hits" timestamptz[] not null, "last_hit_at" timestamptz not null, constraint "rate_limit_log_pkey" primary key ("key"));`);
    this.addSql(`create index "rate_limit_log_last_hit_at_idx" on "rate_limit_log" ("last_hit_at");`);
    this.addSql(`drop table if exists "rate_limit_bucket" cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create table "rate_limit_bucket" ("key" text not null, "window_start" timestamptz not null, "count" int not null, constraint "rate_limit_bucket_pkey" primary key ("key", "window_start"));`);
    this.addSql(`create index "rate_limit_bucket_window_start_idx" on "rate_limit_bucket" ("window_start");`);
    this.addSql(`drop table if exists "rate_limit_log" cascade;`);
  }

}
