import { randomUUID } from 'node:crypto';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { buildOrmOptions } from '../../../src/bootstrap/mikro-orm.options';
import { DeliveryMetrics, DeliveryTargets, NotificationInbox, OutboxRelay, RelayResult } from '../../../src/core/delivery';
import { NotificationTarget } from '../../../src/core/delivery/notifications/notification.target';
import { CLOCK } from '../../../src/infra/clock/clock';
import { entityManagerSql } from '../../../src/infra/database/sql-runner';
import { ManualClock } from '../../support/manual-clock';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';

// The notification target inside the real relay, on PostgreSQL: who gets a
// row for each kind of message (OPD scoping, the command centre and every
// emergency breach, inactive accounts), and that two relays with their own
// connection pools, draining the same outbox in small batches, write each
// (user, message) row exactly once.

const DAMKAR = 'SATPOLPP-DAMKAR';
const ROADS = 'PUPR-PERKIM';
const TRAFFIC = 'DISHUB';

/** username → role, OPD, active */
const STAFF: Record<string, { role: string; opd: string | null; active?: boolean }> = {
  'spv-a': { role: 'SUPERVISOR', opd: null },
  'spv-b': { role: 'SUPERVISOR', opd: null },
  'spv-gone': { role: 'SUPERVISOR', opd: null, active: false },
  'ct-a': { role: 'CALL_TAKER', opd: null },
  'admin-a': { role: 'ADMIN', opd: null },
  'damkar-off': { role: 'OPD_OFFICER', opd: DAMKAR },
  'damkar-head': { role: 'OPD_HEAD', opd: DAMKAR },
  'damkar-unit': { role: 'FIELD_UNIT', opd: DAMKAR },
  'roads-off': { role: 'OPD_OFFICER', opd: ROADS },
  'roads-head': { role: 'OPD_HEAD', opd: ROADS },
  'roads-unit': { role: 'FIELD_UNIT', opd: ROADS },
  'traffic-off-1': { role: 'OPD_OFFICER', opd: TRAFFIC },
  'traffic-off-2': { role: 'OPD_OFFICER', opd: TRAFFIC },
  'traffic-head': { role: 'OPD_HEAD', opd: TRAFFIC },
};

interface Message { id: string; topic: string; ticketId: string; payload: Record<string, unknown> }

function message(topic: string, payload: Record<string, unknown>): Message {
  const ticketId = randomUUID();
  return { id: randomUUID(), topic, ticketId, payload: { ticketId, number: `BGL-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`, ...payload } };
}

const breach = (opdCode: string | null, kind: string, notify: object[]): Message =>
  message('sla.breached', { metric: 'ON_SITE', cycle: 1, thresholdPct: 100, level: 4, opdCode, kind, notify, dueAt: '2026-11-28T02:45:00.000Z' });
const warning = (opdCode: string, notify: object[]): Message =>
  message('sla.warning', { metric: 'RESOLVE', cycle: 1, thresholdPct: 75, level: 2, opdCode, kind: 'COMPLAINT', notify, dueAt: '2026-11-29T02:00:00.000Z' });
const routed = (topic: 'ticket.dispatch' | 'ticket.reassign' | 'ticket.created', opdCode: string | null, kind = 'COMPLAINT'): Message =>
  message(topic, { eventId: randomUUID(), type: topic.slice(7).toUpperCase(), from: 'TRIAGED', to: 'DISPATCHED', seq: 3, opdCode, kind, occurredAt: '2026-11-28T02:00:00.000Z' });

