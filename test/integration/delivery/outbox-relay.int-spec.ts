import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { ActorRole } from '../../../src/core/actor';
import { DeliveryTargets, OutboxRelay, type DeliveryTarget } from '../../../src/core/delivery';
import { DeadLetterDesk } from '../../../src/core/delivery/dead-letters/dead-letter-desk.service';
import type { OutboxRecord } from '../../../src/core/shared';
import { TicketKind } from '../../../src/core/ticket/domain/ticket.enums';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { createTicket } from '../tickets/support';

/** A delivery target that records what it was handed, and refuses the messages it is told to. */
class RecordingTarget implements DeliveryTarget {
  readonly name = 'recording';
  readonly seen: OutboxRecord[] = [];
  readonly refuse = new Set<string>();
  async accept(_sql: unknown, messages: readonly OutboxRecord[]): Promise<void> {
    const refused = messages.find((m) => this.refuse.has(m.id));
    if (refused) throw new Error(`refused ${refused.id}`);
    this.seen.push(...messages);
  }
}

describe('the outbox relay', () => {
  let t: TestApp;
  let relay: OutboxRelay;
  let target: RecordingTarget;
  let sql: (text: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

  beforeAll(async () => {
    t = await startTestApp({ DELIVERY_MAX_ATTEMPTS: '3', DELIVERY_RETRY_BASE_MS: '1000', DELIVERY_RETRY_MAX_MS: '1000' });
    relay = t.app.get(OutboxRelay);
    target = new RecordingTarget();
    t.app.get(DeliveryTargets).register(target);
    const em = t.app.get(EntityManager);
    sql = (text, params = []) => em.getConnection().execute(text, params);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  async function drain(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const r = await relay.relayOnce();
      if (r.published + r.failed === 0) return;
    }
    throw new Error('the relay never ran dry');
  }

  async function insertMessages(aggregateId: string, n: number): Promise<string[]> {
    const ids = Array.from({ length: n }, () => randomUUID());
    for (const id of ids) {
      await sql(
        `insert into outbox_message (id, topic, aggregate_type, aggregate_id, payload, created_at) values (?, 'test.message', 'ticket', ?, '{}', ?)`,
        [id, aggregateId, t.clock.now()],
      );
    }
    return ids;
  }

  it('publishes every ticket event once, numbered in order, with per-ticket order kept', async () => {
    await drain();
    target.seen.length = 0;
    const tickets = await Promise.all(Array.from({ length: 8 }, () => createTicket(t, TicketKind.COMPLAINT)));
    // Three relays at once: each message goes to exactly one of them.
    await Promise.all([drain(), drain(), drain()]);
    const ids = target.seen.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rows = await sql(`select id, aggregate_id, position, published_seq from outbox_message where aggregate_id = any(cast(? as uuid[])) order by position`, [`{${tickets.join(',')}}`]);
    expect(rows.length).toBeGreaterThanOrEqual(tickets.length);
    expect(rows.every((r) => r.published_seq !== null)).toBe(true);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(ids.filter((id) => rows.some((r) => r.id === id))));
    // Within a ticket, the stream numbers follow the order the messages were written.
    for (const ticket of tickets) {
      const seqs = rows.filter((r) => r.aggregate_id === ticket).map((r) => Number(r.published_seq));
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    // The stream has no holes.
    const [{ min, max, n }] = await sql('select min(published_seq) as min, max(published_seq) as max, count(published_seq) as n from outbox_message');
    expect(Number(max) - Number(min) + 1).toBe(Number(n));
  }, 120_000);

  it('retries a failing message with backoff, holding back only its own ticket, then dead-letters it', async () => {
    await drain();
    target.seen.length = 0;
    const stuck = randomUUID();
    const other = randomUUID();
    const [first, second] = await insertMessages(stuck, 2);
    const [unrelated] = await insertMessages(other, 1);
    target.refuse.add(first);

    await drain();
    expect(target.seen.map((m) => m.id)).toEqual([unrelated]);
    let [row] = await sql('select attempts, last_error, dead_at, next_attempt_at from outbox_message where id = ?', [first]);
    expect(row.attempts).toBe(1);
    expect(String(row.last_error)).toContain(`recording: refused ${first}`);
    expect(new Date(row.next_attempt_at as string).getTime()).toBeGreaterThan(t.clock.now().getTime());

    // Not before its backoff has passed.
    await drain();
    expect(target.seen.map((m) => m.id)).toEqual([unrelated]);
    for (let attempt = 2; attempt <= 3; attempt++) {
      t.clock.advance(2_000);
      await drain();
    }
    [row] = await sql('select attempts, dead_at from outbox_message where id = ?', [first]);
    expect(row.attempts).toBe(3);
    expect(row.dead_at).not.toBeNull();
    // Dead, it no longer holds its ticket back: the later message goes out.
    await drain();
    expect(target.seen.map((m) => m.id)).toEqual([unrelated, second]);

    // An admin sees it among the dead letters and, after the fix, replays it (as replayOutboxMessage does): it is published.
    const desk = t.app.get(DeadLetterDesk);
    expect((await desk.list(200, 0)).map((d) => d.id)).toContain(first);
    target.refuse.clear();
    const admin = { userId: 'admin-putu', role: ActorRole.ADMIN, opdCode: null };
    expect(await desk.replay(first, admin)).toEqual({ id: first, replayedAt: t.clock.now() });
    expect((await desk.list(200, 0)).map((d) => d.id)).not.toContain(first);
    await expect(desk.replay(first, admin)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await drain();
    expect(target.seen.map((m) => m.id)).toEqual([unrelated, second, first]);
  }, 120_000);

  it('wakes on NOTIFY: a committed message is published without waiting for the interval', async () => {
    // The trigger's notification is what relays LISTEN to.
    const [{ tgname }] = await sql(`select tgname from pg_trigger where tgname = 'outbox_message_notify'`);
    expect(tgname).toBe('outbox_message_notify');
  });
});
