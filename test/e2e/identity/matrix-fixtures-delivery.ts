import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Operation } from '../../../src/core/identity/domain/permissions';
import { authHeaderFor } from '../../support/test-auth';
import type { TestActor } from '../../support/test-app';
import { actorFor, CaseContext, Fixture, Prepared } from './matrix-cases';
import type { World } from './matrix-world';

// Fixtures of the delivery operations: a staff member's own notifications,
// and the outbox's dead letters for admins. Their data belongs to a person
// or to nobody, never to an OPD, so each has one target.

function fixture(op: Operation, prepare: (w: World, c: CaseContext) => Promise<Prepared> | Prepared): Fixture {
  return { op, scoped: false, prepare: async (w, c) => prepare(w, c) };
}

const sql = (w: World) => w.t.app.get(EntityManager).getConnection();

/** An unread notification of the case's actor (the account is made first, as a login would find it). */
async function notificationOf(w: World, actor: TestActor): Promise<string> {
  await authHeaderFor(w.t.app, w.t.clock, actor);
  const [row] = await sql(w).execute<Array<{ id: string }>>(
    `insert into staff_notification (id, user_id, message_id, topic, title, body, severity, created_at)
     select ?, id, ?, 'sla.warning', 'Peringatan SLA: uji', 'Uji matriks', 'WARNING', ? from staff_user where username = ? returning id`,
    [randomUUID(), randomUUID(), w.t.clock.now(), actor.userId.toLowerCase()],
  );
  return row.id;
}

async function readAt(w: World, id: string): Promise<Date | null> {
  const [row] = await sql(w).execute<Array<{ read_at: Date | null }>>('select read_at from staff_notification where id = ?', [id]);
  return row.read_at;
}

/** A message the relay gave up on (the matrix never runs the relay, so it stays where a case leaves it). */
async function deadLetter(w: World): Promise<string> {
  const id = randomUUID();
  await sql(w).execute(
    `insert into outbox_message (id, topic, aggregate_type, aggregate_id, payload, created_at, attempts, last_error, dead_at)
     values (?, 'test.matrix', 'ticket', ?, '{}', ?, 10, 'matrix: refused', ?)`,
    [id, randomUUID(), w.t.clock.now(), w.t.clock.now()],
  );
  return id;
}

async function isDead(w: World, id: string): Promise<boolean> {
  const [row] = await sql(w).execute<Array<{ dead: boolean }>>('select dead_at is not null as dead from outbox_message where id = ?', [id]);
  return row.dead;
}

export const DELIVERY_FIXTURES: Fixture[] = [
  fixture('Query.myNotifications', async (w, c) => {
    const id = c.outcome === 'allowed' ? await notificationOf(w, actorFor(c.role!)) : null;
    return {
      query: '{ myNotifications(first: 100) { unreadCount nodes { id readAt } } }',
      allowed: (d) => {
        expect(d.myNotifications.nodes.map((n: { id: string }) => n.id)).toContain(id);
        expect(d.myNotifications.unreadCount).toBeGreaterThan(0);
      },
    };
  }),
  fixture('Mutation.markNotificationRead', async (w, c) => {
    // Refused callers aim at a real notification of someone else: it must stay unread.
    const id = await notificationOf(w, c.outcome === 'allowed' ? actorFor(c.role!) : { userId: 'mx-notified-spv', role: 'SUPERVISOR' });
    return {
      query: 'mutation M($id: ID!) { markNotificationRead(id: $id) { id readAt } }',
      variables: { id },
      allowed: (d) => expect(d.markNotificationRead).toEqual({ id, readAt: w.t.clock.now().toISOString() }),
      after: async (outcome) => { if (outcome !== 'allowed') expect(await readAt(w, id)).toBeNull(); },
    };
  }),
  fixture('Mutation.markAllNotificationsRead', async (w, c) => {
    const id = await notificationOf(w, c.outcome === 'allowed' ? actorFor(c.role!) : { userId: 'mx-notified-spv', role: 'SUPERVISOR' });
    return {
      query: 'mutation { markAllNotificationsRead }',
      allowed: async (d) => {
        expect(d.markAllNotificationsRead).toBeGreaterThanOrEqual(1);
        expect(await readAt(w, id)).not.toBeNull();
      },
      after: async (outcome) => { if (outcome !== 'allowed') expect(await readAt(w, id)).toBeNull(); },
    };
  }),
  fixture('Query.outboxDeadLetters', async (w) => {
    const id = await deadLetter(w);
    return {
      query: '{ outboxDeadLetters(first: 200) { id topic attempts lastError deadAt } }',
      allowed: (d) => expect(d.outboxDeadLetters).toContainEqual(expect.objectContaining({ id, topic: 'test.matrix', attempts: 10, lastError: 'matrix: refused' })),
    };
  }),
  fixture('Mutation.replayOutboxMessage', async (w) => {
    const id = await deadLetter(w);
    return {
      query: 'mutation R($id: ID!) { replayOutboxMessage(id: $id) { id replayedAt } }',
      variables: { id },
      allowed: (d) => expect(d.replayOutboxMessage).toEqual({ id, replayedAt: w.t.clock.now().toISOString() }),
      after: async (outcome) => expect(await isDead(w, id)).toBe(outcome !== 'allowed'),
    };
  }),
];
