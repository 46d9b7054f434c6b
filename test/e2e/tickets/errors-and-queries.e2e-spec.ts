import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import {
  ACTORS,
  CODES,
  expectGraphqlError,
  expectResult,
  HOUR,
  MINUTE,
  DAY,
  ref,
  ReportInput,
  TicketApi,
  TicketView,
} from './ticket-api';

// Two kinds of "no": expected refusals come back as typed results the screen
// branches on; malformed requests are GraphQL errors with a stable code and a
// message a developer can act on. Neither may ever be a masked INTERNAL.

const POTHOLE: ReportInput = {
  kind: 'COMPLAINT',
  channel: 'PHONE',
  description: 'Jalan berlubang besar di depan SD 2 Tamanbali',
  descriptionLanguage: 'id',
  location: { district: 'BANGLI' },
};

describe('refusals and errors', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    t = await startTestApp();
    api = new TicketApi(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  /** A complaint the roads office has accepted, at a fresh clock minute. */
  async function acknowledgedComplaint(): Promise<TicketView> {
    let ticket = await api.createTicket(POTHOLE);
    api.advance(MINUTE);
    ticket = await api.change('triageTicket', { ...ref(ticket), kind: 'COMPLAINT', categoryCode: CODES.roadCategory, opdCode: CODES.roadsOpd, fieldResponse: false });
    api.advance(MINUTE);
    ticket = await api.change('dispatchTicket', ref(ticket));
    api.advance(MINUTE);
    return api.change('acknowledgeTicket', ref(ticket), ACTORS.roadsOfficer);
  }

  it('answers a stale expectedVersion with VersionConflict and the current version, changing nothing', async () => {
    const created = await api.createTicket(POTHOLE);
    api.advance(MINUTE);
    await api.change('triageTicket', { ...ref(created), kind: 'COMPLAINT', categoryCode: CODES.roadCategory, opdCode: CODES.roadsOpd });
    api.advance(MINUTE);
    // A second call taker still looks at version 1.
    const conflict = expectResult(await api.command('rejectTicket', { ...ref(created), reason: 'Laporan ganda' }), 'VersionConflict');
    expect(conflict).toMatchObject({ ticketId: created.id, currentVersion: 2 });
    expect(conflict.message).toMatch(/reload/);
    expect(await api.ticket(created.id)).toMatchObject({ state: 'TRIAGED', version: 2, rejectedAt: null });
  });

  it('moves the version on for every change, even two changes within one millisecond', async () => {
    // Two staff members annotating at the same instant (or any clock that
    // does not tick between commands): each note is a change of its own.
    const created = await api.createTicket(POTHOLE);
    const first = await api.change('addNote', { ...ref(created), text: 'Pelapor: lubang sedalam 30 cm' });
    expect(first.version).toBe(2);
    const second = await api.command('addNote', { ...ref(first), text: 'Sudah ada motor jatuh' });
    expect(expectResult(second, 'TicketChanged').ticket.version).toBe(3);
    expect((await api.ticket(created.id))?.events.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('answers an unknown ticket id with TicketNotFound', async () => {
    const id = randomUUID();
    const missing = expectResult(await api.command('holdTicket', { ticketId: id, expectedVersion: 1, reason: 'menunggu foto' }), 'TicketNotFound');
    expect(missing.ref).toBe(id);
    expect(missing.message).toContain(id);
  });

  it('refuses an empty resolution note in validation, and a blank one in the lifecycle', async () => {
    const ticket = await acknowledgedComplaint();

    const empty = expectGraphqlError(await api.raw('resolveTicket', { ...ref(ticket), note: '' }, ACTORS.roadsOfficer), 'BAD_USER_INPUT');
    expect(empty.extensions?.problems).toEqual(['note must be longer than or equal to 1 characters']);
    expect(empty.message).toMatch(/^note /);

    const blank = expectResult(await api.command('resolveTicket', { ...ref(ticket), note: '   ' }, ACTORS.roadsOfficer), 'IllegalTransition');
    expect(blank).toMatchObject({ from: 'ACKNOWLEDGED', command: 'RESOLVE', reason: 'MISSING_INPUT' });
    expect(blank.message).toMatch(/requires non-empty input: note/);

    // Desk work without a field response may be resolved straight from ACKNOWLEDGED.
    const resolved = await api.change('resolveTicket', { ...ref(ticket), note: 'Lubang ditambal sementara' }, ACTORS.roadsOfficer);
    expect(resolved).toMatchObject({ state: 'RESOLVED', version: ticket.version + 1, fieldResponse: false });
  });

  it('lists every intake problem at once and creates nothing', async () => {
    const before = (await api.list({})).totalCount;
    const result = await api.create({
      kind: 'COMPLAINT',
      channel: 'SOCIAL_MEDIA',
      channelAccount: '@pemkabbangli',
      description: 'Sampah menumpuk di Jalan Merdeka',
      descriptionLanguage: 'id',
      reporter: { phone: '0812', nik: '5106 0123 4567' },
      reportedAt: new Date(t.clock.now().getTime() + 10 * MINUTE).toISOString(),
    });
    const invalid = expectResult(result, 'InvalidTicketInput');
    expect(invalid.problems).toEqual([
      'reportedAt is in the future',
      expect.stringMatching(/^reporter\.phone "0812" is not a valid phone number/),
      'reporter.nik must be 16 digits',
      expect.stringMatching(/^a social-media report needs channelPlatform and channelAccount/),
    ]);
    expect(invalid.message).toBe(invalid.problems.join('; '));
    expect((await api.list({})).totalCount).toBe(before);
  });

  it('accepts the same report once its problems are fixed (NIK with spaces, platform given)', async () => {
    const ticket = await api.createTicket({
      ...POTHOLE,
      channel: 'SOCIAL_MEDIA',
      channelPlatform: 'INSTAGRAM',
      channelAccount: '@pemkabbangli',
      reporter: { phone: '+62 812-3456-7890', nik: '5106 0123 4567 8901' },
    });
    expect(ticket).toMatchObject({ channelPlatform: 'INSTAGRAM', reporter: { phone: '+6281234567890', nik: '5106012345678901' } });
  });

  it('refuses a create without credentials as UNAUTHENTICATED', async () => {
    const res = await t.gql(`mutation($input: CreateTicketInput!) { createTicket(input: $input) { __typename } }`, { input: POTHOLE }, null);
    const error = expectGraphqlError(res, 'UNAUTHENTICATED');
    expect(error.message).toMatch(/Log in first/);
    expect(error.extensions?.reason).toBe('MISSING');
  });

  it('refuses a malformed ticket id as BAD_USER_INPUT naming the field', async () => {
    const error = expectGraphqlError(await api.raw('holdTicket', { ticketId: 'BGL-2026-000001', expectedVersion: 1, reason: 'x' }), 'BAD_USER_INPUT');
    expect(error.extensions?.problems).toEqual(['ticketId must be a ticket id (UUID)']);
  });

  describe('idempotent creation', () => {
    const key = 'ct-ayu:2026-11-28:call-0042';

    it('returns the same ticket, created false, for a retry with the same key', async () => {
      const before = (await api.list({})).totalCount;
      const first = expectResult(await api.create(POTHOLE, { key }), 'TicketCreated');
      expect(first.created).toBe(true);
      // The retry arrives later (a timeout on the call taker's side).
      api.advance(30_000);
      const retry = expectResult(await api.create(POTHOLE, { key }), 'TicketCreated');
      expect(retry.created).toBe(false);
      expect(retry.ticket).toMatchObject({ id: first.ticket.id, number: first.ticket.number, version: 1, reportedAt: first.ticket.reportedAt });
      expect((await api.list({})).totalCount).toBe(before + 1);
    });

    it('refuses another report under the same key with IdempotencyKeyReused', async () => {
      const reused = expectResult(await api.create({ ...POTHOLE, description: 'Lampu jalan mati' }, { key }), 'IdempotencyKeyReused');
      expect(reused.key).toBe(key);
      expect(reused.message).toContain(key);
    });

    it('answers a retry with the original ticket even when the report would no longer be accepted', async () => {
      // Replay comes first: a retry after the reportedAt window (30 days) passed must not become InvalidTicketInput.
      const lateKey = 'ct-ayu:2026-11-28:call-0043';
      const old = { ...POTHOLE, description: 'Jalan amblas di Kayubihi', reportedAt: new Date(Date.parse(api.now()) - 29 * DAY).toISOString() };
      const first = expectResult(await api.create(old, { key: lateKey }), 'TicketCreated');
      api.advance(2 * DAY);
      const retry = expectResult(await api.create(old, { key: lateKey }), 'TicketCreated');
      expect({ created: retry.created, id: retry.ticket.id }).toEqual({ created: false, id: first.ticket.id });
    });

    it('refuses a key that is not one as BAD_USER_INPUT', async () => {
      const res = await t.gql(`mutation($input: CreateTicketInput!) { createTicket(input: $input, idempotencyKey: "x y") { __typename } }`, { input: POTHOLE });
      expect(expectGraphqlError(res, 'BAD_USER_INPUT').message).toMatch(/idempotencyKey/);
    });
  });
});

describe('ticket queries', () => {
  let t: TestApp;
  let api: TicketApi;
  /** The data set, by name; its own database, so counts are exact. */
  const tk: Record<string, TicketView> = {};

  beforeAll(async () => {
    t = await startTestApp();
    api = new TicketApi(t);
    const ago = (ms: number): string => new Date(t.clock.now().getTime() - ms).toISOString();
    tk.pothole = await api.createTicket({ ...POTHOLE, categoryCode: CODES.roadCategory, reportedAt: ago(3 * HOUR) });
    tk.drain = await api.createTicket({ ...POTHOLE, description: 'Saluran air tersumbat di Banjar Kawan', reportedAt: ago(3 * HOUR) });
    tk.fire = await api.createTicket({
      kind: 'EMERGENCY', channel: 'PHONE', description: 'Kebakaran semak di lereng Gunung Batur', descriptionLanguage: 'id',
      categoryCode: CODES.fireCategory, opdCode: CODES.fireOpd, attributes: [{ code: 'PEOPLE_TRAPPED', values: ['UNKNOWN'] }],
      location: { district: 'KINTAMANI' }, reportedAt: ago(2 * HOUR),
    });
    const info = await api.recordInformationRequest({
      kind: 'INFORMATION', channel: 'WALK_IN', description: 'Jam buka kantor Dukcapil', descriptionLanguage: 'id',
      location: { district: 'SUSUT' }, reportedAt: ago(HOUR), answer: 'Senin-Jumat 08.00-15.00',
    });
    tk.info = expectResult(info, 'TicketCreated').ticket;
    const parking = await api.createTicket({
      ...POTHOLE, description: 'Parkir liar menutup jalan menuju Penelokan', location: { district: 'KINTAMANI' }, reportedAt: ago(30 * MINUTE),
    });
    tk.parking = await api.change('triageTicket', { ...ref(parking), kind: 'COMPLAINT', categoryCode: CODES.parkingCategory });
    const lamp = await api.createTicket({ ...POTHOLE, description: 'Lampu jalan mati', location: { district: 'TEMBUKU' }, reportedAt: ago(2 * DAY) });
    tk.lamp = await api.change('rejectTicket', { ...ref(lamp), reason: 'Sudah dilaporkan lewat Open311' });
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  const names = (page: { edges: Array<{ node: { id: string } }> }): string[] =>
    page.edges.map((e) => Object.keys(tk).find((name) => tk[name]?.id === e.node.id) ?? e.node.id);

  it('finds a ticket by its number, in any case, and answers null for an unknown one', async () => {
    const fire = tk.fire;
    expect((await api.ticketByNumber(fire.number))?.id).toBe(fire.id);
    expect((await api.ticketByNumber(` ${fire.number.toLowerCase()} `))?.id).toBe(fire.id);
    expect(await api.ticketByNumber('BGL-2026-999999')).toBeNull();
    expect(await api.ticket(randomUUID())).toBeNull();
  });

  it('wants exactly one of id and number', async () => {
    const res = await t.gql(`query { ticket { id } }`);
    expect(expectGraphqlError(res, 'BAD_USER_INPUT').message).toBe('Give exactly one of id and number');
  });

  const newest = (hours: number): string => new Date(Date.parse('2026-11-28T02:00:00Z') - hours * HOUR).toISOString();
  it.each<[string, Record<string, unknown>, string[]]>([
    ['no filter, newest report first', {}, ['parking', 'info', 'fire', '?', '?', 'lamp']],
    ['states', { states: ['ANSWERED', 'REJECTED'] }, ['info', 'lamp']],
    ['kinds', { kinds: ['EMERGENCY'] }, ['fire']],
    ['opdCode routed at intake', { opdCode: CODES.fireOpd }, ['fire']],
    ['opdCode routed at triage', { opdCode: CODES.trafficOpd }, ['parking']],
    ['district, in any case', { district: 'kintamani' }, ['parking', 'fire']],
    ['kinds and district together', { kinds: ['COMPLAINT'], district: 'KINTAMANI' }, ['parking']],
    ['reportedFrom inclusive, reportedTo exclusive', { reportedFrom: newest(2), reportedTo: newest(0.5) }, ['info', 'fire']],
    ['a word of the description', { text: 'berlubang' }, ['pothole']],
    ['a word in another case', { text: 'PARKIR' }, ['parking']],
    ['two words, both required', { text: 'lampu mati' }, ['lamp']],
    ['a word nowhere', { text: 'gempa' }, []],
  ])('filters tickets: %s', async (_name, filter, expected) => {
    const page = await api.list({ filter });
    expect(page.totalCount).toBe(expected.length);
    const got = names(page);
    // pothole and drain share their report time, so their order is the id
    // tiebreak: '?' in the expectation stands for either of them.
    const tie = expected.includes('?');
    expect(got.map((n) => (tie && (n === 'pothole' || n === 'drain') ? '?' : n))).toEqual(expected);
  });

  it.each(['REPORTED_AT_DESC', 'REPORTED_AT_ASC'])('pages through %s with cursors: no overlap, no gap, constant totalCount', async (sort) => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let pageNo = 1; pageNo <= 3; pageNo += 1) {
      const page = await api.list({ sort, first: 2, after });
      expect(page.totalCount).toBe(6);
      expect(page.edges).toHaveLength(2);
      expect(page.pageInfo.hasNextPage).toBe(pageNo < 3);
      expect(page.pageInfo.endCursor).toBe(page.edges[1]?.cursor);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.endCursor ?? undefined;
    }
    const all = await api.list({ sort, first: 100 });
    // Same order as one big page, so the tie between pothole and drain is split correctly.
    expect(seen).toEqual(all.edges.map((e) => e.node.id));
    expect(new Set(seen).size).toBe(6);
  });

  it.each([
    ['a word', 'garbage'],
    ['base64 of an object', Buffer.from('{"a":1}').toString('base64url')],
    ['base64 of wrong values', Buffer.from('["yesterday","not-an-id"]').toString('base64url')],
    ['base64 of too few values', Buffer.from('[1]').toString('base64url')],
  ])('refuses a garbage after cursor (%s) as BAD_USER_INPUT', async (_name, after) => {
    const error = expectGraphqlError(await api.listRaw({ first: 2, after }), 'BAD_USER_INPUT');
    expect(error.message).toMatch(/after/);
  });

  it('refuses a page size out of range as BAD_USER_INPUT', async () => {
    expect(expectGraphqlError(await api.listRaw({ first: 0 }), 'BAD_USER_INPUT').message).toMatch(/first must be from 1 to 100/);
  });
});
