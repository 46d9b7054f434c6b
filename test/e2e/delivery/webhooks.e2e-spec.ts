import { EntityManager } from '@mikro-orm/postgresql';
import { Webhook } from 'standardwebhooks';
import { OutboxRelay, WebhookDispatcher } from '../../../src/core/delivery';
import { ManualClock } from '../../support/manual-clock';
import { startTestApp, TestActor, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { ReceivedWebhook, signedWith, WebhookReceiver } from '../../support/webhook-receiver';
import { authHeaderFor } from '../../support/test-auth';
import { listenForSockets, subscribe, wsClient } from '../../support/ws-client';
import { CODES, DAY, expectGraphqlError, HOUR, ref, TicketApi, TicketView } from '../tickets/ticket-api';

// Outbound webhooks as an OPD system sees them: endpoints managed over
// POST /graphql, a ticket dispatched to an OPD arriving at that OPD's real
// HTTP receiver (and at no other OPD's), signed so that standardwebhooks
// verifies it, through a secret rotation; who may manage endpoints; and the
// SSRF guard. The clock starts at the wall clock's time, because receivers
// verify the webhook-timestamp against their own clock (5 minutes either way).

const ADMIN: TestActor = { userId: 'wh-admin', role: 'ADMIN' };
const SUPERVISOR: TestActor = { userId: 'wh-spv', role: 'SUPERVISOR' };
const DISHUB_HEAD: TestActor = { userId: 'wh-kadis-dishub', role: 'OPD_HEAD', opdCode: CODES.trafficOpd };
const PUPR_OFFICER: TestActor = { userId: 'wh-pupr-officer', role: 'OPD_OFFICER', opdCode: CODES.roadsOpd };
const TEST_TIMEOUT_MS = 120_000;

const ENDPOINT = 'id opdCode url events active disabledReason previousSecretExpiresAt';
const CREATE = `mutation C($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT} } } }`;
const LIST = `query L($opd: String) { webhookEndpoints(opdCode: $opd) { ${ENDPOINT} } }`;
const DELIVERIES = `query D($id: ID!, $filter: WebhookDeliveryFilterInput) { webhookDeliveries(endpointId: $id, filter: $filter) { id webhookId type status attempts lastStatusCode lastError deliveredAt } }`;
const ROTATE = `mutation R($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { ${ENDPOINT} } } }`;
const REDELIVER = `mutation W($id: ID!) { redeliverWebhook(deliveryId: $id) { id webhookId status attempts } }`;

type Data = Record<string, any>;
async function ok(t: TestApp, query: string, variables: Record<string, unknown>, actor: TestActor): Promise<Data> {
  const res = await t.gql<Data>(query, variables, actor);
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!;
}

/** A road complaint with a reporter who must never appear in a webhook, dispatched to PUPR-PERKIM. */
async function dispatchedRoadTicket(api: TicketApi, words: string): Promise<TicketView> {
  const created = await api.createTicket({
    kind: 'COMPLAINT', channel: 'PHONE', descriptionLanguage: 'id', description: `Jalan berlubang ${words}`,
    categoryCode: CODES.roadCategory, reporter: { name: 'Ketut Rahasia', phone: '+6281298765432', nik: '5106014506900001' },
  }, SUPERVISOR);
  const triaged = await api.change('triageTicket', { ...ref(created), kind: 'COMPLAINT', categoryCode: CODES.roadCategory }, SUPERVISOR);
  return api.change('dispatchTicket', ref(triaged), SUPERVISOR);
}

const json = (r: ReceivedWebhook): Data => JSON.parse(r.body) as Data;

describe('outbound webhooks over POST /graphql, to a real receiver', () => {
  let t: TestApp;
  let api: TicketApi;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true', WEBHOOK_ALLOW_HTTP: 'true' }, new ManualClock(new Date()));
    api = new TicketApi(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  }, BOOT_TIMEOUT_MS);

  async function deliverAll(): Promise<void> {
    const relay = t.app.get(OutboxRelay);
    for (let i = 0; i < 100 && (await relay.relayOnce()).published > 0; i++);
    const dispatcher = t.app.get(WebhookDispatcher);
    for (let i = 0; i < 100 && (await dispatcher.dispatchOnce()).claimed > 0; i++);
  }

  let pupr: { id: string; secret: string };
  let dishub: { id: string; secret: string };

  it('admins register endpoints for any OPD, an OPD head for its own only, others not at all', async () => {
    const made = (await ok(t, CREATE, { input: { opdCode: CODES.roadsOpd, url: receiver.url('/pupr'), events: ['TICKET_ROUTED'] } }, ADMIN)).createWebhookEndpoint;
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(made.endpoint).toMatchObject({ opdCode: CODES.roadsOpd, url: receiver.url('/pupr'), events: ['TICKET_ROUTED'], active: true });
    pupr = { id: made.endpoint.id, secret: made.secret };
    const own = (await ok(t, CREATE, { input: { opdCode: CODES.trafficOpd, url: receiver.url('/dishub'), events: ['TICKET_ROUTED', 'TICKET_CHANGED'] } }, DISHUB_HEAD)).createWebhookEndpoint;
    dishub = { id: own.endpoint.id, secret: own.secret };

    expectGraphqlError(await t.gql(CREATE, { input: { opdCode: CODES.roadsOpd, url: receiver.url('/x'), events: ['TICKET_ROUTED'] } }, DISHUB_HEAD), 'FORBIDDEN');
    for (const actor of [PUPR_OFFICER, SUPERVISOR, { userId: 'wh-auditor', role: 'AUDITOR' }]) {
      expectGraphqlError(await t.gql(CREATE, { input: { opdCode: CODES.roadsOpd, url: receiver.url('/x'), events: ['TICKET_ROUTED'] } }, actor), 'FORBIDDEN');
      expectGraphqlError(await t.gql(LIST, {}, actor), 'FORBIDDEN');
    }
    // Lists never show a secret; a head sees its own OPD's endpoints, and another OPD's do not exist for it.
    const all = (await ok(t, LIST, {}, ADMIN)).webhookEndpoints;
    expect(all.map((e: Data) => e.id).sort()).toEqual([pupr.id, dishub.id].sort());
    expect(JSON.stringify(all)).not.toContain('whsec_');
    expect((await ok(t, LIST, {}, DISHUB_HEAD)).webhookEndpoints.map((e: Data) => e.id)).toEqual([dishub.id]);
    expect((await ok(t, LIST, { opd: CODES.roadsOpd }, DISHUB_HEAD)).webhookEndpoints).toEqual([]);
    expectGraphqlError(await t.gql(DELIVERIES, { id: pupr.id }, DISHUB_HEAD), 'WEBHOOK_ENDPOINT_NOT_FOUND');
    expectGraphqlError(await t.gql(ROTATE, { id: pupr.id }, DISHUB_HEAD), 'WEBHOOK_ENDPOINT_NOT_FOUND');
  }, TEST_TIMEOUT_MS);

  it('refuses bad input with BAD_USER_INPUT naming the problem', async () => {
    const bad = async (input: Data): Promise<string[]> => expectGraphqlError(await t.gql(CREATE, { input }, ADMIN), 'BAD_USER_INPUT').extensions?.problems as string[] ?? [];
    expect(await bad({ opdCode: CODES.roadsOpd, url: 'ftp://example.org/h', events: ['TICKET_ROUTED'] })).toEqual(['url: must be https:// or http://']);
    expect(await bad({ opdCode: CODES.roadsOpd, url: 'https://user:pw@example.org/h', events: ['TICKET_ROUTED'] })).toEqual([expect.stringContaining('credentials')]);
    expect(await bad({ opdCode: 'NOPE', url: 'https://example.org/h', events: ['TICKET_ROUTED'] })).toEqual(['opdCode: no OPD NOPE']);
    expectGraphqlError(await t.gql(CREATE, { input: { opdCode: CODES.roadsOpd, url: 'https://example.org/h', events: [] } }, ADMIN), 'BAD_USER_INPUT');
    expectGraphqlError(await t.gql(CREATE, { input: { opdCode: CODES.roadsOpd, url: `https://example.org/${'a'.repeat(2100)}`, events: ['SLA_BREACHED'] } }, ADMIN), 'BAD_USER_INPUT');
  }, TEST_TIMEOUT_MS);

  let firstWebhookId: string;

  it('a ticket dispatched to an OPD reaches that OPD\'s endpoint, signed and thin, and no other OPD\'s', async () => {
    const ticket = await dispatchedRoadTicket(api, 'di Jalan Merdeka');
    await deliverAll();
    const got = receiver.on('/pupr');
    expect(got).toHaveLength(1);
    expect(receiver.on('/dishub')).toHaveLength(0);
    const body = new Webhook(pupr.secret).verify(got[0].body, got[0].headers as Record<string, string>) as Data;
    expect(body).toEqual({
      type: 'ticket.dispatch', timestamp: expect.any(String),
      data: { ticketId: ticket.id, number: ticket.number, eventType: 'DISPATCH', fromState: 'TRIAGED', toState: 'DISPATCHED', version: ticket.version, kind: 'COMPLAINT', opdCode: CODES.roadsOpd, occurredAt: expect.any(String) },
    });
    expect(got[0].body).not.toMatch(/Ketut|6281298765432|5106014506900001|Merdeka/);
    expect(() => new Webhook(dishub.secret).verify(got[0].body, got[0].headers as Record<string, string>)).toThrow();
    const [delivery] = (await ok(t, DELIVERIES, { id: pupr.id }, ADMIN)).webhookDeliveries;
    expect(delivery).toMatchObject({ webhookId: got[0].headers['webhook-id'], type: 'ticket.dispatch', status: 'DELIVERED', attempts: 1, lastStatusCode: 204, lastError: null });
    firstWebhookId = delivery.webhookId;

    // Redelivered on request, with the same webhook-id (the receiver's idempotency key).
    const again = (await ok(t, REDELIVER, { id: delivery.id }, ADMIN)).redeliverWebhook;
    expect(again).toEqual({ id: delivery.id, webhookId: firstWebhookId, status: 'PENDING', attempts: 0 });
    await deliverAll();
    expect(receiver.on('/pupr').map((r) => r.headers['webhook-id'])).toEqual([firstWebhookId, firstWebhookId]);
  }, TEST_TIMEOUT_MS);

  it('rotating the secret: the old and the new secret both verify during the grace period, then only the new one signs', async () => {
    const rotated = (await ok(t, ROTATE, { id: pupr.id }, ADMIN)).rotateWebhookSecret;
    expect(rotated.secret).not.toBe(pupr.secret);
    expect(Date.parse(rotated.endpoint.previousSecretExpiresAt) - t.clock.now().getTime()).toBe(24 * HOUR);
    await dispatchedRoadTicket(api, 'di Jalan Nusantara');
    await deliverAll();
    const during = receiver.on('/pupr').at(-1)!;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(new Webhook(rotated.secret).verify(during.body, during.headers as Record<string, string>)).toBeTruthy();
    expect(new Webhook(pupr.secret).verify(during.body, during.headers as Record<string, string>)).toBeTruthy();

    // After the grace the old secret no longer signs. (The clock is now a day ahead of the wall clock,
    // so the signature is checked at the request's own timestamp.)
    t.clock.advance(DAY + HOUR);
    await dispatchedRoadTicket(api, 'di Jalan Kintamani');
    await deliverAll();
    const after = receiver.on('/pupr').at(-1)!;
    expect(json(after).data.eventType).toBe('DISPATCH');
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(signedWith(rotated.secret, after)).toBe(true);
    expect(signedWith(pupr.secret, after)).toBe(false);
    expect((await ok(t, LIST, { opd: CODES.roadsOpd }, ADMIN)).webhookEndpoints[0].previousSecretExpiresAt).toBeNull();
    t.clock.set(new Date());
  }, TEST_TIMEOUT_MS);
});

