import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Logger } from '@nestjs/common';
import { DeliveryTargets, OutboxRelay } from '../../../src/core/delivery';
import { ManualClock } from '../../support/manual-clock';
import { GraphqlResponse, startTestApp, TestActor, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { expectGraphqlError } from '../tickets/ticket-api';

// A message a delivery target keeps refusing is dead-lettered after its last
// attempt (one, here); an admin sees it over POST /graphql, fixes the cause,
// replays it, and the next relay run publishes it.

const ADMIN: TestActor = { userId: 'admin-putu', role: 'ADMIN' };
const SUPERVISOR: TestActor = { userId: 'spv-made', role: 'SUPERVISOR' };

const DEAD = `query D($first: Int, $offset: Int) { outboxDeadLetters(first: $first, offset: $offset) {
  id topic aggregateType aggregateId createdAt attempts lastError deadAt } }`;
const REPLAY = 'mutation R($id: ID!) { replayOutboxMessage(id: $id) { id replayedAt } }';

interface DeadLetter { id: string; topic: string; aggregateType: string; aggregateId: string; createdAt: string; attempts: number; lastError: string | null; deadAt: string }

function data<T>(res: GraphqlResponse<T>): T {
  if (res.body.errors?.length || !res.body.data) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body.errors ?? res.body, null, 2)}`);
  return res.body.data;
}

describe('dead letters over POST /graphql', () => {
  let t: TestApp;
  /** The downstream system is down while this is true. */
  let broken = true;
  const T0 = new Date('2026-11-28T02:00:00Z');
  const id = randomUUID();
  const aggregateId = randomUUID();

  beforeAll(async () => {
    t = await startTestApp({ DELIVERY_MAX_ATTEMPTS: '1' }, new ManualClock(T0));
    t.app.get(DeliveryTargets).register({
      name: 'flaky-downstream',
      accept: async (_sql, messages) => {
        if (broken && messages.some((m) => m.topic === 'test.poison')) throw new Error('downstream refused the message');
      },
    });
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t?.close(), BOOT_TIMEOUT_MS);

  const published = async (): Promise<Date | null> => {
    const [row] = await t.app.get(EntityManager).getConnection().execute<Array<{ published_at: Date | null }>>('select published_at from outbox_message where id = ?', [id]);
    return row.published_at ? new Date(row.published_at) : null;
  };

  it('lists a dead letter for admins only, without its payload', async () => {
    await t.app.get(EntityManager).getConnection().execute(
      `insert into outbox_message (id, topic, aggregate_type, aggregate_id, payload, created_at) values (?, 'test.poison', 'ticket', ?, ?, ?)`,
      [id, aggregateId, JSON.stringify({ ticketId: aggregateId }), T0],
    );
    t.clock.advance(60_000);
    expect(await t.app.get(OutboxRelay).relayOnce()).toMatchObject({ published: 0, failed: 1 });

    const list = data(await t.gql<{ outboxDeadLetters: DeadLetter[] }>(DEAD, {}, ADMIN)).outboxDeadLetters;
    expect(list).toEqual([{
      id, topic: 'test.poison', aggregateType: 'ticket', aggregateId, createdAt: T0.toISOString(), attempts: 1,
      lastError: 'flaky-downstream: downstream refused the message', deadAt: t.clock.now().toISOString(),
    }]);
    expect(data(await t.gql<{ outboxDeadLetters: DeadLetter[] }>(DEAD, { offset: 1 }, ADMIN)).outboxDeadLetters).toEqual([]);
    expectGraphqlError(await t.gql(DEAD, { first: 0 }, ADMIN), 'BAD_USER_INPUT');
    expectGraphqlError(await t.gql(DEAD, {}, SUPERVISOR), 'FORBIDDEN');
    // Dead: the relay leaves it alone.
    expect(await t.app.get(OutboxRelay).relayOnce()).toMatchObject({ published: 0, failed: 0 });
  }, 60_000);

  it('refuses to replay what is not a dead letter, and lets only admins replay', async () => {
    expectGraphqlError(await t.gql(REPLAY, { id: randomUUID() }, ADMIN), 'NOT_FOUND');
    expectGraphqlError(await t.gql(REPLAY, { id: 'not-an-id' }, ADMIN), 'BAD_USER_INPUT');
    expectGraphqlError(await t.gql(REPLAY, { id }, SUPERVISOR), 'FORBIDDEN');
  }, 60_000);

  it('replays it (logged with the admin\'s id) and the next relay run publishes it', async () => {
    broken = false;
    const log = jest.spyOn(Logger.prototype, 'log');
    t.clock.advance(60_000);
    const replayedAt = t.clock.now().toISOString();
    expect(data(await t.gql<{ replayOutboxMessage: { id: string; replayedAt: string } }>(REPLAY, { id }, ADMIN)).replayOutboxMessage).toEqual({ id, replayedAt });
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ audit: 'outbox.replay', messageId: id, actorId: ADMIN.userId, actorRole: 'ADMIN' }), expect.any(String));
    log.mockRestore();

    expect(data(await t.gql<{ outboxDeadLetters: DeadLetter[] }>(DEAD, {}, ADMIN)).outboxDeadLetters).toEqual([]);
    // Replayed once: a second replay finds nothing dead.
    expectGraphqlError(await t.gql(REPLAY, { id }, ADMIN), 'NOT_FOUND');
    expect(await published()).toBeNull();
    expect(await t.app.get(OutboxRelay).relayOnce()).toMatchObject({ published: 1, failed: 0 });
    expect(await published()).toEqual(t.clock.now());
  }, 60_000);
});
