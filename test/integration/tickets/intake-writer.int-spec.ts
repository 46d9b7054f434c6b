import { MikroORM } from '@mikro-orm/postgresql';
import { NUMBER_SQL, TICKET_COLUMNS } from '../../../src/core/ticket/application/ticket-intake.writer';
import { formatTicketNumber, ticketNumberHead } from '../../../src/core/ticket/domain/ticket-number';
import { Ticket } from '../../../src/core/ticket/domain/ticket.entity';
import { buildOrmOptions } from '../../../src/bootstrap/mikro-orm.options';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';

// The intake writes tickets with its own SQL for speed; if the entity gains a
// column, the writer must learn it too, or new tickets would silently miss it.
describe('the intake writer and the Ticket entity', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(buildOrmOptions(db.url, 2));
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  }, BOOT_TIMEOUT_MS);

  it('writes every column the entity maps, except the generated search column', () => {
    const meta = orm.getMetadata().get(Ticket.name);
    const mapped = Object.values(meta.properties)
      // An embeddable's own property is not a column; its flattened properties are.
      .filter((p) => p.persist !== false && !p.generated && p.kind !== 'embedded')
      .flatMap((p) => p.fieldNames ?? []);
    expect(TICKET_COLUMNS.map(([column]) => column).sort()).toEqual([...new Set(mapped)].sort());
  });

  it('names only columns that exist in the migrated table', async () => {
    const rows = await orm.em
      .fork()
      .getConnection()
      .execute<Array<{ column_name: string }>>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'ticket' AND is_generated = 'NEVER'`,
      );
    expect(TICKET_COLUMNS.map(([column]) => column).sort()).toEqual(rows.map((r) => r.column_name).sort());
  });

  it('pads the sequence it draws in SQL exactly as formatTicketNumber does', async () => {
    const reportedAt = new Date('2026-12-31T17:00:00Z'); // already 2027 in Bali
    const head = ticketNumberHead('BGL', reportedAt, 'Asia/Makassar');
    for (const sequence of [1, 42, 999_999, 1_000_000, 12_345_678]) {
      const [row] = await orm.em
        .fork()
        .getConnection()
        .execute<Array<{ number: string }>>(`SELECT ${NUMBER_SQL.replace('$1', '?')} AS number FROM (SELECT cast(? AS bigint) AS s) AS drawn`, [head, sequence]);
      expect(row.number).toBe(formatTicketNumber('BGL', reportedAt, sequence, 'Asia/Makassar'));
    }
  });
});
