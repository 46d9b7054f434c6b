import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus } from '@nestjs/cqrs';
import { CreateTicketCommand, CreateTicketResult } from '../../../src/core/ticket/commands/create-ticket/create-ticket.command';
import { DUPLICATE_MERGED } from '../../../src/core/ticket/domain/ticket-event-type';
import type { Ticket } from '../../../src/core/ticket/domain/ticket.entity';
import { TicketKind } from '../../../src/core/ticket/domain/ticket.enums';
import { TicketErrorCode, TicketException } from '../../../src/core/ticket/domain/ticket.exception';
import { TicketCommand as C, TicketState as S } from '../../../src/core/ticket/lifecycle';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import {
  ACTOR,
  buildCommand,
  createTicket,
  argsFor,
  drive,
  eventsOf,
  expectTicketError,
  loadTicket,
  outboxOf,
  prepareCatalog,
  readStored,
  report,
  StoredTicket,
} from './support';

const HOUR = 3_600_000;

describe('audit trail, outbox and merging', () => {
  let t: TestApp;
  let bus: CommandBus;

  beforeAll(async () => {
    t = await startTestApp();
    bus = t.app.get(CommandBus);
    await prepareCatalog(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  const run = (command: C, id: string, version: number, survivorId = ''): Promise<Ticket> =>
    bus.execute<object, Ticket>(buildCommand(command, id, version, argsFor(t, { survivorId })));

  /** Rows in the audit tables across every ticket: a refused command must not add to either. */
  async function totals(): Promise<{ events: number; outbox: number }> {
    const [row] = await t.app
      .get(EntityManager)
      .getConnection()
      .execute<Array<{ events: string; outbox: string }>>(
        'SELECT (SELECT count(*) FROM ticket_event) AS events, (SELECT count(*) FROM outbox_message) AS outbox',
      );
    return { events: Number(row.events), outbox: Number(row.outbox) };
  }

  it('writes each accepted command as one event and one outbox message that describe the same step', async () => {
    const id = await createTicket(t, TicketKind.EMERGENCY);
    let version = 1;
    for (const command of [C.TRIAGE, C.DISPATCH, C.ACKNOWLEDGE, C.DEPART, C.ARRIVE, C.RESOLVE, C.CLOSE, C.ADD_NOTE]) {
      t.clock.advance(60_000);
      version = (await bus.execute<object, Ticket>(buildCommand(command, id, version, argsFor(t, { kind: TicketKind.EMERGENCY, fieldResponse: null })))).version;
      const stored = await readStored(t, id);
      expect({ command, version: stored.version, events: stored.events, outbox: stored.outbox }).toEqual({
        command,
        version,
        events: version,
        outbox: version,
      });
    }
    const events = await eventsOf(t, id);
    const outbox = await outboxOf(t, id);
    expect(outbox).toEqual(
      events.map((e) => ({
        topic: `ticket.${e.type.toLowerCase()}`,
        payload: expect.objectContaining({ eventId: e.id, ticketId: id, seq: e.seq, type: e.type, from: e.fromState, to: e.toState }),
      })),
    );
    expect(events.map((e) => e.toState)).toEqual([S.NEW, S.TRIAGED, S.DISPATCHED, S.ACKNOWLEDGED, S.EN_ROUTE, S.ON_SITE, S.RESOLVED, S.CLOSED, S.CLOSED]);
  });

  it('leaves no event, no outbox message and no change when MARK_DUPLICATE is refused', async () => {
    const rejected = await createTicket(t, TicketKind.COMPLAINT);
    await drive(t, rejected, [C.REJECT]);
    const merged = await createTicket(t, TicketKind.COMPLAINT);
    const open = await createTicket(t, TicketKind.COMPLAINT);
    await drive(t, merged, [C.MARK_DUPLICATE], { survivorId: open });
    const duplicate = await createTicket(t, TicketKind.COMPLAINT);
    const version = await drive(t, duplicate, [C.TRIAGE]);
    t.clock.advance(60_000);

    const watched = [rejected, merged, open, duplicate];
    const before: StoredTicket[] = await Promise.all(watched.map((id) => readStored(t, id)));
    const totalsBefore = await totals();
    // A REJECTED or DUPLICATE survivor, one that does not exist, and the ticket itself.
    const refusals: Array<[string, RegExp]> = [
      [rejected, /is REJECTED and cannot take duplicates/],
      [merged, /is DUPLICATE and cannot take duplicates/],
      [randomUUID(), /no ticket/],
      [duplicate, /cannot be a duplicate of itself/],
    ];
    for (const [target, message] of refusals) {
      const error = await expectTicketError(run(C.MARK_DUPLICATE, duplicate, version, target), TicketErrorCode.INVALID_INPUT);
      expect(error.message).toMatch(message);
    }
    expect(await Promise.all(watched.map((id) => readStored(t, id)))).toEqual(before);
    expect(await totals()).toEqual(totalsBefore);
    expect((await loadTicket(t, duplicate)).duplicateOf).toBeNull();
  });

  it('merges a duplicate: the survivor takes the earliest reportedAt, a DUPLICATE_MERGED event and one version', async () => {
    const now = t.clock.now().getTime();
    const survivorId = await createTicket(t, TicketKind.COMPLAINT, { reportedAt: new Date(now - 1 * HOUR) });
    const duplicateId = await createTicket(t, TicketKind.COMPLAINT, { reportedAt: new Date(now - 3 * HOUR) });
    const laterId = await createTicket(t, TicketKind.COMPLAINT, { reportedAt: new Date(now - 0.5 * HOUR) });

    t.clock.advance(60_000);
    const dup = await run(C.MARK_DUPLICATE, duplicateId, 1, survivorId);
    expect(dup.state).toBe(S.DUPLICATE);
    let survivor = await loadTicket(t, survivorId);
    expect(survivor.reportedAt.getTime()).toBe(now - 3 * HOUR);
    expect(survivor.version).toBe(2);
    expect(survivor.state).toBe(S.NEW);
    const stored = await loadTicket(t, duplicateId);
    expect({ state: stored.state, duplicateOf: stored.duplicateOf?.id }).toEqual({ state: S.DUPLICATE, duplicateOf: survivorId });
    const merge = (await eventsOf(t, survivorId)).at(-1);
    expect(merge).toMatchObject({
      seq: 2,
      type: DUPLICATE_MERGED,
      fromState: S.NEW,
      toState: S.NEW,
      payload: { duplicateId, duplicateNumber: stored.number, reportedAtBefore: new Date(now - 1 * HOUR).toISOString() },
    });
    expect((await outboxOf(t, survivorId)).map((o) => o.topic)).toEqual(['ticket.created', 'ticket.duplicate_merged']);

    // A later report does not move the survivor's clock.
    t.clock.advance(60_000);
    await run(C.MARK_DUPLICATE, laterId, 1, survivorId);
    survivor = await loadTicket(t, survivorId);
    expect({ reportedAt: survivor.reportedAt.getTime(), version: survivor.version }).toEqual({ reportedAt: now - 3 * HOUR, version: 3 });
    expect((await eventsOf(t, survivorId)).at(-1)?.payload).toEqual({ duplicateId: laterId, duplicateNumber: (await loadTicket(t, laterId)).number });
  });

  it('moves the duplicate itself by exactly one version, with no gap in its event seqs', async () => {
    // Regression: the survivor is looked up (and locked) after the duplicate
    // was modified; with an auto-flush before that query the duplicate was
    // written twice, so its version went up by 2 and its seqs had a gap.
    const survivorId = await createTicket(t, TicketKind.COMPLAINT);
    const duplicateId = await createTicket(t, TicketKind.COMPLAINT);
    const version = await drive(t, duplicateId, [C.TRIAGE]);
    t.clock.advance(60_000);
    const result = await run(C.MARK_DUPLICATE, duplicateId, version, survivorId);
    const stored = await readStored(t, duplicateId);
    const seqs = (await eventsOf(t, duplicateId)).map((e) => e.seq);
    expect({ returned: result.version, stored: stored.version, seqs }).toEqual({
      returned: version + 1,
      stored: version + 1,
      seqs: Array.from({ length: version + 1 }, (_, i) => i + 1),
    });
  });

  it('keeps the survivor writable after two merges into it at the same instant', async () => {
    // Regression: if the second merge changes no survivor column (updatedAt
    // already equals now), the versioned UPDATE is skipped while its event
    // still takes seq version+1; every later command on the survivor then
    // collides on (ticket_id, seq) and is reported as a VERSION_CONFLICT.
    const survivorId = await createTicket(t, TicketKind.COMPLAINT);
    const a = await createTicket(t, TicketKind.COMPLAINT);
    const b = await createTicket(t, TicketKind.COMPLAINT);
    t.clock.advance(60_000);
    await run(C.MARK_DUPLICATE, a, 1, survivorId);
    await run(C.MARK_DUPLICATE, b, 1, survivorId);
    const stored = await readStored(t, survivorId);
    expect({ version: stored.version, events: stored.events }).toEqual({ version: 3, events: 3 });

    t.clock.advance(60_000);
    const noted = await run(C.ADD_NOTE, survivorId, stored.version);
    expect(noted.version).toBe(stored.version + 1);
  });

  it('records and answers an information request in one call: ANSWERED, version 2, CREATED then ANSWER', async () => {
    const now = t.clock.now();
    const res = await bus.execute<CreateTicketCommand, CreateTicketResult>(
      new CreateTicketCommand({ report: report(TicketKind.INFORMATION, { description: 'Jadwal samsat keliling?' }), actor: ACTOR, answer: 'Setiap Senin di Bangli' }),
    );
    expect(res.created).toBe(true);
    const ticket = await loadTicket(t, res.ticketId);
    expect({ state: ticket.state, version: ticket.version, answeredAt: ticket.answeredAt?.getTime(), outcome: ticket.outcomeNote }).toEqual({
      state: S.ANSWERED,
      version: 2,
      answeredAt: now.getTime(),
      outcome: 'Setiap Senin di Bangli',
    });
    const events = await eventsOf(t, res.ticketId);
    expect(events.map(({ seq, type, fromState, toState }) => ({ seq, type, fromState, toState }))).toEqual([
      { seq: 1, type: 'CREATED', fromState: null, toState: S.NEW },
      { seq: 2, type: C.ANSWER, fromState: S.NEW, toState: S.ANSWERED },
    ]);
    expect((await outboxOf(t, res.ticketId)).map((o) => o.topic)).toEqual(['ticket.created', 'ticket.answer']);

    // A complaint cannot be closed by an answer, and the refusal leaves no
    // ticket behind. Intake may refuse it up front (INVALID_INPUT) or the
    // lifecycle guard inside the transaction (ILLEGAL_TRANSITION): either is
    // a refusal, what matters here is that nothing was written.
    const totalsBefore = await totals();
    const complaint = report(TicketKind.COMPLAINT, { description: 'Sampah menumpuk di pasar Kidul' });
    const refused = await bus
      .execute<CreateTicketCommand, CreateTicketResult>(new CreateTicketCommand({ report: complaint, actor: ACTOR, answer: 'nanti' }))
      .then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(TicketException);
    expect([TicketErrorCode.INVALID_INPUT, TicketErrorCode.ILLEGAL_TRANSITION]).toContain((refused as TicketException).code);
    const [{ n }] = await t.app
      .get(EntityManager)
      .getConnection()
      .execute<Array<{ n: string }>>(`SELECT count(*) AS n FROM ticket WHERE description = ?`, [complaint.description]);
    expect(Number(n)).toBe(0);
    expect(await totals()).toEqual(totalsBefore);
  });

  const HOLDABLE: ReadonlyArray<[S, C[]]> = [
    [S.NEW, []],
    [S.TRIAGED, [C.TRIAGE]],
    [S.DISPATCHED, [C.TRIAGE, C.DISPATCH]],
    [S.ACKNOWLEDGED, [C.TRIAGE, C.DISPATCH, C.ACKNOWLEDGE]],
    [S.RETURNED, [C.TRIAGE, C.DISPATCH, C.RETURN]],
  ];

  it.each(HOLDABLE)('holds from %s and resumes back to it, a note in between', async (origin, path) => {
    const id = await createTicket(t, TicketKind.COMPLAINT);
    const version = await drive(t, id, path);
    expect((await readStored(t, id)).snapshot.state).toBe(origin);
    await drive(t, id, [C.HOLD]);
    expect((await readStored(t, id)).snapshot).toMatchObject({ state: S.ON_HOLD, heldFrom: origin });
    await drive(t, id, [C.ADD_NOTE]);
    expect((await readStored(t, id)).snapshot).toMatchObject({ state: S.ON_HOLD, heldFrom: origin });
    await drive(t, id, [C.RESUME]);
    const stored = await readStored(t, id);
    expect({ state: stored.snapshot.state, heldFrom: stored.snapshot.heldFrom, version: stored.version }).toEqual({
      state: origin,
      heldFrom: null,
      version: version + 3,
    });
    expect((await eventsOf(t, id)).slice(-3).map((e) => [e.type, e.fromState, e.toState])).toEqual([
      [C.HOLD, origin, S.ON_HOLD],
      [C.ADD_NOTE, S.ON_HOLD, S.ON_HOLD],
      [C.RESUME, S.ON_HOLD, origin],
    ]);
  });

  it('reopens within the window (inclusive) to DISPATCHED with the milestones cleared', async () => {
    const window = t.config.tickets.reopenWindowMs;
    const id = await createTicket(t, TicketKind.COMPLAINT);
    let version = await drive(t, id, [C.TRIAGE, C.DISPATCH, C.ACKNOWLEDGE, C.RESOLVE, C.CLOSE]);
    const resolvedAt = (await loadTicket(t, id)).resolvedAt;
    expect(resolvedAt).not.toBeNull();
    t.clock.set(new Date(resolvedAt!.getTime() + window));
    version = (await run(C.REOPEN, id, version)).version;

    const ticket = await loadTicket(t, id);
    expect({
      state: ticket.state,
      version: ticket.version,
      resolvedAt: ticket.resolvedAt,
      closedAt: ticket.closedAt,
      acknowledgedAt: ticket.acknowledgedAt,
      dispatchedAt: ticket.dispatchedAt?.getTime(),
      reopenCount: ticket.reopenCount,
    }).toEqual({ state: S.DISPATCHED, version, resolvedAt: null, closedAt: null, acknowledgedAt: null, dispatchedAt: t.clock.now().getTime(), reopenCount: 1 });
    expect((await eventsOf(t, id)).at(-1)).toMatchObject({ seq: version, type: C.REOPEN, fromState: S.CLOSED, toState: S.DISPATCHED });
  });

  it.each([S.RESOLVED, S.CLOSED])('refuses to reopen from %s 1 ms after the window, changing nothing', async (state) => {
    const window = t.config.tickets.reopenWindowMs;
    const id = await createTicket(t, TicketKind.COMPLAINT);
    const path = [C.TRIAGE, C.DISPATCH, C.ACKNOWLEDGE, C.RESOLVE, ...(state === S.CLOSED ? [C.CLOSE] : [])];
    const version = await drive(t, id, path);
    const resolvedAt = (await loadTicket(t, id)).resolvedAt!;
    t.clock.set(new Date(resolvedAt.getTime() + window + 1));
    const before = await readStored(t, id);

    const error = await expectTicketError(run(C.REOPEN, id, version), TicketErrorCode.ILLEGAL_TRANSITION);
    expect(error.details).toMatchObject({ from: state, command: C.REOPEN, reason: 'GUARD_FAILED' });
    expect(error.details.allowed).not.toContain(C.REOPEN);
    expect(await readStored(t, id)).toEqual(before);
  });
});
