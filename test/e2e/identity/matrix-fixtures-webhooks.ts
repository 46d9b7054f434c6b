import { EntityManager } from '@mikro-orm/postgresql';
import { OutboxRelay } from '../../../src/core/delivery';
import type { Operation } from '../../../src/core/identity/domain/permissions';
import { expectGraphqlError } from '../tickets/ticket-api';
import type { CaseContext, Fixture, Prepared } from './matrix-cases';
import { data, FOREIGN_OPD, opdOf, PREP, Side, uniqueWord, World } from './matrix-world';

// Fixtures of the webhook operations: admins for every OPD, an OPD's head for
// its own; another OPD's endpoints and deliveries do not exist for the head.
// Endpoints point at a public-looking https URL: nothing is sent (the
// dispatcher is off in tests).

const ENDPOINT = 'id opdCode url events active disabledReason previousSecretExpiresAt';
const CREATE = `mutation C($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT} } } }`;
const LIST = `query L($opd: String) { webhookEndpoints(opdCode: $opd) { ${ENDPOINT} } }`;
const DELIVERIES = `query D($id: ID!) { webhookDeliveries(endpointId: $id) { id endpointId webhookId status attempts } }`;
const DISABLE = `mutation X($input: DisableWebhookEndpointInput!) { disableWebhookEndpoint(input: $input) { ${ENDPOINT} } }`;
const ENABLE = `mutation E($id: ID!) { enableWebhookEndpoint(id: $id) { ${ENDPOINT} } }`;
const ROTATE = `mutation R($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { ${ENDPOINT} } } }`;
const REDELIVER = `mutation W($id: ID!) { redeliverWebhook(deliveryId: $id) { id status attempts webhookId } }`;

interface EndpointView { id: string; opdCode: string; url: string; active: boolean; previousSecretExpiresAt: string | null }
interface DeliveryView { id: string; endpointId: string; webhookId: string; status: string; attempts: number }

interface WebhookWorld {
  /** Active, never changed by a case: list, deliveries, and the refused disable/rotate cases. */
  shared: Record<Side, EndpointView>;
  /** Disabled, for the refused enable cases. */
  disabled: Record<Side, EndpointView>;
  /** A dead-lettered delivery of the shared endpoint. */
  delivery: Record<Side, DeliveryView>;
}

const sideOf = (target: string): Side => (target === 'foreign' ? 'foreign' : 'own');
const admin = async <T = Record<string, any>>(w: World, query: string, variables?: Record<string, unknown>): Promise<T> => data(await w.t.gql<T>(query, variables, PREP.admin));

async function newEndpoint(w: World, side: Side): Promise<EndpointView> {
  const input = { opdCode: opdOf(side), url: `https://hooks.example.org/${uniqueWord()}`, events: ['TICKET_CHANGED', 'TICKET_ROUTED'] };
  return (await admin(w, CREATE, { input })).createWebhookEndpoint.endpoint;
}

async function endpointNow(w: World, id: string): Promise<EndpointView> {
  return ((await admin<{ webhookEndpoints: EndpointView[] }>(w, LIST)).webhookEndpoints).find((e) => e.id === id)!;
}

async function deliveryNow(w: World, endpointId: string, id: string): Promise<DeliveryView> {
  return ((await admin<{ webhookDeliveries: DeliveryView[] }>(w, DELIVERIES, { id: endpointId })).webhookDeliveries).find((d) => d.id === id)!;
}

const worlds = new WeakMap<World, Promise<WebhookWorld>>();

/** Made once per matrix world: endpoints for both sides, and their deliveries of the tickets the world made. */
function webhookWorld(w: World): Promise<WebhookWorld> {
  if (!worlds.has(w)) {
    worlds.set(w, (async () => {
      const shared = { own: await newEndpoint(w, 'own'), foreign: await newEndpoint(w, 'foreign') };
      const disabled = { own: await newEndpoint(w, 'own'), foreign: await newEndpoint(w, 'foreign') };
      for (const e of Object.values(disabled)) await admin(w, DISABLE, { input: { id: e.id, reason: 'matrix' } });
      // The world's tickets are in the outbox: relaying them fans them out to the shared endpoints.
      const relay = w.t.app.get(OutboxRelay);
      for (let i = 0; i < 100 && (await relay.relayOnce()).published > 0; i++);
      const em = w.t.app.get(EntityManager);
      const delivery = {} as Record<Side, DeliveryView>;
      for (const side of ['own', 'foreign'] as const) {
        const [first] = (await admin<{ webhookDeliveries: DeliveryView[] }>(w, DELIVERIES, { id: shared[side].id })).webhookDeliveries;
        if (!first) throw new Error(`no delivery for the ${side} endpoint`);
        // Dead-lettered, as after a receiver's long outage: what redeliverWebhook is for.
        await em.getConnection().execute(`update webhook_delivery set status = 'DEAD', attempts = 12, dead_at = now() where id = ?`, [first.id]);
        delivery[side] = await deliveryNow(w, shared[side].id, first.id);
      }
      return { shared, disabled, delivery };
    })());
  }
  return worlds.get(w)!;
}

type Prepare = (w: World, c: CaseContext, ww: WebhookWorld, side: Side) => Promise<Prepared>;

function fixture(op: Operation, prepare: Prepare): Fixture {
  return { op, scoped: true, prepare: async (w, c) => prepare(w, c, await webhookWorld(w), sideOf(c.target)) };
}

const changes = (c: CaseContext): boolean => c.outcome === 'allowed' || c.outcome === 'hidden';

