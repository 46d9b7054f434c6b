import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { ACTORS, CODES, DAY, expectGraphqlError, HOUR, MINUTE, ref, ReportInput, TicketApi, TicketView } from '../tickets/ticket-api';

// While a pothole is being reported, the call taker sees the open reports
// that may be the same hole: near it (or in the same village), recent enough,
// of the same or a related category, with a score and the reasons in words.
// Then markDuplicate merges the later report into the first one.

const CANDIDATES = `query D($draft: DuplicateDraftInput!, $limit: Int! = 10) { duplicateCandidates(draft: $draft, limit: $limit) {
  radiusMeters windowHours
  candidates { id number state categoryCode distanceMeters textSimilarity score reasons village } } }`;
const STATUS = `query S($number: String!) { ticketStatus(number: $number) { number state duplicateOfNumber } }`;
const SLA = `query Sla($id: ID) { ticket(id: $id) { id reportedAt nextDueAt sla { metric state dueAt } } }`;

// Jalan Merdeka, Bangli town.
const HERE = { latitude: -8.4540, longitude: 115.3549 };
// 1 degree of latitude is 111.2 km on the sphere earthdistance uses.
const north = (meters: number): { latitude: number; longitude: number } => ({ latitude: HERE.latitude + meters / 111_195, longitude: HERE.longitude });
const POTHOLE: ReportInput = {
  kind: 'COMPLAINT',
  channel: 'PHONE',
  description: 'Lubang besar di Jalan Merdeka depan toko emas, motor hampir jatuh',
  descriptionLanguage: 'id',
  categoryCode: CODES.roadCategory,
  location: { district: 'BANGLI', village: 'Kawan', ...HERE },
};