describe('webhooks flow on their own: the relay and the dispatcher woken by NOTIFY', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    // Backstop intervals of a minute: only a NOTIFY can make the webhook arrive within the wait below.
    t = await startTestApp({
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true', WEBHOOK_ALLOW_HTTP: 'true', DELIVERY_RELAY_ENABLED: 'true', WEBHOOK_DISPATCHER_ENABLED: 'true',
      DELIVERY_POLL_MS: '60000', WEBHOOK_POLL_MS: '60000',
    }, new ManualClock(new Date()));
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  }, BOOT_TIMEOUT_MS);

  it('a dispatch committed over the API reaches the receiver without anyone driving the relay', async () => {
    const made = (await ok(t, CREATE, { input: { opdCode: CODES.roadsOpd, url: receiver.url('/live'), events: ['TICKET_ROUTED'] } }, ADMIN)).createWebhookEndpoint;
    const started = Date.now();
    const ticket = await dispatchedRoadTicket(new TicketApi(t), 'di Jalan Raya Bangli');
    const committed = Date.now();
    const [got] = await receiver.waitFor('/live', 1, 30_000);
    const body = new Webhook(made.secret).verify(got.body, got.headers as Record<string, string>) as Data;
    expect(body).toMatchObject({ type: 'ticket.dispatch', data: { ticketId: ticket.id } });
    // Not a latency benchmark (a busy 2-core machine): the figure is printed for a person to read.
    process.stdout.write(`webhook arrived ${Date.now() - committed} ms after the dispatch returned (${committed - started} ms to create, triage and dispatch)\n`);
  }, TEST_TIMEOUT_MS);

  it('the same routing reaches the OPD as a signed webhook and on its graphql-ws subscription, and another OPD hears nothing', async () => {
    const made = (await ok(t, CREATE, { input: { opdCode: CODES.roadsOpd, url: receiver.url('/both'), events: ['TICKET_ROUTED'] } }, ADMIN)).createWebhookEndpoint;
    const url = await listenForSockets(t.app);
    const DISHUB_OFFICER: TestActor = { userId: 'wh-dishub-officer', role: 'OPD_OFFICER', opdCode: CODES.trafficOpd };
    const query = 'subscription { ticketEvents(filter: { types: ["DISPATCH"] }) { messageId number opdCode } }';
    const roads = wsClient(url, Object.fromEntries([await authHeaderFor(t.app, t.clock, PUPR_OFFICER)]));
    const traffic = wsClient(url, Object.fromEntries([await authHeaderFor(t.app, t.clock, DISHUB_OFFICER)]));
    try {
      const roadsEvents = subscribe<{ messageId: string; number: string; opdCode: string }>(roads, query);
      const trafficEvents = subscribe<{ messageId: string; number: string; opdCode: string }>(traffic, query);
      const ticket = await dispatchedRoadTicket(new TicketApi(t), 'di depan Pasar Kidul');
      const [got] = await receiver.waitFor('/both', 1, 30_000);
      new Webhook(made.secret).verify(got.body, got.headers as Record<string, string>);
      const event = await roadsEvents.find((e) => e.number === ticket.number);
      // One message, one id: the subscription's messageId is the webhook's webhook-id.
      expect(event).toEqual({ messageId: got.headers['webhook-id'], number: ticket.number, opdCode: CODES.roadsOpd });
      // Then a parking ticket for the transport agency: the first dispatch its officer hears of. Had the
      // road ticket leaked, it would have come first (events arrive in commit order).
      const api = new TicketApi(t);
      const parking = await api.createTicket({ kind: 'COMPLAINT', channel: 'PHONE', descriptionLanguage: 'id', description: 'Parkir liar di trotoar', categoryCode: CODES.parkingCategory }, SUPERVISOR);
      const triaged = await api.change('triageTicket', { ...ref(parking), kind: 'COMPLAINT', categoryCode: CODES.parkingCategory }, SUPERVISOR);
      const dispatched = await api.change('dispatchTicket', ref(triaged), SUPERVISOR);
      expect((await trafficEvents.nth(1)).number).toBe(dispatched.number);
      expect(trafficEvents.received.every((e) => e.opdCode === CODES.trafficOpd)).toBe(true);
    } finally {
      await roads.dispose();
      await traffic.dispose();
    }
  }, TEST_TIMEOUT_MS);
});

