import { CommandBus } from '@nestjs/cqrs';
import { Client } from 'pg';
import { CreateTicketCommand, CreateTicketResult } from '../../../src/core/ticket/commands/create-ticket/create-ticket.command';
import type { Ticket } from '../../../src/core/ticket/domain/ticket.entity';
import { TicketChannel, TicketKind } from '../../../src/core/ticket/domain/ticket.enums';
import { TicketErrorCode, TicketException } from '../../../src/core/ticket/domain/ticket.exception';
import { TicketCommand, TicketState } from '../../../src/core/ticket/lifecycle';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { ACTOR, argsFor, buildCommand, CommandArgs, createTicket, drive, eventsOf, OPD_ACTOR, prepareCatalog, readStored, report } from './support';

const RACE_ROUNDS = 20;
const DISPATCH = [TicketCommand.TRIAGE, TicketCommand.DISPATCH];

/** Settled results split by outcome, with the single winner and loser a two-way race must have. */
function oneWinner(results: PromiseSettledResult<Ticket>[]): { winner: Ticket; winnerIndex: number; loser: unknown } {
  const fulfilled = results.flatMap((r, i) => (r.status === 'fulfilled' ? [{ ticket: r.value, i }] : []));
  const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  expect({ fulfilled: fulfilled.length, rejected: rejected.length }).toEqual({ fulfilled: 1, rejected: 1 });
  return { winner: fulfilled[0].ticket, winnerIndex: fulfilled[0].i, loser: rejected[0] };
}

function expectConflict(error: unknown, currentVersion: number): void {
  expect(error).toBeInstanceOf(TicketException);
  const e = error as TicketException;
  expect({ code: e.code, currentVersion: e.details.currentVersion }).toEqual({
    code: TicketErrorCode.VERSION_CONFLICT,
    currentVersion,
  });
}

