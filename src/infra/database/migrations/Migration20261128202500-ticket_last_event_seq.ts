import { Migration } from '@mikro-orm/migrations';

export class Migration20261128202500_ticket_last_event_seq extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "ticket" add column "last_event_seq" int not null default 1;`);
    // Every ticket's newest event carries its version as seq.
    this.addSql(`update "ticket" set "last_event_seq" = "version";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ticket" drop column "last_event_seq";`);
  }

}
