import { Migration } from '@mikro-orm/migrations';

export class Migration20261128230000_rate_limit extends Migration {

  override async up(): Promise<void> {
    // Fixed-window counters shared by every instance (src/infra/security/rate-limiter.ts).
    this.addSql(`create table "rate_limit_bucket" ("key" text not null, "window_start" timestamptz not null, "count" int not null, constraint "rate_limit_bucket_pkey" primary key ("key", "window_start"));`);
    this.addSql(`create index "rate_limit_bucket_window_start_idx" on "rate_limit_bucket" ("window_start");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limit_bucket" cascade;`);
  }

}