describe('webhooks and private addresses (SSRF), as in production', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    t = await startTestApp({ WEBHOOK_ALLOW_HTTP: 'true' }, new ManualClock(new Date()));
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  }, BOOT_TIMEOUT_MS);

  it('refuses a private or loopback address when the endpoint is registered, and again when sending', async () => {
    for (const url of [receiver.url('/ssrf'), `http://[::ffff:127.0.0.1]:${receiver.port}/ssrf`, `http://localhost:${receiver.port}/ssrf`, 'https://169.254.169.254/latest/meta-data', 'https://10.0.0.5/hook']) {
      const error = expectGraphqlError(await t.gql(CREATE, { input: { opdCode: CODES.roadsOpd, url, events: ['TICKET_ROUTED'] } }, ADMIN), 'BAD_USER_INPUT');
      expect({ url, problems: error.extensions?.problems }).toEqual({ url, problems: [expect.stringContaining('receivers must be reachable on a public address')] });
    }
    // An endpoint whose host now points inside (DNS changed, or a row from before): the sender refuses it.
    const made = (await ok(t, CREATE, { input: { opdCode: CODES.roadsOpd, url: 'http://hooks.example.org/ssrf', events: ['TICKET_ROUTED'] } }, ADMIN)).createWebhookEndpoint;
    const em = t.app.get(EntityManager);
    await em.getConnection().execute('update webhook_endpoint set url = ? where id = ?', [receiver.url('/ssrf'), made.endpoint.id]);
    await dispatchedRoadTicket(new TicketApi(t), 'di Jalan Sriwijaya');
    const relay = t.app.get(OutboxRelay);
    for (let i = 0; i < 100 && (await relay.relayOnce()).published > 0; i++);
    expect(await t.app.get(WebhookDispatcher).dispatchOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    expect(receiver.received).toHaveLength(0);
    const [delivery] = (await ok(t, DELIVERIES, { id: made.endpoint.id }, ADMIN)).webhookDeliveries;
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: null, lastError: 'Refused: 127.0.0.1 is a loopback address' });
  }, TEST_TIMEOUT_MS);
});
