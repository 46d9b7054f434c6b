import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { CODES, expectGraphqlError, MINUTE, ref, ReportInput, TicketApi, TicketView } from '../tickets/ticket-api';

// Wall screens and field tablets: open tickets with the next SLA breach
// first, and clients that poll for what changed since their last look, page
// by page with the cursor.

const LIST = `query L($filter: TicketFilterInput, $sort: TicketSort!, $first: Int! = 20, $after: String) {
  tickets(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id number state nextDueAt updatedAt version } } } }`;
const SLA = `query Sla($id: ID) { ticket(id: $id) { nextDueAt sla { state dueAt } } }`;

const ROAD: ReportInput = {
  kind: 'COMPLAINT', channel: 'PHONE', description: 'Jalan rusak', descriptionLanguage: 'id', categoryCode: CODES.roadCategory,
  location: { district: 'BANGLI', village: 'Kawan' },
};
const FIRE: ReportInput = {
  kind: 'EMERGENCY', channel: 'PHONE', description: 'Kebakaran rumah warga', descriptionLanguage: 'id', categoryCode: CODES.fireCategory,
  attributes: [{ code: 'PEOPLE_TRAPPED', values: ['NO'] }], location: { district: 'BANGLI', village: 'Kawan' },
};

describe('SLA order and polling over POST /graphql', () => {
  let t: TestApp;
  let api: TicketApi;
  let road: TicketView;
  let fire: TicketView;
  let held: TicketView;
  let closed: TicketView;
  const list = async (variables: Record<string, unknown>): Promise<any> => {
    const res = await t.gql<any>(LIST, variables);
    expect(res.body.errors).toBeUndefined();
    return res.body.data.tickets;
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = new TicketApi(t);
    t.clock.set('2026-12-02T01:00:00Z');
    road = await api.createTicket(ROAD);
    api.advance(10 * MINUTE);
    fire = await api.createTicket(FIRE);
    held = await api.createTicket({ ...ROAD, description: 'Jalan rusak, menunggu foto' });
    held = await api.change('holdTicket', { ...ref(held), reason: 'menunggu foto dari pelapor' });
    closed = await api.change('rejectTicket', { ...ref(await api.createTicket({ ...ROAD, description: 'tes' })), reason: 'Laporan tes' });
    api.advance(MINUTE);
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t?.close(), BOOT_TIMEOUT_MS);

  it('puts the next breach first, keeps tickets without a running clock last, and leaves out finished ones', async () => {
    const due = async (id: string): Promise<string | null> => {
      const ticket = (await t.gql<any>(SLA, { id })).body.data.ticket;
      const running = ticket.sla.filter((c: any) => c.state !== 'PAUSED' && c.state !== 'STOPPED' && c.state !== 'CANCELLED' && c.dueAt).map((c: any) => c.dueAt).sort();
      expect(ticket.nextDueAt).toBe(running[0] ?? null);
      return ticket.nextDueAt;
    };
    const [roadDue, fireDue, heldDue] = [await due(road.id), await due(fire.id), await due(held.id)];
    expect(heldDue).toBeNull();
    expect(Date.parse(fireDue!)).toBeLessThan(Date.parse(roadDue!));

    const page = await list({ filter: { open: true }, sort: 'DUE_SOONEST' });
    expect(page.edges.map((e: any) => e.node.id)).toEqual([fire.id, road.id, held.id]);
    expect(page.totalCount).toBe(3);
    const finished = await list({ filter: { open: false }, sort: 'DUE_SOONEST' });
    expect(finished.edges.map((e: any) => e.node.id)).toEqual([closed.id]);

    // One at a time with the cursor: the same order, nothing twice, nothing lost.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const one: any = await list({ filter: { open: true }, sort: 'DUE_SOONEST', first: 1, after });
      seen.push(...one.edges.map((e: any) => e.node.id));
      after = one.pageInfo.hasNextPage ? one.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([fire.id, road.id, held.id]);
  });

  it('moves a ticket in the order when its clocks change (resumed from hold)', async () => {
    await api.change('resumeTicket', ref(held));
    const page = await list({ filter: { open: true }, sort: 'DUE_SOONEST' });
    const resumed = page.edges.find((e: any) => e.node.id === held.id).node;
    expect(resumed.nextDueAt).not.toBeNull();
    const dues = page.edges.map((e: any) => Date.parse(e.node.nextDueAt));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
  });

  it('serves what changed since a time, oldest change first, page by page', async () => {
    const since = api.advance(5 * MINUTE);
    expect((await list({ filter: { updatedSince: since }, sort: 'UPDATED_AT_ASC' })).edges).toEqual([]);
    await api.change('addNote', { ...ref((await api.ticket(road.id))!), text: 'pelapor menelepon lagi' });
    api.advance(MINUTE);
    await api.change('addNote', { ...ref((await api.ticket(fire.id))!), text: 'damkar berangkat' });

    const first = await list({ filter: { updatedSince: since }, sort: 'UPDATED_AT_ASC', first: 1 });
    expect(first.edges.map((e: any) => e.node.id)).toEqual([road.id]);
    expect(first.totalCount).toBe(2);
    // A change while the client pages: the ticket comes again later, never lost.
    api.advance(MINUTE);
    await api.change('addNote', { ...ref((await api.ticket(road.id))!), text: 'foto dikirim' });
    const rest = await list({ filter: { updatedSince: since }, sort: 'UPDATED_AT_ASC', after: first.pageInfo.endCursor });
    expect(rest.edges.map((e: any) => e.node.id)).toEqual([fire.id, road.id]);
    expectGraphqlError(await t.gql(LIST, { filter: { updatedSince: 'yesterday' }, sort: 'UPDATED_AT_ASC' }), 'BAD_USER_INPUT');
  });
});
