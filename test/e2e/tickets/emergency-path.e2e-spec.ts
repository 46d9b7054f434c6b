import { startTestApp, TestActor, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import {
  ACTORS,
  CODES,
  CommandInputs,
  CommandMutation,
  expectResult,
  MINUTE,
  ref,
  TicketApi,
  TicketCommand,
  TicketState,
  TicketView,
} from './ticket-api';

// One house fire in Kintamani, reported by phone and followed from the call to
// the close, one command at a time. Every step moves the manual clock first, so
// a milestone stamped with the wrong time (or not stamped) shows up as a diff.

type Milestone = 'triagedAt' | 'dispatchedAt' | 'acknowledgedAt' | 'departedAt' | 'onSiteAt' | 'resolvedAt' | 'closedAt';
const MILESTONES: Milestone[] = ['triagedAt', 'dispatchedAt', 'acknowledgedAt', 'departedAt', 'onSiteAt', 'resolvedAt', 'closedAt'];

describe('an emergency by phone, from report to close', () => {
  let t: TestApp;
  let api: TicketApi;
  let ticket: TicketView;
  let reportedAt: string;
  /** What each milestone must read from now on: set by its step, never touched again. */
  const stamped: Record<Milestone, string | null> = Object.fromEntries(MILESTONES.map((m) => [m, null])) as Record<Milestone, string | null>;
  /** The clock time of each applied command, in order, to check the audit trail against. */
  const applied: Array<{ type: string; actor: TestActor; at: string }> = [];

  beforeAll(async () => {
    t = await startTestApp();
    api = new TicketApi(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  /**
   * Moves the clock, runs the command on the version last seen, and checks the
   * step's contract: new state, version + 1, its milestone (and updatedAt) at
   * the clock's time, earlier milestones untouched, and the buttons to show next.
   */
  async function step<M extends CommandMutation>(
    mutation: M,
    extra: Omit<CommandInputs[M], 'ticketId' | 'expectedVersion'>,
    actor: TestActor,
    expected: { after: number; state: TicketState; milestone: Milestone; allowed: TicketCommand[] },
  ): Promise<void> {
    const at = api.advance(expected.after);
    const before = ticket;
    const input = { ...ref(before), ...extra } as CommandInputs[M];
    ticket = await api.change(mutation, input, actor);
    stamped[expected.milestone] = at;
    applied.push({ type: ticket.events[ticket.events.length - 1]?.type ?? '?', actor, at });

    expect(ticket.id).toBe(before.id);
    expect(ticket.state).toBe(expected.state);
    expect(ticket.version).toBe(before.version + 1);
    expect(ticket.updatedAt).toBe(at);
    expect(Object.fromEntries(MILESTONES.map((m) => [m, ticket[m]]))).toEqual(stamped);
    expect(ticket.allowedCommands).toEqual(expected.allowed);
    // The report time is the start of every SLA clock: no step may move it.
    expect(ticket.reportedAt).toBe(reportedAt);
  }

  it('records the call as a NEW urgent ticket with the phone in E.164', async () => {
    const now = api.now();
    reportedAt = new Date(t.clock.now().getTime() - 20 * MINUTE).toISOString();
    ticket = await api.createTicket(
      {
        kind: 'EMERGENCY',
        channel: 'PHONE',
        description: 'Rumah terbakar di Desa Batur, api sudah membesar dan merembet ke dapur tetangga',
        descriptionLanguage: 'id',
        reporter: { name: 'Ketut Sudarma', phone: '0812-3456-7890' },
        location: { district: 'KINTAMANI', village: 'Batur Tengah' },
        reportedAt,
      },
      ACTORS.callTaker,
    );
    applied.push({ type: 'CREATED', actor: ACTORS.callTaker, at: now });

    expect(ticket).toMatchObject({
      state: 'NEW',
      version: 1,
      kind: 'EMERGENCY',
      // Emergencies default to the top priority and to sending someone out.
      priority: 'URGENT',
      fieldResponse: true,
      reportedAt,
      createdAt: now,
      updatedAt: now,
      createdBy: ACTORS.callTaker.userId,
      reporter: { name: 'Ketut Sudarma', phone: '+6281234567890' },
      location: { district: 'KINTAMANI', village: 'Batur Tengah' },
    });
    expect(ticket.number).toMatch(/^BGL-2026-\d{6}$/);
    expect(Object.fromEntries(MILESTONES.map((m) => [m, ticket[m]]))).toEqual(stamped);
    // An emergency cannot be "answered" like an information request.
    expect(ticket.allowedCommands).toEqual(['TRIAGE', 'REJECT', 'MARK_DUPLICATE', 'HOLD', 'ADD_NOTE', 'ADD_ATTACHMENT']);
  });

  it('triages it to the fire brigade', async () => {
    await step('triageTicket', {
      kind: 'EMERGENCY',
      categoryCode: CODES.fireCategory,
      opdCode: CODES.fireOpd,
      attributes: [{ code: 'PEOPLE_TRAPPED', values: ['NO'] }],
    }, ACTORS.callTaker, {
      after: 2 * MINUTE,
      state: 'TRIAGED',
      milestone: 'triagedAt',
      allowed: ['TRIAGE', 'DISPATCH', 'REJECT', 'MARK_DUPLICATE', 'HOLD', 'ADD_NOTE', 'ADD_ATTACHMENT'],
    });
    expect(ticket).toMatchObject({ categoryCode: CODES.fireCategory, opdCode: CODES.fireOpd, priority: 'URGENT', fieldResponse: true });
  });

  it('dispatches it to a unit', async () => {
    await step('dispatchTicket', { assignedUnit: 'Regu Damkar Kintamani' }, ACTORS.supervisor, {
      after: 1 * MINUTE,
      state: 'DISPATCHED',
      milestone: 'dispatchedAt',
      allowed: ['ACKNOWLEDGE', 'MARK_DUPLICATE', 'RETURN', 'HOLD', 'ADD_NOTE', 'ADD_ATTACHMENT', 'REASSIGN'],
    });
    expect(ticket.assignedUnit).toBe('Regu Damkar Kintamani');
  });

  it('is acknowledged by the OPD', async () => {
    await step('acknowledgeTicket', { note: 'Diterima, regu disiapkan' }, ACTORS.damkarOfficer, {
      after: 3 * MINUTE,
      state: 'ACKNOWLEDGED',
      milestone: 'acknowledgedAt',
      // No RESOLVE here: a field response must be seen on site first.
      allowed: ['DEPART', 'ARRIVE', 'MARK_DUPLICATE', 'RETURN', 'HOLD', 'ADD_NOTE', 'ADD_ATTACHMENT', 'REASSIGN'],
    });
  });

  it('cannot be resolved from the desk while it needs a field response', async () => {
    const result = await api.command('resolveTicket', { ...ref(ticket), note: 'Sudah ditangani' }, ACTORS.damkarOfficer);
    const refused = expectResult(result, 'IllegalTransition');
    expect(refused).toMatchObject({ from: 'ACKNOWLEDGED', command: 'RESOLVE', reason: 'GUARD_FAILED' });
    expect(refused.allowed).toEqual(ticket.allowedCommands);
    // A refusal changes nothing: the next step still runs on the same version.
    expect((await api.ticket(ticket.id))?.version).toBe(ticket.version);
  });

  it('departs', async () => {
    await step('departTicket', { unit: 'Mobil Damkar BL-02' }, ACTORS.damkarUnit, {
      after: 2 * MINUTE,
      state: 'EN_ROUTE',
      milestone: 'departedAt',
      allowed: ['ARRIVE', 'ADD_NOTE', 'ADD_ATTACHMENT', 'REASSIGN'],
    });
    expect(ticket.assignedUnit).toBe('Mobil Damkar BL-02');
  });

  it('arrives on site with a position and a photo as proof', async () => {
    await step(
      'arriveOnSite',
      { latitude: -8.2467, longitude: 115.3554, photoUrl: 'https://media.bangli.example/damkar/batur-0001.jpg' },
      ACTORS.damkarUnit,
      { after: 25 * MINUTE, state: 'ON_SITE', milestone: 'onSiteAt', allowed: ['RESOLVE', 'ADD_NOTE', 'ADD_ATTACHMENT', 'REASSIGN'] },
    );
    const arrival = ticket.events[ticket.events.length - 1];
    expect(arrival?.payload).toEqual({ latitude: -8.2467, longitude: 115.3554, photoUrl: 'https://media.bangli.example/damkar/batur-0001.jpg' });
  });

  it('is resolved with a note saying how', async () => {
    const note = 'Api dipadamkan pukul 10.35, tidak ada korban jiwa, dapur rusak berat';
    await step('resolveTicket', { note }, ACTORS.damkarUnit, {
      after: 40 * MINUTE,
      state: 'RESOLVED',
      milestone: 'resolvedAt',
      allowed: ['CLOSE', 'REOPEN', 'ADD_NOTE', 'ADD_ATTACHMENT'],
    });
    expect(ticket.outcomeNote).toBe(note);
  });

  it('is closed', async () => {
    await step('closeTicket', { note: 'Pelapor mengonfirmasi' }, ACTORS.callTaker, {
      after: 60 * MINUTE,
      state: 'CLOSED',
      milestone: 'closedAt',
      // Still reopenable: the window runs from the resolution.
      allowed: ['REOPEN', 'ADD_NOTE', 'ADD_ATTACHMENT'],
    });
  });

  it('keeps the whole story in the audit trail, as stored', async () => {
    const stored = await api.ticket(ticket.id);
    expect(stored).not.toBeNull();
    if (!stored) return;
    // What the last mutation returned is what was committed.
    expect(stored).toEqual(ticket);
    expect(stored.version).toBe(8);

    const trail = stored.events.map((e) => ({ seq: e.seq, type: e.type, actorId: e.actorId, actorRole: e.actorRole, at: e.occurredAt }));
    expect(trail).toEqual(applied.map((a, i) => ({ seq: i + 1, type: a.type, actorId: a.actor.userId, actorRole: a.actor.role, at: a.at })));
    expect(trail.map((e) => e.type)).toEqual(['CREATED', 'TRIAGE', 'DISPATCH', 'ACKNOWLEDGE', 'DEPART', 'ARRIVE', 'RESOLVE', 'CLOSE']);
    expect(stored.events.map((e) => [e.fromState, e.toState])).toEqual([
      [null, 'NEW'],
      ['NEW', 'TRIAGED'],
      ['TRIAGED', 'DISPATCHED'],
      ['DISPATCHED', 'ACKNOWLEDGED'],
      ['ACKNOWLEDGED', 'EN_ROUTE'],
      ['EN_ROUTE', 'ON_SITE'],
      ['ON_SITE', 'RESOLVED'],
      ['RESOLVED', 'CLOSED'],
    ]);
    // OPD actors are recorded with their OPD, the call centre without one.
    expect(stored.events.map((e) => e.actorOpd)).toEqual([null, null, null, 'SATPOLPP-DAMKAR', 'SATPOLPP-DAMKAR', 'SATPOLPP-DAMKAR', 'SATPOLPP-DAMKAR', null]);
  });

  it('measures the response time the clock says: reported 20 min before the call, on site 33 min after it', async () => {
    const stored = await api.ticket(ticket.id);
    const onSite = Date.parse(stored?.onSiteAt ?? '');
    // 20 min before the call was entered, then 2 + 1 + 3 + 2 + 25 min of steps.
    expect(onSite - Date.parse(stored?.reportedAt ?? '')).toBe((20 + 2 + 1 + 3 + 2 + 25) * MINUTE);
    expect(Date.parse(stored?.closedAt ?? '') - Date.parse(stored?.reportedAt ?? '')).toBe((20 + 33 + 40 + 60) * MINUTE);
  });
});
