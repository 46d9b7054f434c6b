import type { Client } from 'graphql-ws';
import { createApp } from '../../../src/bootstrap/app.factory';
import { accessFor, GRANTED_ROLES, OPD_BOUND_ROLES } from '../../../src/core/identity/domain/permissions';
import { ActorRole } from '../../../src/core/actor';
import { API_KEY_OPERATIONS, ApiKeyService } from '../../../src/core/identity/application/api-key.service';
import { startTestApp, TestApp } from '../../support/test-app';
import { authHeaderFor, type TestActor } from '../../support/test-auth';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { listenForSockets, subscribe, wsClient } from '../../support/ws-client';
import { ACTORS, CODES, ref, TicketApi, type TicketView } from '../tickets/ticket-api';

const TICKET_EVENTS = `subscription Events($filter: TicketEventsFilter, $after: String) {
  ticketEvents(filter: $filter, after: $after) { cursor messageId type toState version number opdCode ticket { id number state version } }
}`;

interface Notice {
  cursor: string;
  messageId: string;
  type: string;
  toState: string;
  version: number;
  number: string;
  opdCode: string | null;
  ticket: { id: string; number: string; state: string; version: number } | null;
}

const FIRE_OFFICER: TestActor = ACTORS.damkarOfficer;
const ROADS_OFFICER: TestActor = ACTORS.roadsOfficer;