/** For an endpoint of another OPD, the head gets exactly what an unknown id gets. */
function expectEndpointNotFound(res: Parameters<NonNullable<Prepared['hidden']>>[0]): void {
  expect(expectGraphqlError(res, 'WEBHOOK_ENDPOINT_NOT_FOUND').message).not.toContain(FOREIGN_OPD);
}

export const WEBHOOK_FIXTURES: Fixture[] = [
  fixture('Query.webhookEndpoints', async (w, _c, ww, side) => ({
    query: LIST,
    variables: { opd: opdOf(side) },
    allowed: (d) => {
      expect(d.webhookEndpoints.map((e: EndpointView) => e.id)).toContain(ww.shared[side].id);
      expect(new Set(d.webhookEndpoints.map((e: EndpointView) => e.opdCode))).toEqual(new Set([opdOf(side)]));
      expect(JSON.stringify(d)).not.toContain('whsec_');
    },
    async hidden(res, actor) {
      expect(res.body).toEqual({ data: { webhookEndpoints: [] } });
      const unfiltered = data(await w.t.gql<{ webhookEndpoints: EndpointView[] }>(LIST, {}, actor)).webhookEndpoints;
      expect(unfiltered.length).toBeGreaterThan(0);
      expect(unfiltered.filter((e) => e.opdCode !== opdOf('own'))).toEqual([]);
    },
  })),
  fixture('Query.webhookDeliveries', async (_w, _c, ww, side) => ({
    query: DELIVERIES,
    variables: { id: ww.shared[side].id },
    allowed: (d) => {
      expect(d.webhookDeliveries.length).toBeGreaterThan(0);
      expect(d.webhookDeliveries.every((x: DeliveryView) => x.endpointId === ww.shared[side].id)).toBe(true);
    },
    hidden: expectEndpointNotFound,
  })),
  fixture('Mutation.createWebhookEndpoint', async (w, _c, _ww, side) => {
    const url = `https://hooks.example.org/${uniqueWord()}`;
    return {
      query: CREATE,
      variables: { input: { opdCode: opdOf(side), url, events: ['TICKET_ROUTED'] } },
      allowed: (d) => {
        expect(d.createWebhookEndpoint.endpoint).toMatchObject({ opdCode: opdOf(side), url, events: ['TICKET_ROUTED'], active: true });
        expect(d.createWebhookEndpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      },
      hidden: (res) => void expectGraphqlError(res, 'FORBIDDEN'),
      async after(outcome) {
        const made = (await admin<{ webhookEndpoints: EndpointView[] }>(w, LIST)).webhookEndpoints.filter((e) => e.url === url);
        expect(made).toHaveLength(outcome === 'allowed' ? 1 : 0);
      },
    };
  }),
  fixture('Mutation.disableWebhookEndpoint', async (w, c, ww, side) => {
    const target = changes(c) ? await newEndpoint(w, side) : ww.shared[side];
    return {
      query: DISABLE,
      variables: { input: { id: target.id, reason: 'Receiver moves' } },
      allowed: (d) => expect(d.disableWebhookEndpoint).toMatchObject({ id: target.id, active: false, disabledReason: 'Receiver moves' }),
      hidden: expectEndpointNotFound,
      async after(outcome) {
        if (outcome !== 'allowed') expect((await endpointNow(w, target.id)).active).toBe(true);
      },
    };
  }),
  fixture('Mutation.enableWebhookEndpoint', async (w, c, ww, side) => {
    let target = ww.disabled[side];
    if (changes(c)) {
      target = await newEndpoint(w, side);
      await admin(w, DISABLE, { input: { id: target.id } });
    }
    return {
      query: ENABLE,
      variables: { id: target.id },
      allowed: (d) => expect(d.enableWebhookEndpoint).toMatchObject({ id: target.id, active: true, disabledReason: null }),
      hidden: expectEndpointNotFound,
      async after(outcome) {
        if (outcome !== 'allowed') expect((await endpointNow(w, target.id)).active).toBe(false);
      },
    };
  }),
  fixture('Mutation.rotateWebhookSecret', async (w, c, ww, side) => {
    const target = changes(c) ? await newEndpoint(w, side) : ww.shared[side];
    return {
      query: ROTATE,
      variables: { id: target.id },
      allowed: (d) => {
        expect(d.rotateWebhookSecret.secret).toMatch(/^whsec_/);
        expect(d.rotateWebhookSecret.endpoint.previousSecretExpiresAt).toEqual(expect.any(String));
      },
      hidden: expectEndpointNotFound,
      async after(outcome) {
        if (outcome !== 'allowed') expect((await endpointNow(w, target.id)).previousSecretExpiresAt).toBeNull();
      },
    };
  }),
  fixture('Mutation.redeliverWebhook', async (w, _c, ww, side) => {
    const target = ww.delivery[side];
    const before = await deliveryNow(w, ww.shared[side].id, target.id);
    return {
      query: REDELIVER,
      variables: { id: target.id },
      allowed: (d) => expect(d.redeliverWebhook).toEqual({ id: target.id, status: 'PENDING', attempts: 0, webhookId: target.webhookId }),
      hidden: (res) => expect(expectGraphqlError(res, 'WEBHOOK_DELIVERY_NOT_FOUND').message).not.toContain(FOREIGN_OPD),
      async after(outcome) {
        if (outcome !== 'allowed') expect(await deliveryNow(w, ww.shared[side].id, target.id)).toEqual(before);
      },
    };
  }),
];
