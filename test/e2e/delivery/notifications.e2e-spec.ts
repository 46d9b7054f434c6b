import { OutboxRelay } from '../../../src/core/delivery';
import { SlaSweeper } from '../../../src/core/sla/sweeper/sla-sweeper';
import { ManualClock } from '../../support/manual-clock';
import { GraphqlResponse, startTestApp, TestActor, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { ACTORS, CODES, expectGraphqlError, HOUR, MINUTE, ref, TicketApi, TicketView } from '../tickets/ticket-api';

// A house fire nobody reaches in time, told to the people who must act:
// the fire brigade's officers when it is dispatched, its head and every
// command-centre supervisor when the on-site clock breaches, after a real
// SLA sweep and a real relay run. Each reads and marks only their own
// notifications over POST /graphql.

const SUPERVISOR_2: TestActor = { userId: 'spv-komang', role: 'SUPERVISOR' };
const DAMKAR_HEAD: TestActor = { userId: 'kadis-damkar', role: 'OPD_HEAD', opdCode: CODES.fireOpd };
const AUDITOR: TestActor = { userId: 'auditor-sari', role: 'AUDITOR' };

const MY = `query My($unreadOnly: Boolean, $first: Int, $after: String) { myNotifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
  unreadCount hasNextPage endCursor nodes { id messageId topic ticketId ticketNumber title body severity createdAt readAt } } }`;
const MARK = 'mutation M($id: ID!) { markNotificationRead(id: $id) { id readAt } }';
const MARK_ALL = 'mutation { markAllNotificationsRead }';

interface Note { id: string; messageId: string; topic: string; ticketId: string | null; ticketNumber: string | null; title: string; body: string; severity: string; createdAt: string; readAt: string | null }
interface Page { unreadCount: number; hasNextPage: boolean; endCursor: string | null; nodes: Note[] }

function data<T>(res: GraphqlResponse<T>): T {
  if (res.body.errors?.length || !res.body.data) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body.errors ?? res.body, null, 2)}`);
  return res.body.data;
}

describe('staff notifications over POST /graphql', () => {
  let t: TestApp;
  let api: TicketApi;
  let fire: TicketView;
  const T0 = new Date('2026-11-28T02:00:00Z');

  const my = async (actor: TestActor, variables: Record<string, unknown> = {}): Promise<Page> => data(await t.gql<{ myNotifications: Page }>(MY, variables, actor)).myNotifications;

  async function relayAll(): Promise<void> {
    for (;;) {
      const result = await t.app.get(OutboxRelay).relayOnce();
      expect(result.failed).toBe(0);
      if (result.published === 0) return;
    }
  }

  beforeAll(async () => {
    t = await startTestApp({}, new ManualClock(T0));
    api = new TicketApi(t);
    // Recipients are the accounts that exist when the relay delivers: these people are on staff already.
    for (const actor of [ACTORS.supervisor, SUPERVISOR_2, ACTORS.damkarOfficer, ACTORS.damkarUnit, DAMKAR_HEAD, ACTORS.roadsOfficer, AUDITOR]) {
      data(await t.gql('{ me { id } }', {}, actor));
    }
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t?.close(), BOOT_TIMEOUT_MS);

  it('tells the fire brigade\'s officers that a ticket was routed to them, and no other OPD', async () => {
    const created = await api.createTicket({ kind: 'EMERGENCY', channel: 'PHONE', description: 'Rumah terbakar di Desa Songan, api membesar', descriptionLanguage: 'id', reporter: { name: 'Ketut Sudarma', phone: '0812-3456-7890' } });
    t.clock.advance(2 * MINUTE);
    const triaged = await api.change('triageTicket', { ...ref(created), kind: 'EMERGENCY', categoryCode: CODES.fireCategory, attributes: [{ code: 'PEOPLE_TRAPPED', values: ['NO'] }] });
    t.clock.advance(MINUTE);
    fire = await api.change('dispatchTicket', ref(triaged), ACTORS.supervisor);
    await relayAll();

    const officer = await my(ACTORS.damkarOfficer);
    expect(officer.unreadCount).toBe(1);
    expect(officer.nodes).toEqual([expect.objectContaining({
      topic: 'ticket.dispatch', ticketId: fire.id, ticketNumber: fire.number, severity: 'EMERGENCY', createdAt: t.clock.now().toISOString(), readAt: null,
    })]);
    // Never the reporter's name or phone.
    expect(JSON.stringify(officer.nodes)).not.toMatch(/Ketut|Sudarma|812/);
    expect((await my(ACTORS.roadsOfficer)).nodes).toEqual([]);
    // Field units are told by the SLA ladder, not by routing.
    expect((await my(ACTORS.damkarUnit)).nodes).toEqual([]);
  }, 60_000);

  it('tells every supervisor and the brigade\'s head of the emergency\'s on-site breach, after the sweep and the relay', async () => {
    // The building-fire policy wants the brigade on site 45 minutes after the report: an hour later it has breached.
    t.clock.set(new Date(T0.getTime() + HOUR));
    await t.app.get(SlaSweeper).sweepOnce(t.clock.now());
    await relayAll();

    for (const actor of [ACTORS.supervisor, SUPERVISOR_2, DAMKAR_HEAD]) {
      const breaches = (await my(actor)).nodes.filter((n) => n.topic === 'sla.breached' && n.ticketId === fire.id);
      expect(breaches.map((n) => ({ severity: n.severity, number: n.ticketNumber }))).toContainEqual({ severity: 'BREACH', number: fire.number });
      const onSite = breaches.find((n) => /tiba di lokasi/.test(n.body));
      expect(onSite).toBeDefined();
      expect(onSite!.title).toMatch(/^DARURAT/);
    }
    // Another OPD's officer hears nothing of it.
    expect((await my(ACTORS.roadsOfficer)).nodes).toEqual([]);
  }, 60_000);

  it('pages newest first with a cursor, and filters the unread', async () => {
    const all = await my(ACTORS.supervisor, { first: 100 });
    expect(all.nodes.length).toBeGreaterThanOrEqual(2);
    expect(all.unreadCount).toBe(all.nodes.length);
    const sorted = [...all.nodes].sort((a, b) => (b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)));
    expect(all.nodes.map((n) => n.id)).toEqual(sorted.map((n) => n.id));

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await my(ACTORS.supervisor, { first: 1, after });
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(all.nodes.map((n) => n.id));

    expectGraphqlError(await t.gql(MY, { after: 'not-a-cursor' }, ACTORS.supervisor), 'BAD_USER_INPUT');
    expectGraphqlError(await t.gql(MY, { first: 0 }, ACTORS.supervisor), 'BAD_USER_INPUT');
  }, 60_000);

  it('marks one of your own notifications read, once; another person\'s is not found', async () => {
    const [first] = (await my(ACTORS.supervisor)).nodes;
    const before = (await my(ACTORS.supervisor)).unreadCount;

    // Someone else's notification does not exist for you: NOT_FOUND, not FORBIDDEN, and it stays unread.
    expectGraphqlError(await t.gql(MARK, { id: first.id }, SUPERVISOR_2), 'NOT_FOUND');
    expectGraphqlError(await t.gql(MARK, { id: first.id }, AUDITOR), 'NOT_FOUND');
    expectGraphqlError(await t.gql(MARK, { id: '00000000-0000-4000-8000-000000000000' }, ACTORS.supervisor), 'NOT_FOUND');
    expectGraphqlError(await t.gql(MARK, { id: 'nonsense' }, ACTORS.supervisor), 'NOT_FOUND');
    expect((await my(ACTORS.supervisor)).unreadCount).toBe(before);

    const readAt = t.clock.advance(MINUTE).toISOString();
    expect(data(await t.gql<{ markNotificationRead: { id: string; readAt: string } }>(MARK, { id: first.id }, ACTORS.supervisor)).markNotificationRead).toEqual({ id: first.id, readAt });
    t.clock.advance(MINUTE);
    // A second call keeps the first time.
    expect(data(await t.gql<{ markNotificationRead: { readAt: string } }>(MARK, { id: first.id }, ACTORS.supervisor)).markNotificationRead.readAt).toBe(readAt);

    const after = await my(ACTORS.supervisor);
    expect(after.unreadCount).toBe(before - 1);
    expect((await my(ACTORS.supervisor, { unreadOnly: true })).nodes.map((n) => n.id)).not.toContain(first.id);
    // The other supervisor's own copy is untouched.
    expect((await my(SUPERVISOR_2)).unreadCount).toBe(before);
  }, 60_000);

  it('marks all your notifications read, and nobody else\'s', async () => {
    const others = (await my(SUPERVISOR_2)).unreadCount;
    const mine = (await my(ACTORS.supervisor)).unreadCount;
    expect(data(await t.gql<{ markAllNotificationsRead: number }>(MARK_ALL, {}, ACTORS.supervisor)).markAllNotificationsRead).toBe(mine);
    expect(await my(ACTORS.supervisor, { unreadOnly: true })).toMatchObject({ unreadCount: 0, nodes: [], hasNextPage: false, endCursor: null });
    expect(data(await t.gql<{ markAllNotificationsRead: number }>(MARK_ALL, {}, ACTORS.supervisor)).markAllNotificationsRead).toBe(0);
    expect((await my(SUPERVISOR_2)).unreadCount).toBe(others);
    // Somebody with nothing to read gets an empty page.
    expect(await my(AUDITOR)).toEqual({ unreadCount: 0, hasNextPage: false, endCursor: null, nodes: [] });
  }, 60_000);
});