describe('GraphQL subscriptions over graphql-ws', () => {
  let t: TestApp;
  let api: TicketApi;
  let url: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp({ DELIVERY_RELAY_ENABLED: 'true' });
    api = new TicketApi(t);
    url = await listenForSockets(t.app);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t.close();
  }, BOOT_TIMEOUT_MS);

  async function clientFor(actor: TestActor | null, onClose?: (code: number, reason: string) => void): Promise<Client> {
    const params = actor ? Object.fromEntries([await authHeaderFor(t.app, t.clock, actor)]) : null;
    const client = wsClient(url, params, onClose);
    clients.push(client);
    return client;
  }

  async function roadComplaint(): Promise<TicketView> {
    let ticket = await api.createTicket({ kind: 'COMPLAINT', channel: 'PHONE', description: 'Jalan berlubang di depan pura', descriptionLanguage: 'id' });
    ticket = await api.change('triageTicket', { ...ref(ticket), kind: 'COMPLAINT', categoryCode: CODES.roadCategory, opdCode: CODES.roadsOpd, fieldResponse: false });
    return api.change('dispatchTicket', ref(ticket));
  }

  it('pushes each committed event to the call centre, in order, with the ticket re-read', async () => {
    const sub = subscribe<Notice>(await clientFor(ACTORS.callTaker), TICKET_EVENTS);
    // The first event proves the subscription is live; only then is the ticket made.
    const ticket = await roadComplaint();
    const events = [await sub.nth(1), await sub.nth(2), await sub.nth(3)];
    expect(events.map((e) => [e.type, e.toState, e.version, e.number])).toEqual([
      ['CREATED', 'NEW', 1, ticket.number],
      ['TRIAGE', 'TRIAGED', 2, ticket.number],
      ['DISPATCH', 'DISPATCHED', 3, ticket.number],
    ]);
    expect(events[2].ticket).toMatchObject({ id: ticket.id, state: 'DISPATCHED', version: 3 });
    expect(Number(events[0].cursor)).toBeLessThan(Number(events[2].cursor));
    sub.stop();
  }, 60_000);

  it('shows an OPD its own tickets only', async () => {
    const roads = subscribe<Notice>(await clientFor(ROADS_OFFICER), TICKET_EVENTS);
    const fire = subscribe<Notice>(await clientFor(FIRE_OFFICER), TICKET_EVENTS);
    const road = await roadComplaint();
    // Routed by triage, then dispatched: both are the roads agency's to see.
    expect(await roads.find((n) => n.type === 'DISPATCH')).toMatchObject({ opdCode: CODES.roadsOpd, number: road.number });
    expect(roads.received.filter((n) => n.number === road.number).map((n) => n.type)).toEqual(['TRIAGE', 'DISPATCH']);
    // Then a ticket of the fire brigade: the first thing its officer hears of. Had the road
    // ticket leaked, it would have come first (events arrive in commit order).
    let fireTicket = await api.createTicket({ kind: 'COMPLAINT', channel: 'PHONE', description: 'Asap dari gudang', descriptionLanguage: 'id' });
    fireTicket = await api.change('triageTicket', { ...ref(fireTicket), kind: 'COMPLAINT', categoryCode: CODES.fireCategory, opdCode: CODES.fireOpd, attributes: [{ code: 'PEOPLE_TRAPPED', values: ['NO'] }] });
    const first = await fire.nth(1);
    expect(first).toMatchObject({ type: 'TRIAGE', opdCode: CODES.fireOpd, number: fireTicket.number });
    // (Events of earlier tests may still arrive: none of them is the fire brigade's either.)
    expect(fire.received.every((n) => n.opdCode === CODES.fireOpd)).toBe(true);
    expect(roads.received.every((n) => n.opdCode === CODES.roadsOpd)).toBe(true);
    roads.stop();
    fire.stop();
  }, 60_000);

  it('re-reads the ticket with the subscriber\'s rights: reporter identity only where the role may see it, and logged', async () => {
    const query = `subscription { ticketEvents(filter: { types: ["DISPATCH"] }) { number ticket { reporter { name identityVisible } } } }`;
    const officer = subscribe<{ number: string; ticket: { reporter: { name: string | null; identityVisible: boolean } } }>(await clientFor(ROADS_OFFICER), query);
    const make = async (anonymous: boolean): Promise<TicketView> => {
      let ticket = await api.createTicket({
        kind: 'COMPLAINT', channel: 'PHONE', description: 'Jalan amblas', descriptionLanguage: 'id',
        reporter: { name: 'Ni Luh Sari', phone: '081234567890', anonymous },
      });
      ticket = await api.change('triageTicket', { ...ref(ticket), kind: 'COMPLAINT', categoryCode: CODES.roadCategory, opdCode: CODES.roadsOpd, fieldResponse: false });
      return api.change('dispatchTicket', ref(ticket));
    };
    const named = await make(false);
    const anonymous = await make(true);
    expect((await officer.find((n) => n.number === named.number)).ticket.reporter).toEqual({ name: 'Ni Luh Sari', identityVisible: true });
    expect((await officer.find((n) => n.number === anonymous.number)).ticket.reporter).toEqual({ name: null, identityVisible: false });
    officer.stop();
    const log = await t.gql<{ reporterAccessLog: Array<{ operation: string; actorId: string }> }>(
      'query L($id: ID) { reporterAccessLog(filter: { ticketId: $id }) { operation actorId } }', { id: named.id }, { userId: 'aud-putu', role: 'AUDITOR' });
    expect(log.body.data?.reporterAccessLog).toContainEqual({ operation: 'Subscription.ticketEvents', actorId: ROADS_OFFICER.userId });
  }, 60_000);

  it('resumes after a reconnect from the last cursor seen, missing nothing', async () => {
    const first = subscribe<Notice>(await clientFor(ACTORS.supervisor), TICKET_EVENTS);
    const ticket = await api.createTicket({ kind: 'COMPLAINT', channel: 'PHONE', description: 'Lampu jalan mati', descriptionLanguage: 'id' });
    const seen = await first.find((n) => n.number === ticket.number);
    first.stop();
    // While nobody listens: two more events.
    let changed = await api.change('addNote', { ...ref(ticket), text: 'Warga menelepon lagi' });
    changed = await api.change('addNote', { ...ref(changed), text: 'Sudah dicek petugas' });
    const resumed = subscribe<Notice>(await clientFor(ACTORS.supervisor), TICKET_EVENTS, { after: seen.cursor, filter: { ticketId: ticket.id } });
    expect((await resumed.nth(1)).version).toBe(2);
    expect((await resumed.nth(2)).version).toBe(3);
    // And it goes on live after the replay.
    await api.change('addNote', { ...ref(changed), text: 'Selesai' });
    expect((await resumed.nth(3)).version).toBe(4);
    expect(resumed.received.map((n) => n.version)).toEqual([2, 3, 4]);
    resumed.stop();
  }, 60_000);

  it('refuses a cursor that is not one, and one from the future', async () => {
    const client = await clientFor(ACTORS.supervisor);
    const bad = subscribe<Notice>(client, TICKET_EVENTS, { after: 'abc' });
    expect(JSON.stringify(await bad.failed())).toContain('BAD_USER_INPUT');
    const future = subscribe<Notice>(client, TICKET_EVENTS, { after: '999999999' });
    expect(JSON.stringify(await future.failed())).toContain('BAD_USER_INPUT');
  }, 60_000);

  it('refuses a socket without credentials or with bad ones (4403)', async () => {
    for (const params of [null, { authorization: 'Bearer not-a-token' }]) {
      const closed = new Promise<number>((resolve) => {
        const client = wsClient(url, params, (code) => resolve(code));
        clients.push(client);
        subscribe(client, TICKET_EVENTS);
      });
      expect(await closed).toBe(4403);
    }
  }, 60_000);

  it('applies the permission table to every subscription and role', async () => {
    const documents: Record<string, string> = {
      'Subscription.ticketEvents': TICKET_EVENTS,
      'Subscription.escalationRaised': 'subscription { escalationRaised { cursor } }',
      'Subscription.slaBoard': 'subscription { slaBoard { asOf entries { opdCode } } }',
      'Subscription.notificationAdded': 'subscription { notificationAdded { id } }',
      'Subscription.conversationUpdated': 'subscription { conversationUpdated { cursor reason } }',
    };
    for (const role of GRANTED_ROLES) {
      const actor: TestActor = { userId: `sub-${role.toLowerCase()}`, role, ...(OPD_BOUND_ROLES.has(role) && { opdCode: CODES.roadsOpd }) };
      const client = await clientFor(actor);
      for (const [op, query] of Object.entries(documents)) {
        const sub = subscribe<{ entries?: Array<{ opdCode: string | null }> }>(client, query);
        const access = accessFor(op, role);
        if (!access) {
          expect(`${op} ${role} ${JSON.stringify(await sub.failed())}`).toContain('FORBIDDEN');
        } else if (op === 'Subscription.slaBoard') {
          // The board comes at once; an OPD's holds its own clocks only.
          const board = await sub.nth(1);
          if (access === 'OWN_OPD') expect(board.entries?.filter((e) => e.opdCode !== CODES.roadsOpd)).toEqual([]);
        }
        sub.stop();
      }
    }
  }, 120_000);

  it('serves subscriptions only, under the same operation limits as HTTP', async () => {
    const client = await clientFor(ACTORS.supervisor);
    const query = subscribe(client, '{ me { username } }');
    expect(JSON.stringify(await query.failed())).toContain('POST /graphql');
    const aliases = subscribe(client, `subscription { ticketEvents { ${Array.from({ length: 40 }, (_, i) => `a${i}: cursor`).join(' ')} } }`);
    expect(JSON.stringify(await aliases.failed())).toContain('TOO_MANY_ALIASES');
    // A document past the token limit is refused as an error message, and the socket stays open.
    const huge = subscribe(client, `subscription { ticketEvents { ${'cursor '.repeat(20_000)} } }`);
    expect(JSON.stringify(await huge.failed())).toContain('QUERY_TOO_LARGE');
    const still = subscribe<Notice>(client, TICKET_EVENTS);
    await api.createTicket({ kind: 'COMPLAINT', channel: 'PHONE', description: 'Masih tersambung?', descriptionLanguage: 'id' });
    expect((await still.nth(1)).type).toBe('CREATED');
    still.stop();
  }, 60_000);

  it('closes the socket when the session ends', async () => {
    const actor: TestActor = { userId: 'spv-logout', role: 'SUPERVISOR' };
    const [, header] = await authHeaderFor(t.app, t.clock, actor);
    const closed = new Promise<number>((resolve) => {
      const client = wsClient(url, { authorization: header }, (code) => resolve(code));
      clients.push(client);
      subscribe(client, TICKET_EVENTS);
    });
    // Wait until the socket is really open: an event arrives.
    const probe = subscribe<Notice>(await clientFor(actor), TICKET_EVENTS);
    await api.createTicket({ kind: 'COMPLAINT', channel: 'PHONE', description: 'Sebelum keluar', descriptionLanguage: 'id' });
    await probe.nth(1);
    const res = await t.http().post('/graphql').set('authorization', header).set('content-type', 'application/json').send({ query: 'mutation { logout }' });
    expect(res.body.errors).toBeUndefined();
    expect(await closed).toBe(4403);
  }, 60_000);

  it('closes the socket of an OPD system whose API key is revoked', async () => {
    const keys = t.app.get(ApiKeyService);
    const { key, secret } = await keys.create(
      { name: 'roads dispatch system', opdCode: CODES.roadsOpd, permissions: API_KEY_OPERATIONS },
      { userId: 'admin-sari', role: ActorRole.ADMIN, opdCode: null },
    );
    const closed = new Promise<number>((resolve) => {
      const client = wsClient(url, { authorization: `ApiKey ${secret}` }, (code) => resolve(code));
      clients.push(client);
      const sub = subscribe<Notice>(client, TICKET_EVENTS);
      // Live first: the roads system hears of a road complaint routed to it.
      void roadComplaint().then(async (road) => {
        await sub.find((n) => n.number === road.number && n.type === 'DISPATCH');
        await keys.revoke(key.id);
      });
    });
    expect(await closed).toBe(4403);
  }, 60_000);

  it('fans out across instances: an event committed on one reaches a subscriber of another', async () => {
    // A second instance on the same database, with no relay of its own.
    const other = await createApp({ ...t.config, delivery: { ...t.config.delivery, relayEnabled: false } }, t.db.url, { clock: t.clock });
    try {
      const otherUrl = await listenForSockets(other);
      const [, header] = await authHeaderFor(t.app, t.clock, ACTORS.supervisor);
      const client = wsClient(otherUrl, { authorization: header });
      clients.push(client);
      const sub = subscribe<Notice>(client, TICKET_EVENTS);
      const ticket = await api.createTicket({ kind: 'COMPLAINT', channel: 'PHONE', description: 'Dari instansi lain', descriptionLanguage: 'id' });
      expect(await sub.nth(1)).toMatchObject({ type: 'CREATED', number: ticket.number });
      sub.stop();
      await client.dispose();
    } finally {
      await other.close();
    }
  }, 120_000);
});