describe('staff notifications written by the outbox relay', () => {
  let t: TestApp;
  let other: MikroORM;
  let otherRelay: OutboxRelay;
  const T0 = new Date('2026-11-28T02:00:00Z');

  beforeAll(async () => {
    t = await startTestApp({ DELIVERY_BATCH: '7' }, new ManualClock(T0));
    other = await MikroORM.init(buildOrmOptions(t.db.url, 4));
    // A second relay with a pool of its own, as a second instance of the app would have.
    otherRelay = new OutboxRelay(other.em, t.app.get(DeliveryTargets), t.config.delivery, t.app.get(CLOCK), t.app.get(DeliveryMetrics));
    const sql = t.app.get(EntityManager).getConnection();
    for (const [username, s] of Object.entries(STAFF)) {
      await sql.execute(
        `insert into staff_user (id, username, display_name, role, opd_code, languages, password_hash, active, created_at, updated_at, password_changed_at)
         values (?, ?, ?, ?, ?, '{id}', 'scrypt$10$8$1$none$none', ?, ?, ?, ?)`,
        [randomUUID(), username, username, s.role, s.opd, s.active ?? true, T0, T0, T0],
      );
    }
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await other?.close(true);
    await t?.close();
  }, BOOT_TIMEOUT_MS);

  async function enqueue(messages: readonly Message[]): Promise<void> {
    await t.app.get(EntityManager).getConnection().execute(
      `insert into outbox_message (id, topic, aggregate_type, aggregate_id, payload, created_at)
       select m.id, m.topic, 'ticket', m.ticket_id, m.payload, ? from jsonb_to_recordset(cast(? as jsonb)) as m(id uuid, topic text, ticket_id uuid, payload jsonb)`,
      [T0, JSON.stringify(messages.map((m) => ({ id: m.id, topic: m.topic, ticket_id: m.ticketId, payload: m.payload })))],
    );
  }

  /** Both relays at once until neither finds anything. */
  async function drainConcurrently(): Promise<RelayResult[]> {
    const results: RelayResult[] = [];
    for (;;) {
      const round = await Promise.all([t.app.get(OutboxRelay).relayOnce(), otherRelay.relayOnce(), t.app.get(OutboxRelay).relayOnce(), otherRelay.relayOnce()]);
      results.push(...round);
      if (round.every((r) => r.published + r.failed === 0)) return results;
    }
  }

  async function recipients(messageId: string): Promise<string[]> {
    const rows = await t.app.get(EntityManager).getConnection().execute<Array<{ username: string }>>(
      'select s.username from staff_notification n join staff_user s on s.id = n.user_id where n.message_id = ? order by s.username', [messageId],
    );
    return rows.map((r) => r.username);
  }

  it('tells exactly the right people, once each, with two relays draining the outbox in small batches', async () => {
    const emergencyBreach = breach(DAMKAR, 'EMERGENCY', [{ kind: 'OPD_HEAD' }, { kind: 'COMMAND_CENTRE' }, { kind: 'REGIONAL_SECRETARY' }, { kind: 'REGENT' }]);
    // A ladder that forgot the command centre: an emergency breach still reaches every supervisor.
    const forgetfulBreach = breach(ROADS, 'EMERGENCY', [{ kind: 'OPD_ROLE', role: 'FIELD_UNIT' }]);
    const complaintBreach = breach(ROADS, 'COMPLAINT', [{ kind: 'OPD_HEAD' }, { kind: 'REGIONAL_SECRETARY' }]);
    const divisionWarning = warning(TRAFFIC, [{ kind: 'OPD_ROLE', role: 'HEAD_OF_DIVISION' }, { kind: 'OPD_HEAD' }]);
    const triageBreach = breach(null, 'EMERGENCY', [{ kind: 'COMMAND_CENTRE' }, { kind: 'REGIONAL_SECRETARY' }]);
    const dispatched = routed('ticket.dispatch', TRAFFIC);
    const reassigned = routed('ticket.reassign', DAMKAR, 'EMERGENCY');
    const created = routed('ticket.created', null);
    const onlyTheRegent = breach(DAMKAR, 'COMPLAINT', [{ kind: 'REGENT' }]);
    // Filler, so that the batches of 7 interleave between the relays.
    const filler = Array.from({ length: 40 }, (_, i) => (i % 2 ? routed('ticket.dispatch', ROADS) : routed('ticket.created', null)));
    const all = [emergencyBreach, forgetfulBreach, complaintBreach, divisionWarning, triageBreach, dispatched, reassigned, created, onlyTheRegent, ...filler];
    await enqueue(all);

    const results = await drainConcurrently();
    expect(results.reduce((n, r) => n + r.published, 0)).toBe(all.length);
    expect(results.reduce((n, r) => n + r.failed, 0)).toBe(0);

    expect(await recipients(emergencyBreach.id)).toEqual(['damkar-head', 'spv-a', 'spv-b']);
    expect(await recipients(forgetfulBreach.id)).toEqual(['roads-unit', 'spv-a', 'spv-b']);
    expect(await recipients(complaintBreach.id)).toEqual(['roads-head']);
    // HEAD_OF_DIVISION has no role of its own: the OPD head, once.
    expect(await recipients(divisionWarning.id)).toEqual(['traffic-head']);
    expect(await recipients(triageBreach.id)).toEqual(['spv-a', 'spv-b']);
    expect(await recipients(dispatched.id)).toEqual(['traffic-off-1', 'traffic-off-2']);
    expect(await recipients(reassigned.id)).toEqual(['damkar-off']);
    expect(await recipients(created.id)).toEqual([]);
    expect(await recipients(onlyTheRegent.id)).toEqual([]);
    for (const m of filler) expect(await recipients(m.id)).toEqual(m.topic === 'ticket.dispatch' ? ['roads-off'] : []);

    const [counts] = await t.app.get(EntityManager).getConnection().execute<Array<{ rows: string; distinct_rows: string; published: string }>>(
      `select (select count(*) from staff_notification) as rows,
              (select count(distinct (user_id, message_id)) from staff_notification) as distinct_rows,
              (select count(distinct published_seq) from outbox_message where id = any(cast(? as uuid[]))) as published`,
      [`{${all.map((m) => m.id).join(',')}}`],
    );
    expect(counts).toEqual({ rows: counts.distinct_rows, distinct_rows: counts.distinct_rows, published: String(all.length) });
    expect(Number(counts.rows)).toBe(3 + 3 + 1 + 1 + 2 + 2 + 1 + 20);
  }, 120_000);

  it('keeps what a notification says free of anything but ids and codes, timed at the message', async () => {
    const m = breach(DAMKAR, 'EMERGENCY', [{ kind: 'OPD_HEAD' }]);
    await enqueue([m]);
    await drainConcurrently();
    const rows = await t.app.get(NotificationInbox).notificationsFor([m.id]);
    expect(rows.map((r) => r.username).sort()).toEqual(['damkar-head', 'spv-a', 'spv-b']);
    for (const row of rows) {
      expect(row).toMatchObject({
        messageId: m.id, topic: 'sla.breached', ticketId: m.ticketId, ticketNumber: m.payload.number, severity: 'BREACH', createdAt: T0, readAt: null,
      });
      expect(row.title).toContain(String(m.payload.number));
      expect(row.body).toContain(DAMKAR);
    }
  }, 60_000);

  it('drops a second delivery of the same message to the same person (on conflict do nothing)', async () => {
    const m = routed('ticket.dispatch', TRAFFIC);
    const record = { id: m.id, position: '0', topic: m.topic, aggregateType: 'ticket', aggregateId: m.ticketId, payload: m.payload, createdAt: T0, attempts: 0 };
    const target = t.app.get(NotificationTarget);
    await t.app.get(EntityManager).fork().transactional(async (tx) => {
      await target.accept(entityManagerSql(tx), [record, record]);
      await target.accept(entityManagerSql(tx), [record]);
    });
    expect(await recipients(m.id)).toEqual(['traffic-off-1', 'traffic-off-2']);
  }, 60_000);

  it('answers notificationsFor with one query for a whole batch, and nothing for ids it does not know', async () => {
    const a = routed('ticket.dispatch', TRAFFIC);
    const b = routed('ticket.reassign', ROADS);
    await enqueue([a, b]);
    await drainConcurrently();
    const rows = await t.app.get(NotificationInbox).notificationsFor([a.id, b.id, randomUUID(), 'not-a-uuid']);
    expect(rows.map((r) => `${r.messageId === a.id ? 'a' : 'b'}:${r.username}`).sort()).toEqual(['a:traffic-off-1', 'a:traffic-off-2', 'b:roads-off']);
    expect(await t.app.get(NotificationInbox).notificationsFor([])).toEqual([]);
  }, 60_000);
});
