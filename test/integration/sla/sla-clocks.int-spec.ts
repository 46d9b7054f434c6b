import { TicketKind } from '../../../src/core/ticket/domain/ticket.enums';
import { TicketCommand as C } from '../../../src/core/ticket/lifecycle';
import { ManualClock } from '../../support/manual-clock';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { createTicket, OPD_ACTOR, prepareCatalog } from '../tickets/support';
import { Category, categoryOf, clocksOf, triage, escalationsOf, HOUR, MINUTE, replayAndStored, step, sweep } from './sla-support';

// Every scenario ends by rebuilding the clocks from the event log alone and
// comparing them with what the transactions stored.
async function expectReplayAgrees(t: TestApp, ticketId: string): Promise<void> {
  const { replay, stored } = await replayAndStored(t, ticketId);
  expect(stored).toEqual(replay);
}

describe('SLA clocks with an injected clock (emergencies, 2026-11-28)', () => {
  let t: TestApp;
  let bpbdEmergency: Category;
  let dinkesEmergency: Category;
  let bpbdComplaint: Category;
  const T0 = new Date('2026-11-28T02:00:00Z');
  const at = (ms: number) => new Date(T0.getTime() + ms).toISOString();

  beforeAll(async () => {
    t = await startTestApp({}, new ManualClock(T0));
    await prepareCatalog(t);
    bpbdEmergency = await categoryOf(t, 'BPBD', 'EMERGENCY');
    dinkesEmergency = await categoryOf(t, 'DINKES', 'EMERGENCY');
    bpbdComplaint = await categoryOf(t, 'BPBD', 'COMPLAINT');
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close(), BOOT_TIMEOUT_MS);
  beforeEach(() => t.clock.set(T0));

  async function emergencyAtBpbd(): Promise<string> {
    const id = await createTicket(t, TicketKind.EMERGENCY);
    t.clock.advance(3 * MINUTE);
    await triage(t, id, bpbdEmergency);
    t.clock.advance(2 * MINUTE);
    await step(t, id, C.DISPATCH);
    t.clock.advance(3 * MINUTE);
    await step(t, id, C.ACKNOWLEDGE, {}, { ...OPD_ACTOR, opdCode: 'BPBD' });
    return id;
  }

  it('starts the 2-hour on-site clock at the report, before anyone triages', async () => {
    const id = await createTicket(t, TicketKind.EMERGENCY);
    const clocks = await clocksOf(t, id);
    expect(clocks.ON_SITE).toMatchObject({ status: 'RUNNING', targetMinutes: 120, calendar: '24x7', startedAt: at(0), dueAt: at(2 * HOUR) });
    expect(clocks.TRIAGE).toMatchObject({ status: 'RUNNING', targetMinutes: 5, dueAt: at(5 * MINUTE), nextFireAt: at(2.5 * MINUTE) });
    expect(clocks.ACKNOWLEDGE).toMatchObject({ status: 'PENDING', dueAt: null, nextFireAt: null });
    await expectReplayAgrees(t, id);
  });

  it('met: on site after 80 minutes, with the 50% warning recorded once on the way', async () => {
    const id = await emergencyAtBpbd();
    t.clock.set(at(61 * MINUTE));
    await sweep(t);
    await sweep(t);
    t.clock.set(at(80 * MINUTE));
    await step(t, id, C.DEPART);
    await step(t, id, C.ARRIVE);
    t.clock.set(at(3 * HOUR));
    await sweep(t);

    const clocks = await clocksOf(t, id);
    expect(clocks.ON_SITE).toMatchObject({ status: 'STOPPED', stoppedAt: at(80 * MINUTE), elapsedMs: 80 * MINUTE, breachedAt: null, nextFireAt: null });
    expect(clocks.TRIAGE).toMatchObject({ status: 'STOPPED', elapsedMs: 3 * MINUTE, breachedAt: null });
    expect(clocks.ACKNOWLEDGE).toMatchObject({ status: 'STOPPED', startedAt: at(5 * MINUTE), elapsedMs: 3 * MINUTE });
    const escalations = await escalationsOf(t, id);
    // The triage passed half its 5 minutes before the call taker finished: that is recorded too.
    expect(escalations.map((e) => [e.metric, e.threshold_pct])).toEqual([
      ['ON_SITE', 50],
      ['TRIAGE', 50],
    ]);
    expect(escalations[0]).toMatchObject({ level: 1, notified: [{ kind: 'OPD_ROLE', role: 'HEAD_OF_DIVISION' }] });
    expect(escalations[0].due_at.toISOString()).toBe(at(60 * MINUTE));
    await expectReplayAgrees(t, id);
  });

  it('breached: every rung of the ladder once, the breach to the Regent, however often the sweep runs', async () => {
    const id = await emergencyAtBpbd();
    for (const minutes of [61, 91, 109, 121, 121, 180]) {
      t.clock.set(at(minutes * MINUTE));
      await sweep(t);
    }
    const escalations = (await escalationsOf(t, id)).filter((e) => e.metric === 'ON_SITE');
    expect(escalations.map((e) => [e.threshold_pct, e.level])).toEqual([
      [50, 1],
      [75, 2],
      [90, 3],
      [100, 4],
    ]);
    expect(escalations[3].notified.map((n) => n.kind)).toEqual(['OPD_HEAD', 'COMMAND_CENTRE', 'REGIONAL_SECRETARY', 'REGENT']);
    expect(escalations[3].due_at.toISOString()).toBe(at(2 * HOUR));
    expect((await clocksOf(t, id)).ON_SITE).toMatchObject({ status: 'RUNNING', dueAt: at(2 * HOUR), firedPct: 100, nextFireAt: null });
    await expectReplayAgrees(t, id);
  });

  it('a late first sweep records all passed thresholds at once, each with its own due time', async () => {
    const id = await emergencyAtBpbd();
    t.clock.set(at(5 * HOUR));
    await sweep(t);
    const onSite = (await escalationsOf(t, id)).filter((e) => e.metric === 'ON_SITE');
    expect(onSite.map((e) => e.due_at.toISOString())).toEqual([at(60 * MINUTE), at(90 * MINUTE), at(108 * MINUTE), at(120 * MINUTE)]);
  });

  it('a transfer to another OPD keeps the report-time clock and starts a new acknowledgement cycle', async () => {
    const id = await emergencyAtBpbd();
    t.clock.set(at(20 * MINUTE));
    await step(t, id, C.RETURN, {}, { ...OPD_ACTOR, opdCode: 'BPBD' });
    t.clock.set(at(25 * MINUTE));
    await triage(t, id, dinkesEmergency);
    await step(t, id, C.DISPATCH);
    const clocks = await clocksOf(t, id);
    expect(clocks.ACKNOWLEDGE).toMatchObject({ status: 'RUNNING', cycle: 2, startedAt: at(25 * MINUTE), firedPct: 0 });
    expect(clocks.ON_SITE).toMatchObject({ status: 'RUNNING', startedAt: at(0), cycle: 1 });
    expect(clocks.ON_SITE.dueAt).toBe(at(clocks.ON_SITE.targetMinutes * MINUTE));
    await expectReplayAgrees(t, id);
  });

  it('reclassifying a complaint as an emergency gives it the on-site clock from the report, and drops the working-day one', async () => {
    const id = await createTicket(t, TicketKind.COMPLAINT);
    t.clock.set(at(10 * MINUTE));
    await triage(t, id, bpbdComplaint);
    await step(t, id, C.DISPATCH);
    expect((await clocksOf(t, id)).RESOLVE).toMatchObject({ status: 'RUNNING', calendar: 'WORKING_DAYS' });
    t.clock.set(at(40 * MINUTE));
    await step(t, id, C.RETURN, {}, { ...OPD_ACTOR, opdCode: 'BPBD' });
    await triage(t, id, bpbdEmergency);
    const clocks = await clocksOf(t, id);
    expect(clocks.ON_SITE).toMatchObject({ status: 'RUNNING', startedAt: at(0), dueAt: at(clocks.ON_SITE.targetMinutes * MINUTE) });
    expect(clocks.RESOLVE.status).toBe('NOT_APPLICABLE');
    expect(clocks.RESOLVE.nextFireAt).toBeNull();
    // The emergency triage clock counts from the report to the first triage, round the clock.
    expect(clocks.TRIAGE).toMatchObject({ status: 'STOPPED', calendar: '24x7', elapsedMs: 10 * MINUTE, breachedAt: at(5 * MINUTE) });
    await expectReplayAgrees(t, id);
  });

  it('a merged duplicate reported earlier moves the survivor\'s deadline earlier', async () => {
    t.clock.set(at(30 * MINUTE));
    const survivor = await createTicket(t, TicketKind.EMERGENCY);
    expect((await clocksOf(t, survivor)).ON_SITE.dueAt).toBe(at(150 * MINUTE));
    const duplicate = await createTicket(t, TicketKind.EMERGENCY, { reportedAt: T0 });
    t.clock.set(at(35 * MINUTE));
    await step(t, duplicate, C.MARK_DUPLICATE, { survivorId: survivor });
    expect((await clocksOf(t, survivor)).ON_SITE).toMatchObject({ startedAt: at(0), dueAt: at(120 * MINUTE) });
    expect((await clocksOf(t, duplicate)).ON_SITE.status).toBe('CANCELLED');
    await expectReplayAgrees(t, survivor);
    await expectReplayAgrees(t, duplicate);
  });
});

describe('SLA clocks in working days (complaints around Nyepi 2027)', () => {
  let t: TestApp;
  let puprComplaint: Category;
  // Friday 2027-03-05 15:00 WITA; Nyepi is Monday 03-08, Idul Fitri 03-09 and 03-10.
  const FRIDAY_3PM = new Date('2027-03-05T07:00:00Z');
  const pupr = { ...OPD_ACTOR, opdCode: 'PUPR-PERKIM' };

  beforeAll(async () => {
    t = await startTestApp({}, new ManualClock(FRIDAY_3PM));
    await prepareCatalog(t);
    puprComplaint = await categoryOf(t, 'PUPR-PERKIM', 'COMPLAINT');
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close(), BOOT_TIMEOUT_MS);

  async function dispatchedComplaint(): Promise<string> {
    const id = await createTicket(t, TicketKind.COMPLAINT);
    await triage(t, id, puprComplaint);
    await step(t, id, C.DISPATCH);
    return id;
  }

  it('five working days from Friday afternoon skip the weekend, Nyepi and Idul Fitri', async () => {
    t.clock.set(FRIDAY_3PM);
    const id = await dispatchedComplaint();
    const clocks = await clocksOf(t, id);
    // 1 h on Friday, then Thu 11, Fri 12, Mon 15, Tue 16 (8 h each) and 7 h on Wed 17: 15:00 WITA.
    expect(clocks.RESOLVE).toMatchObject({ targetMinutes: 2400, dueAt: '2027-03-17T07:00:00.000Z' });
    // One working day: Friday's last hour, then 7 h on Thursday 11.
    expect(clocks.ACKNOWLEDGE).toMatchObject({ targetMinutes: 480, dueAt: '2027-03-11T07:00:00.000Z' });
    // The 50% warning of the resolution clock: 20 working hours in (1 + 8 + 8 + 3), Monday 15 at 11:00 WITA.
    expect(clocks.RESOLVE.thresholds[0]).toEqual({ pct: 50, at: '2027-03-15T03:00:00.000Z' });
    // Half the acknowledgement's working day is Friday's hour and three on Thursday: 11:00 WITA.
    expect(clocks.ACKNOWLEDGE.thresholds[0]).toEqual({ pct: 50, at: '2027-03-11T03:00:00.000Z' });
    t.clock.set('2027-03-11T02:59:59Z');
    await sweep(t);
    expect((await escalationsOf(t, id)).map((e) => e.threshold_pct)).toEqual([]);
    t.clock.set('2027-03-15T03:00:00Z');
    await sweep(t);
    expect((await escalationsOf(t, id)).map((e) => [e.metric, e.threshold_pct])).toEqual([
      ['ACKNOWLEDGE', 50],
      ['ACKNOWLEDGE', 75],
      ['ACKNOWLEDGE', 90],
      ['ACKNOWLEDGE', 100],
      ['RESOLVE', 50],
    ]);
    await expectReplayAgrees(t, id);
  });

  it('hold pauses the clock; resume continues it with the working time that was left', async () => {
    t.clock.set('2027-03-11T00:00:00Z'); // Thursday 08:00 WITA
    const id = await dispatchedComplaint();
    expect((await clocksOf(t, id)).ACKNOWLEDGE.dueAt).toBe('2027-03-11T08:00:00.000Z');
    t.clock.set('2027-03-11T02:00:00Z'); // 10:00, 2 h used
    await step(t, id, C.HOLD, {}, pupr);
    const held = await clocksOf(t, id);
    expect(held.ACKNOWLEDGE).toMatchObject({ status: 'PAUSED', elapsedMs: 2 * HOUR, dueAt: null, runningSince: null, nextFireAt: null });
    t.clock.set('2027-03-12T02:00:00Z'); // Friday 10:00
    await step(t, id, C.RESUME, {}, pupr);
    // 6 h left from Friday 10:00: Friday 16:00 WITA.
    expect((await clocksOf(t, id)).ACKNOWLEDGE).toMatchObject({ status: 'RUNNING', dueAt: '2027-03-12T08:00:00.000Z', elapsedMs: 2 * HOUR });
    await expectReplayAgrees(t, id);
  });

  it('reopen resumes the resolution clock without counting the days it stood resolved', async () => {
    t.clock.set('2027-03-11T00:00:00Z');
    const id = await dispatchedComplaint();
    await step(t, id, C.ACKNOWLEDGE, {}, pupr);
    t.clock.set('2027-03-11T01:00:00Z');
    await step(t, id, C.RESOLVE, {}, pupr);
    expect((await clocksOf(t, id)).RESOLVE).toMatchObject({ status: 'STOPPED', elapsedMs: HOUR, breachedAt: null });
    t.clock.set('2027-03-15T00:00:00Z'); // Monday 08:00
    await step(t, id, C.REOPEN);
    const reopened = await clocksOf(t, id);
    expect(reopened.RESOLVE).toMatchObject({ status: 'RUNNING', elapsedMs: HOUR, runningSince: '2027-03-15T00:00:00.000Z', stoppedAt: null });
    // 39 working hours left from Monday 08:00: Mon, Tue, Wed, Thu (32 h), then 7 h on Friday 19: 15:00 WITA.
    expect(reopened.RESOLVE.dueAt).toBe('2027-03-19T07:00:00.000Z');
    await expectReplayAgrees(t, id);
  });
});