describe('duplicate candidates over POST /graphql', () => {
  let t: TestApp;
  let api: TicketApi;
  let first: TicketView;
  let far: TicketView;
  let old: TicketView;
  beforeAll(async () => {
    t = await startTestApp({}, undefined);
    api = new TicketApi(t);
    t.clock.set('2026-12-01T00:00:00Z');
    old = await api.createTicket({ ...POTHOLE, description: 'Jalan berlubang lama di Jalan Merdeka' });
    api.advance(3 * DAY);
    far = await api.createTicket({ ...POTHOLE, location: { district: 'BANGLI', village: 'Cempaga', ...north(2000) } });
    first = await api.createTicket(POTHOLE);
    api.advance(40 * MINUTE);
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t?.close(), BOOT_TIMEOUT_MS);

  const draft = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    categoryCode: CODES.roadCategory, kind: 'COMPLAINT', ...north(120), description: 'Ada lubang di jalan Merdeka dekat toko emas', reportedAt: api.now(), ...extra,
  });

  it('finds the report 120 m away with a score and reasons, not the one 2 km away nor the one outside the window', async () => {
    const res = await t.gql<any>(CANDIDATES, { draft: draft() });
    expect(res.body.errors).toBeUndefined();
    const found = res.body.data.duplicateCandidates;
    expect(found).toMatchObject({ radiusMeters: 500, windowHours: 48 });
    expect(found.candidates.map((c: any) => c.number)).toEqual([first.number]);
    const [candidate] = found.candidates;
    expect(candidate.distanceMeters).toBeGreaterThanOrEqual(115);
    expect(candidate.distanceMeters).toBeLessThanOrEqual(125);
    expect(candidate.reasons.slice(0, 3)).toEqual(['120 m away', 'same category', '40 min ago']);
    expect(candidate.score).toBeGreaterThan(0.5);
    expect(candidate.score).toBeLessThanOrEqual(1);
    expect(found.candidates.map((c: any) => c.id)).not.toContain(far.id);
    expect(found.candidates.map((c: any) => c.id)).not.toContain(old.id);
  });

  it('finds by village when the caller cannot give coordinates, and an older report only inside the window', async () => {
    const byVillage = (await t.gql<any>(CANDIDATES, { draft: draft({ latitude: null, longitude: null, district: 'bangli', village: 'KAWAN' }) })).body.data.duplicateCandidates;
    expect(byVillage.candidates.map((c: any) => c.number)).toEqual([first.number]);
    expect(byVillage.candidates[0].reasons).toContain('same village');
    // The old one is found when the draft is back within its 48 hours.
    const back = (await t.gql<any>(CANDIDATES, { draft: draft({ reportedAt: new Date(Date.parse(old.reportedAt) + 47 * HOUR).toISOString() }) })).body.data.duplicateCandidates;
    expect(back.candidates.map((c: any) => c.number)).toContain(old.number);
  });

  it('leaves out another category unless the description is alike, and finished tickets', async () => {
    const other = (await t.gql<any>(CANDIDATES, { draft: draft({ categoryCode: CODES.parkingCategory, description: 'Parkir liar di trotoar' }) })).body.data.duplicateCandidates;
    expect(other.candidates).toEqual([]);
    const alike = (await t.gql<any>(CANDIDATES, { draft: draft({ categoryCode: CODES.parkingCategory, description: POTHOLE.description }) })).body.data.duplicateCandidates;
    expect(alike.candidates.map((c: any) => c.number)).toEqual([first.number]);
    expect(alike.candidates[0].reasons).toContainEqual(expect.stringMatching(/^similar description \(\d+ %\)$/));
    const rejected = await api.change('rejectTicket', { ...ref(await api.createTicket({ ...POTHOLE, location: { district: 'BANGLI', village: 'Kawan', ...north(100) } })), reason: 'Laporan tes' });
    const open = (await t.gql<any>(CANDIDATES, { draft: draft() })).body.data.duplicateCandidates;
    expect(open.candidates.map((c: any) => c.id)).not.toContain(rejected.id);
  });

  it('refuses a draft without a place, or half a coordinate', async () => {
    expectGraphqlError(await t.gql(CANDIDATES, { draft: { categoryCode: CODES.roadCategory } }), 'BAD_USER_INPUT');
    expectGraphqlError(await t.gql(CANDIDATES, { draft: { latitude: HERE.latitude } }), 'BAD_USER_INPUT');
    expectGraphqlError(await t.gql(CANDIDATES, { draft: draft(), limit: 51 }), 'BAD_USER_INPUT');
  });

  it('markDuplicate keeps the first report and its clocks, and tells the later reporter its number', async () => {
    const before = (await t.gql<any>(SLA, { id: first.id })).body.data.ticket;
    const later = await api.createTicket({ ...POTHOLE, location: { district: 'BANGLI', village: 'Kawan', ...north(120) } });
    api.advance(MINUTE);
    const merged = await api.change('markDuplicate', { ...ref(later), duplicateOfId: first.id });
    expect(merged.events[merged.events.length - 1].payload).toEqual({ duplicateOfId: first.id, duplicateOfNumber: first.number });

    const after = (await t.gql<any>(SLA, { id: first.id })).body.data.ticket;
    expect(after.reportedAt).toBe(first.reportedAt);
    expect(after.sla).toEqual(before.sla);
    expect(after.nextDueAt).toBe(before.nextDueAt);
    const status = (await t.gql<any>(STATUS, { number: later.number }, null)).body.data.ticketStatus;
    expect(status).toEqual({ number: later.number, state: 'DUPLICATE', duplicateOfNumber: first.number });
    const merger = (await t.gql<any>(CANDIDATES, { draft: draft() })).body.data.duplicateCandidates;
    expect(merger.candidates.map((c: any) => c.id)).not.toContain(later.id);
  });

  it('moves the clocks of the survivor back when the later-entered report was made earlier', async () => {
    const entered = await api.createTicket({ ...POTHOLE, description: 'Lubang di jalan, ban bocor', location: { district: 'BANGLI', village: 'Kawan', ...north(60) } });
    const called = await api.createTicket({ ...POTHOLE, reportedAt: new Date(Date.parse(entered.reportedAt) - 20 * MINUTE).toISOString() }, ACTORS.supervisor);
    const running = (s: any[]): Array<[string, string]> => s.filter((c) => c.dueAt !== null && c.state !== 'CANCELLED' && c.state !== 'STOPPED').map((c) => [c.metric, c.dueAt]);
    // Same category and kind: the earlier call's own clocks are what the survivor's must become.
    const earlierClocks = running((await t.gql<any>(SLA, { id: called.id })).body.data.ticket.sla);
    const laterClocks = running((await t.gql<any>(SLA, { id: entered.id })).body.data.ticket.sla);
    expect(earlierClocks.length).toBeGreaterThan(0);
    expect(laterClocks).not.toEqual(earlierClocks);
    await api.change('markDuplicate', { ...ref(called), duplicateOfId: entered.id });
    const survivor = (await t.gql<any>(SLA, { id: entered.id })).body.data.ticket;
    expect(survivor.reportedAt).toBe(called.reportedAt);
    expect(running(survivor.sla)).toEqual(earlierClocks);
    const earliestDue = Math.min(...earlierClocks.map(([, due]) => Date.parse(due)));
    expect(Date.parse(survivor.nextDueAt)).toBe(earliestDue);
  });
});