describe('tickets under concurrent writers', () => {
  let t: TestApp;
  let bus: CommandBus;
  let args: CommandArgs;

  beforeAll(async () => {
    t = await startTestApp();
    bus = t.app.get(CommandBus);
    await prepareCatalog(t);
    args = argsFor(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  it(`lets exactly one of ACKNOWLEDGE and RETURN on the same version win (${RACE_ROUNDS} fresh tickets)`, async () => {
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const id = await createTicket(t, TicketKind.COMPLAINT);
      const version = await drive(t, id, DISPATCH);
      t.clock.advance(1000);
      const commands = [TicketCommand.ACKNOWLEDGE, TicketCommand.RETURN] as const;
      // Alternate who is sent first, so neither command wins only by going first.
      const order = round % 2 === 0 ? commands : ([...commands].reverse() as TicketCommand[]);
      const results = await Promise.allSettled(
        order.map((c) => bus.execute<object, Ticket>(buildCommand(c, id, version, args, OPD_ACTOR))),
      );

      const { winner, winnerIndex, loser } = oneWinner(results);
      expect(winner.version).toBe(version + 1);
      expectConflict(loser, winner.version);

      const stored = await readStored(t, id);
      const expectedState = order[winnerIndex] === TicketCommand.ACKNOWLEDGE ? TicketState.ACKNOWLEDGED : TicketState.RETURNED;
      expect({ version: stored.version, state: stored.snapshot.state, events: stored.events, outbox: stored.outbox }).toEqual({
        version: version + 1,
        state: expectedState,
        events: version + 1,
        outbox: version + 1,
      });
      const last = (await eventsOf(t, id)).at(-1);
      expect(last).toMatchObject({ seq: version + 1, type: order[winnerIndex], fromState: TicketState.DISPATCHED, toState: expectedState });
    }
  });

  it('stops the loser at the database when both writers passed the version check', async () => {
    // Hold a share lock on the row from outside: both transactions can read
    // version v (so the in-code check passes for both), but neither can commit
    // until the lock is released. The loser must then be stopped by the
    // versioned UPDATE / unique (ticket_id, seq), not by the early check.
    const id = await createTicket(t, TicketKind.COMPLAINT);
    const version = await drive(t, id, DISPATCH);
    t.clock.advance(1000);
    const locker = new Client({ connectionString: t.db.url });
    const watcher = new Client({ connectionString: t.db.url });
    await locker.connect();
    await watcher.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM ticket WHERE id = $1 FOR SHARE', [id]);
      const racing = Promise.allSettled(
        [TicketCommand.ACKNOWLEDGE, TicketCommand.RETURN].map((c) => bus.execute<object, Ticket>(buildCommand(c, id, version, args, OPD_ACTOR))),
      );
      // Proceed once both writers are blocked inside their transactions; a
      // bounded poll of the server's own view, not a sleep.
      let waiting = 0;
      for (let i = 0; i < 5_000 && waiting < 2; i++) {
        const { rows } = await watcher.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        waiting = Number(rows[0].n);
      }
      expect(waiting).toBe(2);
      await locker.query('COMMIT');

      const { winner, loser } = oneWinner(await racing);
      expect(winner.version).toBe(version + 1);
      expectConflict(loser, version + 1);
      const stored = await readStored(t, id);
      expect({ version: stored.version, events: stored.events, outbox: stored.outbox }).toEqual({
        version: version + 1,
        events: version + 1,
        outbox: version + 1,
      });
    } finally {
      await locker.end();
      await watcher.end();
    }
  });

  it('triages more tickets at once than the pool has connections', async () => {
    // Guards against a pool deadlock (fixed in b705b7b): TRIAGE must read its
    // category through the command's own transaction (CategoryRouting.route
    // gets the transaction's EntityManager), never on a fork of the root one,
    // i.e. a second pooled connection. Otherwise, once every connection holds
    // an open triage transaction, each waits for a second one and nothing
    // moves until knex's 60 s acquire timeout fails them. Four triages on a
    // pool of 2 make that wait certain, hence the limit above 60 s: a
    // regression fails here with the acquire-timeout errors, not a jest timeout.
    const small = await startTestApp({ DATABASE_POOL_MAX: '2' });
    try {
      await prepareCatalog(small);
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push(await createTicket(small, TicketKind.COMPLAINT));
      small.clock.advance(1000);
      const smallBus = small.app.get(CommandBus);
      const results = await Promise.allSettled(
        ids.map((id) => smallBus.execute<object, Ticket>(buildCommand(TicketCommand.TRIAGE, id, 1, argsFor(small)))),
      );
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value.state : String(r.reason)))).toEqual(ids.map(() => TicketState.TRIAGED));
    } finally {
      await small.close();
    }
  }, 120_000);

  it('creates one ticket for 20 concurrent retries with the same idempotency key', async () => {
    const key = 'retry-key-0001';
    const same = report(TicketKind.EMERGENCY, { description: 'Pohon tumbang menutup jalan', reporter: { phone: '0812 3456 7890' } });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => bus.execute<CreateTicketCommand, CreateTicketResult>(new CreateTicketCommand({ report: same, actor: ACTOR, idempotencyKey: key }))),
    );

    const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(failures).toEqual([]);
    const values = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(new Set(values.map((v) => v.ticketId)).size).toBe(1);
    expect(values.filter((v) => v.created)).toHaveLength(1);

    const ticketId = values[0].ticketId;
    const byKey = await countWhere(t, 'SELECT count(*) AS n FROM ticket WHERE idempotency_key = $1', [key]);
    expect(byKey).toBe(1);
    const created = await countWhere(t, `SELECT count(*) AS n FROM ticket_event WHERE ticket_id = $1 AND type = 'CREATED'`, [ticketId]);
    expect(created).toBe(1);
    expect(await readStored(t, ticketId)).toMatchObject({ version: 1, events: 1, outbox: 1 });
  });

  it('refuses the same key with a different report, alone and in a race with the original', async () => {
    const key = 'retry-key-0002';
    const original = report(TicketKind.INFORMATION, { description: 'Kapan jadwal samsat keliling di Kintamani?' });
    const different = report(TicketKind.INFORMATION, { description: 'Kapan jadwal samsat keliling di Susut?' });
    const first = await bus.execute<CreateTicketCommand, CreateTicketResult>(new CreateTicketCommand({ report: original, actor: ACTOR, idempotencyKey: key }));
    expect(first.created).toBe(true);
    const reused = await bus.execute<CreateTicketCommand, CreateTicketResult>(new CreateTicketCommand({ report: different, actor: ACTOR, idempotencyKey: key })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(reused).toBeInstanceOf(TicketException);
    expect((reused as TicketException).code).toBe(TicketErrorCode.IDEMPOTENCY_KEY_REUSED);
    // The same report answered in the same call is a different request too.
    const withAnswer = new CreateTicketCommand({ report: original, actor: ACTOR, idempotencyKey: key, answer: 'jawaban' });
    await expect(bus.execute<CreateTicketCommand, CreateTicketResult>(withAnswer)).rejects.toMatchObject({
      code: TicketErrorCode.IDEMPOTENCY_KEY_REUSED,
    });

    // Racing: whichever report lands first owns the key; every request for the
    // other report is refused, every request for the winner gets its ticket.
    const raceKey = 'retry-key-0003';
    const a = report(TicketKind.INFORMATION, { description: 'Jam buka kantor Dukcapil?', channel: TicketChannel.WEB });
    const b = report(TicketKind.INFORMATION, { description: 'Syarat membuat KTP?', channel: TicketChannel.WEB });
    const sent = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b));
    const results = await Promise.allSettled(sent.map((r) => bus.execute<CreateTicketCommand, CreateTicketResult>(new CreateTicketCommand({ report: r, actor: ACTOR, idempotencyKey: raceKey }))));
    const owner = await countWhere(t, 'SELECT count(*) AS n FROM ticket WHERE idempotency_key = $1', [raceKey]);
    expect(owner).toBe(1);
    const won = results.findIndex((r) => r.status === 'fulfilled' && r.value.created);
    expect(won).toBeGreaterThanOrEqual(0);
    const winnerReport = sent[won];
    const outcomes = results.map((r, i) =>
      sent[i] === winnerReport
        ? r.status === 'fulfilled' && r.value.ticketId === (results[won] as PromiseFulfilledResult<CreateTicketResult>).value.ticketId
        : r.status === 'rejected' && r.reason instanceof TicketException && r.reason.code === TicketErrorCode.IDEMPOTENCY_KEY_REUSED,
    );
    expect(outcomes).toEqual(sent.map(() => true));
  });
});

async function countWhere(t: TestApp, sql: string, params: unknown[]): Promise<number> {
  const client = new Client({ connectionString: t.db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(sql, params);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}
