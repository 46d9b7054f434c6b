import { Client } from 'pg';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';

// The ticket list at scale: keyset pages stay exact while other connections add tickets (no
// duplicate, no pre-existing ticket skipped, the order kept), and totalCount is counted only as the
// client asks: exact up to 10,000, the planner's estimate above that unless EXACT is asked for.

const PAGE = `query P($filter: TicketFilterInput, $sort: TicketSort!, $after: String) {
  tickets(filter: $filter, sort: $sort, first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id reportedAt } } } }`;
const COUNT = `query C($filter: TicketFilterInput, $mode: TicketCountMode) {
  tickets(filter: $filter, first: 1) { totalCount(mode: $mode) totalCountExact(mode: $mode) } }`;
const COUNT_BOTH = `query C { tickets(first: 1) { estimated: totalCount exact: totalCount(mode: EXACT) estimatedExact: totalCountExact exactExact: totalCountExact(mode: EXACT) } }`;

interface Page {
  tickets: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string; reportedAt: string } }> };
}

const BASE = Date.parse('2026-11-01T00:00:00Z');
const MINUTE = 60_000;

/** Tickets straight into the table (as another instance's intake would commit them): `times` are reported_at in ms. */
async function insertTickets(client: Client, prefix: string, times: readonly number[], district = 'BANGLI'): Promise<void> {
  await client.query(
    `insert into ticket (id, number, kind, priority, state, field_response, channel, description, description_language, location_district,
                         reported_at, created_at, updated_at, created_by, sla_next_due_at)
     select gen_random_uuid(), $1 || '-' || i, 'COMPLAINT', 'NORMAL', 'NEW', false, 'PHONE', 'Jalan rusak', 'id', $3, t, t, t, 'paging-test', '2199-12-31T00:00:00Z'
       from unnest($2::timestamptz[]) with ordinality as u(t, i)`,
    [prefix, times.map((ms) => new Date(ms).toISOString()), district],
  );
}

describe('ticket list: keyset pages under concurrent inserts, and totalCount modes', () => {
  let t: TestApp;
  let writer: Client;

  beforeAll(async () => {
    t = await startTestApp();
    writer = new Client({ connectionString: t.db.url });
    await writer.connect();
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await writer?.end();
    await t?.close();
  }, BOOT_TIMEOUT_MS);

  it.each(['REPORTED_AT_DESC', 'REPORTED_AT_ASC'] as const)('pages %s through every pre-existing ticket exactly once while inserts land before, after and between the cursor', async (sort) => {
    const district = `PAGING_${sort}`;
    // 60 tickets, many sharing a report time (ties are broken by id, which the cursor carries too).
    const before = Array.from({ length: 60 }, (_, i) => BASE + Math.floor(i / 4) * MINUTE);
    await insertTickets(writer, `PRE-${sort}`, before, district);
    const { rows } = await writer.query<{ id: string }>('select id from ticket where location_district = $1', [district]);
    const preexisting = new Set(rows.map((r) => r.id));

    const seen: Array<{ id: string; reportedAt: string }> = [];
    let after: string | null = null;
    for (let page = 0; page < 40; page++) {
      // Another connection inserts while the page is read: at the top, the bottom, and at the very
      // times the pages are crossing (same reported_at as pre-existing tickets, so ids fall both sides).
      const crossing = before[Math.min(before.length - 1, page * 7)];
      const [res] = await Promise.all([
        t.gql<Page>(PAGE, { filter: { district }, sort, after }),
        insertTickets(writer, `NEW-${sort}-${page}`, [BASE - 60 * MINUTE - page, BASE + 600 * MINUTE + page, crossing, crossing, crossing + MINUTE], district),
      ]);
      expect(res.body.errors).toBeUndefined();
      const list: Page['tickets'] = res.body.data!.tickets;
      seen.push(...list.edges.map((e) => e.node));
      if (!list.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    const ids = seen.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const missing = [...preexisting].filter((id) => !ids.includes(id));
    expect(missing).toEqual([]);
    // The order is the sort's (time, then id), across page boundaries too.
    const key = (s: { id: string; reportedAt: string }): string => `${new Date(s.reportedAt).toISOString()}|${s.id}`;
    const expected = [...seen].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    if (sort === 'REPORTED_AT_DESC') expected.reverse();
    expect(seen.map(key)).toEqual(expected.map(key));
  }, BOOT_TIMEOUT_MS);

  it('counts exactly up to 10,000 and estimates above, unless EXACT is asked for', async () => {
    await insertTickets(writer, 'FEW', [BASE, BASE + MINUTE, BASE + 2 * MINUTE], 'FEWTOWN');
    const few = await t.gql<{ tickets: { totalCount: number; totalCountExact: boolean } }>(COUNT, { filter: { district: 'FEWTOWN' } });
    expect(few.body.data!.tickets).toEqual({ totalCount: 3, totalCountExact: true });

    await writer.query(
      `insert into ticket (id, number, kind, priority, state, field_response, channel, description, description_language, location_district,
                           reported_at, created_at, updated_at, created_by, sla_next_due_at)
       select gen_random_uuid(), 'BULK-' || g, 'COMPLAINT', 'NORMAL', 'CLOSED', false, 'PHONE', 'Arsip', 'id', 'BULKTOWN', t, t, t, 'paging-test', '2199-12-31T00:00:00Z'
         from generate_series(1, 12000) g, lateral (select timestamptz '2020-01-01' + g * interval '1 hour' as t) x`,
    );
    await writer.query('analyze ticket');
    const total = Number((await writer.query<{ n: string }>('select count(*) as n from ticket')).rows[0].n);
    const bulk = Number((await writer.query<{ n: string }>(`select count(*) as n from ticket where location_district = 'BULKTOWN'`)).rows[0].n);

    const estimated = await t.gql<{ tickets: { totalCount: number; totalCountExact: boolean } }>(COUNT, { filter: { district: 'BULKTOWN' } });
    expect(estimated.body.errors).toBeUndefined();
    expect(estimated.body.data!.tickets.totalCountExact).toBe(false);
    // An estimate: above the exact bound, near the truth (statistics from a full ANALYZE of a small table).
    expect(estimated.body.data!.tickets.totalCount).toBeGreaterThan(10_000);
    expect(Math.abs(estimated.body.data!.tickets.totalCount - bulk) / bulk).toBeLessThan(0.2);

    const exact = await t.gql<{ tickets: { totalCount: number; totalCountExact: boolean } }>(COUNT, { filter: { district: 'BULKTOWN' }, mode: 'EXACT' });
    expect(exact.body.data!.tickets).toEqual({ totalCount: bulk, totalCountExact: true });

    // Both modes in one selection: each counted its own way.
    const both = await t.gql<{ tickets: { estimated: number; exact: number; estimatedExact: boolean; exactExact: boolean } }>(COUNT_BOTH, {});
    expect(both.body.errors).toBeUndefined();
    expect(both.body.data!.tickets).toMatchObject({ exact: total, exactExact: true, estimatedExact: false });

    // A bad mode is the client's mistake, refused as such.
    const bad = await t.gql(COUNT, { mode: 'ROUGHLY' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }, BOOT_TIMEOUT_MS);
});
