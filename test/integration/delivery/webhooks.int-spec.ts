import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { DeliveryMetrics, WebhookDispatcher, WebhookEvent, WebhookSender } from '../../../src/core/delivery';
import { leaseMs } from '../../../src/core/delivery/webhooks/application/webhook-settings';
import { CreateWebhookEndpointHandler } from '../../../src/core/delivery/webhooks/commands/create-webhook-endpoint/create-webhook-endpoint.handler';
import { RedeliverWebhookHandler } from '../../../src/core/delivery/webhooks/commands/redeliver-webhook/redeliver-webhook.handler';
import { ActorRole } from '../../../src/core/actor';
import { CLOCK } from '../../../src/infra/clock/clock';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { signedWith, WebhookReceiver } from '../../support/webhook-receiver';
import { deliveriesOf, drainRelay, slaMessage, Sql, sqlOf, ticketMessage } from './webhook-support';

const ADMIN = { userId: 'int-admin', role: ActorRole.ADMIN, opdCode: null };
const TEST_TIMEOUT_MS = 120_000;

describe('outbound webhooks: fan-out and dispatcher, on PostgreSQL', () => {
  let t: TestApp;
  let sql: Sql;
  let receiver: WebhookReceiver;
  let dispatcher: WebhookDispatcher;
  const secrets = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp({
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true', WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_RETRY_BASE_MS: '1000', WEBHOOK_RETRY_MAX_MS: '4000', WEBHOOK_TIMEOUT_MS: '10000',
    });
    sql = sqlOf(t);
    receiver = await WebhookReceiver.start();
    dispatcher = t.app.get(WebhookDispatcher);
    await drainRelay(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  }, BOOT_TIMEOUT_MS);
  // Every test starts with no active endpoint and nothing pending.
  afterEach(async () => {
    await sql(`update webhook_endpoint set disabled_at = ?, disabled_reason = 'test over' where disabled_at is null`, [t.clock.now()]);
    await sql(`update webhook_delivery set status = 'CANCELLED' where status = 'PENDING'`);
    receiver.received.length = 0;
  });

  async function endpoint(opdCode: string, path: string, events: WebhookEvent[]): Promise<string> {
    const { endpoint: e, secret } = await t.app.get(CreateWebhookEndpointHandler).execute({ opdCode, url: receiver.url(path), events }, ADMIN);
    secrets.set(e.id, secret);
    return e.id;
  }

  async function dispatchAll(): Promise<number> {
    let sent = 0;
    for (let i = 0; i < 50; i++) {
      const r = await dispatcher.dispatchOnce();
      if (r.claimed === 0) return sent;
      sent += r.claimed;
    }
    throw new Error('the dispatcher never ran dry');
  }

  it('fans out one delivery per matching active endpoint of the message\'s OPD, exactly once across two relays', async () => {
    const routed = await endpoint('BPBD', '/routed', [WebhookEvent.TICKET_ROUTED]);
    const changed = await endpoint('BPBD', '/changed', [WebhookEvent.TICKET_CHANGED]);
    const sla = await endpoint('BPBD', '/sla', [WebhookEvent.SLA_BREACHED, WebhookEvent.ESCALATION_RAISED]);
    const other = await endpoint('DISHUB', '/other', [WebhookEvent.TICKET_ROUTED, WebhookEvent.TICKET_CHANGED]);
    const disabled = await endpoint('BPBD', '/disabled', [WebhookEvent.TICKET_CHANGED]);
    await sql('update webhook_endpoint set disabled_at = ? where id = ?', [t.clock.now(), disabled]);

    const [bpbdTicket, dishubTicket, untriaged] = [randomUUID(), randomUUID(), randomUUID()];
    const dispatched = await ticketMessage(sql, t, 'DISPATCH', bpbdTicket, 'BPBD', 3);
    const acknowledged = await ticketMessage(sql, t, 'ACKNOWLEDGE', bpbdTicket, 'BPBD', 4);
    const foreign = await ticketMessage(sql, t, 'DISPATCH', dishubTicket, 'DISHUB', 3);
    await ticketMessage(sql, t, 'CREATED', untriaged, null, 1);
    const warning = await slaMessage(sql, t, 'sla.warning', bpbdTicket, 'BPBD', 1);
    const breach = await slaMessage(sql, t, 'sla.breached', bpbdTicket, 'BPBD', 0);
    const quietWarning = await slaMessage(sql, t, 'sla.warning', bpbdTicket, 'BPBD', 0);

    // Two relays at once: every message is handed over once, and the unique key guards a second hand-over.
    await Promise.all([drainRelay(t), drainRelay(t)]);
    const ids = async (e: string): Promise<string[]> => (await deliveriesOf(sql, e)).map((d) => d.message_id);
    expect(await ids(routed)).toEqual([dispatched]);
    expect(await ids(changed)).toEqual([dispatched, acknowledged]);
    expect(await ids(sla)).toEqual([warning, breach]); // the warning escalated (level 1); the quiet one did not
    expect(await ids(other)).toEqual([foreign]);
    expect(await ids(disabled)).toEqual([]);
    expect(await ids(sla)).not.toContain(quietWarning);

    // The copy is thin: no reporter identity, the event's states and version.
    const [copy] = await deliveriesOf(sql, routed);
    expect(copy.payload).toEqual({
      type: 'ticket.dispatch', timestamp: expect.any(String),
      data: { ticketId: bpbdTicket, number: expect.any(String), eventType: 'DISPATCH', fromState: 'TRIAGED', toState: 'DISPATCHED', version: 3, kind: 'COMPLAINT', opdCode: 'BPBD', occurredAt: expect.any(String) },
    });
    const [{ n }] = await sql('select count(*)::int as n from webhook_delivery where message_id = any(cast(? as uuid[]))', [`{${[dispatched, acknowledged, foreign, warning, breach].join(',')}}`]);
    expect(n).toBe(6);
  }, TEST_TIMEOUT_MS);

  it('sends signed requests, in order per (endpoint, ticket): a failed one holds its ticket back until retried and delivered', async () => {
    const e = await endpoint('BPBD', '/order', [WebhookEvent.TICKET_CHANGED]);
    const [ticket, other] = [randomUUID(), randomUUID()];
    const m = [await ticketMessage(sql, t, 'DISPATCH', ticket, 'BPBD', 3), await ticketMessage(sql, t, 'ACKNOWLEDGE', ticket, 'BPBD', 4), await ticketMessage(sql, t, 'DEPART', ticket, 'BPBD', 5)];
    const n1 = await ticketMessage(sql, t, 'DISPATCH', other, 'BPBD', 3);
    await drainRelay(t);
    receiver.answer('/order', { status: 500 });

    // Only the first of each ticket is claimed, never two of one ticket at once.
    const first = await dispatcher.dispatchOnce(10);
    expect(first).toMatchObject({ claimed: 2, retrying: 1, delivered: 1 });
    expect(new Set(receiver.on('/order').map((r) => r.headers['webhook-id']))).toEqual(new Set([m[0], n1]));
    // m[0] backs off; m[1] and m[2] wait behind it.
    expect(await dispatcher.dispatchOnce(10)).toMatchObject({ claimed: 0 });
    t.clock.advance(2_000);
    expect(await dispatchAll()).toBe(3);
    const ofTicket = receiver.on('/order').filter((r) => JSON.parse(r.body).data.ticketId === ticket);
    expect(ofTicket.map((r) => r.headers['webhook-id'])).toEqual([m[0], m[0], m[1], m[2]]);
    // Each is signed with the endpoint's secret, with the webhook-id the same on the retry (the clock is not the wall clock: checked at its timestamp).
    for (const r of ofTicket) expect(signedWith(secrets.get(e)!, r)).toBe(true);
    expect(signedWith(secrets.get(e)!, { ...ofTicket[0], body: ofTicket[0].body.replace('DISPATCH', 'RESOLVE') })).toBe(false);
    const rows = await deliveriesOf(sql, e);
    expect(rows.map((r) => [r.message_id, r.status, r.attempts])).toEqual([[m[0], 'DELIVERED', 2], [m[1], 'DELIVERED', 1], [m[2], 'DELIVERED', 1], [n1, 'DELIVERED', 1]]);
    expect(rows[0]).toMatchObject({ last_status_code: 204, last_error: null });
  }, TEST_TIMEOUT_MS);

  it('honours Retry-After, dead-letters after the last attempt (the ticket flows again), and redelivers with the same webhook-id', async () => {
    const e = await endpoint('BPBD', '/dead', [WebhookEvent.TICKET_CHANGED]);
    const ticket = randomUUID();
    const doomed = await ticketMessage(sql, t, 'DISPATCH', ticket, 'BPBD', 3);
    const later = await ticketMessage(sql, t, 'ACKNOWLEDGE', ticket, 'BPBD', 4);
    await drainRelay(t);
    receiver.answer('/dead', { status: 429, headers: { 'retry-after': '120' } }, { status: 302, headers: { location: 'https://example.org/' } });
    receiver.always('/dead', { status: 503 });

    await dispatcher.dispatchOnce();
    let [row] = await deliveriesOf(sql, e);
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, last_status_code: 429 });
    expect(new Date(row.next_attempt_at).getTime() - t.clock.now().getTime()).toBe(120_000);
    t.clock.advance(60_000);
    expect((await dispatcher.dispatchOnce()).claimed).toBe(0);
    t.clock.advance(60_000);
    await dispatcher.dispatchOnce();
    [row] = await deliveriesOf(sql, e);
    expect(row).toMatchObject({ attempts: 2, last_status_code: 302, last_error: expect.stringContaining('redirects are not followed') });
    t.clock.advance(10_000);
    await dispatcher.dispatchOnce();
    [row] = await deliveriesOf(sql, e);
    expect(row).toMatchObject({ status: 'DEAD', attempts: 3, last_status_code: 503 });
    expect(row.dead_at).not.toBeNull();

    // Dead, it no longer holds the ticket back.
    receiver.always('/dead', { status: 200 });
    await dispatchAll();
    expect(receiver.on('/dead').map((r) => r.headers['webhook-id'])).toEqual([doomed, doomed, doomed, later]);

    const redelivered = await t.app.get(RedeliverWebhookHandler).execute(row.id, ADMIN);
    expect(redelivered).toMatchObject({ status: 'PENDING', attempts: 0, deadAt: null });
    await dispatchAll();
    expect(receiver.on('/dead').map((r) => r.headers['webhook-id'])).toEqual([doomed, doomed, doomed, later, doomed]);
    expect((await deliveriesOf(sql, e))[0]).toMatchObject({ status: 'DELIVERED', attempts: 1 });
  }, TEST_TIMEOUT_MS);

  it('410 Gone disables the endpoint with a reason and cancels its pending deliveries; nothing new is fanned out to it', async () => {
    const e = await endpoint('BPBD', '/gone', [WebhookEvent.TICKET_CHANGED]);
    const [a, b] = [randomUUID(), randomUUID()];
    await ticketMessage(sql, t, 'DISPATCH', a, 'BPBD', 3);
    await ticketMessage(sql, t, 'ACKNOWLEDGE', a, 'BPBD', 4);
    await drainRelay(t);
    receiver.always('/gone', { status: 410 });
    expect(await dispatcher.dispatchOnce()).toMatchObject({ claimed: 1, gone: 1 });
    const [endpointRow] = await sql('select disabled_at, disabled_reason from webhook_endpoint where id = ?', [e]);
    expect(endpointRow.disabled_at).not.toBeNull();
    expect(endpointRow.disabled_reason).toContain('410 Gone');
    expect((await deliveriesOf(sql, e)).map((d) => [d.status, d.attempts])).toEqual([['CANCELLED', 1], ['CANCELLED', 0]]);
    await ticketMessage(sql, t, 'DISPATCH', b, 'BPBD', 3);
    await drainRelay(t);
    expect(await deliveriesOf(sql, e)).toHaveLength(2);
    expect(await dispatcher.dispatchOnce()).toMatchObject({ claimed: 0 });
    expect(receiver.on('/gone')).toHaveLength(1);
  }, TEST_TIMEOUT_MS);

  it('a delivery leased by a dispatcher that crashed is sent by another once the lease has run out; the late result of the first is dropped', async () => {
    const e = await endpoint('BPBD', '/lease', [WebhookEvent.TICKET_CHANGED]);
    await ticketMessage(sql, t, 'DISPATCH', randomUUID(), 'BPBD', 3);
    await drainRelay(t);
    const settings = t.config.delivery.webhooks;
    const crashed = new WebhookDispatcher(t.app.get(EntityManager), settings, t.app.get(CLOCK), t.app.get(DeliveryMetrics));
    const [held] = await crashed.claim(10);
    expect(held).toBeDefined();
    // Another dispatcher finds nothing while the lease lasts.
    expect((await dispatcher.dispatchOnce()).claimed).toBe(0);
    t.clock.advance(leaseMs(settings) + 1);
    expect(await dispatcher.dispatchOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    // The first comes back late: its attempt is not recorded over the second's.
    await crashed.deliver(held);
    crashed.onApplicationShutdown();
    expect((await deliveriesOf(sql, e)).map((d) => [d.status, d.attempts])).toEqual([['DELIVERED', 1]]);
  }, TEST_TIMEOUT_MS);

  it('refuses at send time a host name that resolves to a loopback address (SSRF) unless private addresses are allowed', async () => {
    const e = await endpoint('BPBD', '/ssrf', [WebhookEvent.TICKET_CHANGED]);
    await sql('update webhook_endpoint set url = ? where id = ?', [receiver.url('/ssrf', 'hooks.example.test'), e]);
    await ticketMessage(sql, t, 'DISPATCH', randomUUID(), 'BPBD', 3);
    await drainRelay(t);
    // DNS answers as a rebinding attacker would: a public-looking name, a loopback address.
    const resolver = (_host: string, cb: (e: null, a: Array<{ address: string; family: number }>) => void): void => cb(null, [{ address: '127.0.0.1', family: 4 }]);
    const settings = t.config.delivery.webhooks;
    const strict = new WebhookDispatcher(t.app.get(EntityManager), { ...settings, allowPrivateAddresses: false }, t.app.get(CLOCK), t.app.get(DeliveryMetrics));
    strict.useSender(new WebhookSender({ ...settings, allowPrivateAddresses: false }, resolver));
    expect(await strict.dispatchOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    expect(receiver.on('/ssrf')).toHaveLength(0);
    let [row] = await deliveriesOf(sql, e);
    expect(row).toMatchObject({ last_status_code: null, last_error: 'Refused: hooks.example.test resolves to 127.0.0.1 (loopback)' });
    strict.onApplicationShutdown();

    // The same resolver with private addresses allowed: the request goes out (the socket used that lookup).
    const loose = new WebhookDispatcher(t.app.get(EntityManager), settings, t.app.get(CLOCK), t.app.get(DeliveryMetrics));
    loose.useSender(new WebhookSender(settings, resolver));
    t.clock.advance(5_000);
    expect(await loose.dispatchOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    loose.onApplicationShutdown();
    expect(receiver.on('/ssrf')).toHaveLength(1);
    [row] = await deliveriesOf(sql, e);
    expect(row.status).toBe('DELIVERED');
  }, TEST_TIMEOUT_MS);

  it('prunes finished deliveries older than the retention, and never a pending one', async () => {
    const e = await endpoint('BPBD', '/prune', [WebhookEvent.TICKET_CHANGED]);
    const ticket = randomUUID();
    await ticketMessage(sql, t, 'CREATED', ticket, 'BPBD', 1);
    await ticketMessage(sql, t, 'ADD_NOTE', ticket, 'BPBD', 2);
    await ticketMessage(sql, t, 'ADD_NOTE', ticket, 'BPBD', 3);
    await drainRelay(t);
    const [old, pendingOld] = (await deliveriesOf(sql, e)).map((d) => d.id);
    const retentionMs = t.config.delivery.webhooks.retentionMs;
    const longAgo = new Date(t.clock.now().getTime() - retentionMs - 60_000);
    await sql(`update webhook_delivery set created_at = ?, status = 'DELIVERED' where id = ?`, [longAgo, old]);
    await sql('update webhook_delivery set created_at = ? where id = ?', [longAgo, pendingOld]);
    expect(await dispatcher.prune()).toBe(1);
    const left = (await deliveriesOf(sql, e)).map((d) => d.id);
    expect(left).not.toContain(old);
    expect(left).toContain(pendingOld);
    expect(left).toHaveLength(2);
  }, TEST_TIMEOUT_MS);
});
