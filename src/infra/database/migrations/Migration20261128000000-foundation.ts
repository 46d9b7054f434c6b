import { Migration } from '@mikro-orm/migrations';

export class Migration20261128000000_foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE district (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_-]{1,31}$'),
        name text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        sort_order smallint NOT NULL DEFAULT 0
      )`);
  }

  override async down(): Promise<void> {
    this.addSql('DROP TABLE district');
  }
}
