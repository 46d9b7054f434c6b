import { SlaSweeper } from '../../../src/core/sla/sweeper/sla-sweeper';
import { ManualClock } from '../../support/manual-clock';
import { GraphqlResponse, startTestApp, TestActor, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { ACTORS, CODES, expectGraphqlError, HOUR, MINUTE, ref, TicketApi } from '../tickets/ticket-api';

const ADMIN: TestActor = { userId: 'admin-putu', role: 'ADMIN' };
const DAMKAR_HEAD: TestActor = { userId: 'kadis-damkar', role: 'OPD_HEAD', opdCode: 'SATPOLPP-DAMKAR' };

const TICKET_SLA = `query Sla($id: ID) { ticket(id: $id) { id sla {
  metric state targetMinutes calendar startedAt dueAt remainingMinutes percentElapsed breachedAt stoppedAt cycle policyVersion } } }`;
const ESCALATIONS = `query E($filter: EscalationFilterInput) { escalations(filter: $filter) {
  id ticketNumber metric thresholdPct breach level opdCode notified dueAt recordedAt acknowledgedAt acknowledgedBy } }`;
const ACK = `mutation A($id: ID!) { acknowledgeEscalation(id: $id) { id acknowledgedAt acknowledgedBy } }`;
const POLICIES = `{ slaPolicies { id name opdCode categoryCode kind priority source version versions { version effectiveFrom active metrics { metric start stop calendar targetMinutes warnings pauseStates } } } }`;
const CREATE_POLICY = `mutation P($input: CreateSlaPolicyInput!) { createSlaPolicy(input: $input) { id version source versions { version effectiveFrom } } }`;
const CHANGE_POLICY = `mutation P($input: ChangeSlaPolicyInput!) { changeSlaPolicy(input: $input) { id version source } }`;
const REEVALUATE = `mutation R($input: ReevaluateSlaInput!) { reevaluateSla(input: $input) { tickets pinnedAt } }`;
const CALENDARS = `{ calendars { code name timeZone alwaysOpen version hours { effectiveFrom weekly { weekday open close } } holidays { date name source active } } }`;
const ADD_HOLIDAY = `mutation H($input: HolidayInput!) { addHoliday(input: $input) { code version holidays { date name active } } }`;
const REMOVE_HOLIDAY = `mutation H($input: HolidayInput!) { removeHoliday(input: $input) { code version holidays { date name active } } }`;
const SET_HOURS = `mutation S($input: SetCalendarHoursInput!) { setCalendarHours(input: $input) { code version hours { effectiveFrom } } }`;
const COMPLIANCE = `query C($input: SlaComplianceInput!) { slaCompliance(input: $input) { opdCode metrics { metric total met breached open medianMinutes p90Minutes compliancePercent } } }`;

interface Clock { metric: string; state: string; dueAt: string | null; remainingMinutes: number | null; percentElapsed: number | null; breachedAt: string | null; targetMinutes: number }

function data<T>(res: GraphqlResponse<T>): T {
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors, null, 2));
  return res.body.data as T;
}

describe('SLA over POST /graphql', () => {
  let t: TestApp;
  let api: TicketApi;
  const T0 = new Date('2026-11-28T02:00:00Z');

  beforeAll(async () => {
    t = await startTestApp({}, new ManualClock(T0));
    api = new TicketApi(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close(), BOOT_TIMEOUT_MS);

  async function clocks(id: string): Promise<Record<string, Clock>> {
    const res = data(await t.gql<{ ticket: { sla: Clock[] } }>(TICKET_SLA, { id }));
    return Object.fromEntries(res.ticket.sla.map((c) => [c.metric, c]));
  }

  async function fire(): Promise<string> {
    const created = await api.createTicket({ kind: 'EMERGENCY', channel: 'PHONE', description: 'Rumah terbakar di Susut', descriptionLanguage: 'id' });
    const triaged = await api.change('triageTicket', {
      ...ref(created), kind: 'EMERGENCY', categoryCode: CODES.fireCategory, attributes: [{ code: 'PEOPLE_TRAPPED', values: ['NO'] }],
    });
    await api.change('dispatchTicket', ref(triaged));
    return created.id;
  }

  it('shows each clock with its due time, remaining business minutes and state, as time passes', async () => {
    t.clock.set(T0);
    const id = await fire();
    let sla = await clocks(id);
    // Damkar's building-fire policy: on site within 45 minutes of the report.
    expect(sla.ON_SITE).toMatchObject({ state: 'RUNNING', targetMinutes: 45, dueAt: '2026-11-28T02:45:00.000Z', remainingMinutes: 45, percentElapsed: 0 });
    t.clock.set(new Date(T0.getTime() + 30 * MINUTE));
    sla = await clocks(id);
    expect(sla.ON_SITE).toMatchObject({ state: 'RUNNING', remainingMinutes: 15 });
    expect(sla.ON_SITE.percentElapsed).toBeCloseTo(66.67, 1);
    t.clock.set(new Date(T0.getTime() + 50 * MINUTE));
    sla = await clocks(id);
    expect(sla.ON_SITE).toMatchObject({ state: 'BREACHED', remainingMinutes: -5, breachedAt: '2026-11-28T02:45:00.000Z' });
  });

  it('lists escalations after a sweep; an OPD head acknowledges once; another OPD may not', async () => {
    t.clock.set(T0);
    const id = await fire();
    t.clock.set(new Date(T0.getTime() + HOUR));
    await t.app.get(SlaSweeper).sweepOnce(t.clock.now());
    const list = data(await t.gql<{ escalations: Array<{ id: string; metric: string; thresholdPct: number; breach: boolean; opdCode: string }> }>(ESCALATIONS, {
      filter: { ticketId: id, metric: 'ON_SITE', breach: true },
    })).escalations;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ breach: true, thresholdPct: 100, opdCode: 'SATPOLPP-DAMKAR' });

    // Another OPD's escalation does not exist for a roads officer.
    expectGraphqlError(await t.gql(ACK, { id: list[0].id }, ACTORS.roadsOfficer), 'ESCALATION_NOT_FOUND');
    const first = data(await t.gql<{ acknowledgeEscalation: { acknowledgedBy: string; acknowledgedAt: string } }>(ACK, { id: list[0].id }, DAMKAR_HEAD));
    expect(first.acknowledgeEscalation).toMatchObject({ acknowledgedBy: 'kadis-damkar', acknowledgedAt: t.clock.now().toISOString() });
    t.clock.advance(MINUTE);
    const again = data(await t.gql<{ acknowledgeEscalation: { acknowledgedAt: string } }>(ACK, { id: list[0].id }, ACTORS.damkarOfficer));
    expect(again.acknowledgeEscalation.acknowledgedAt).toBe(first.acknowledgeEscalation.acknowledgedAt);
    expectGraphqlError(await t.gql(ACK, { id: '00000000-0000-4000-8000-000000000000' }, DAMKAR_HEAD), 'ESCALATION_NOT_FOUND');
    expectGraphqlError(await t.gql(ACK, { id: 'nope' }, DAMKAR_HEAD), 'BAD_USER_INPUT');
  });

  it('admins add a priority policy that applies to tickets created after it takes effect, and re-evaluate on purpose', async () => {
    t.clock.set(T0);
    const policy = {
      name: 'Urgent parking complaints at tourist spots', opdCode: CODES.trafficOpd, kind: 'COMPLAINT', priority: 'URGENT',
      metrics: [{ metric: 'RESOLVE', calendar: '24x7', targetMinutes: 240 }],
    };
    expectGraphqlError(await t.gql(CREATE_POLICY, { input: policy }, ACTORS.supervisor), 'FORBIDDEN');
    const bad = await t.gql(CREATE_POLICY, { input: { ...policy, metrics: [{ metric: 'RESOLVE', calendar: 'NO_SUCH', targetMinutes: 240 }] } }, ADMIN);
    expect(expectGraphqlError(bad, 'BAD_USER_INPUT').message).toMatch(/no calendar NO_SUCH/);
    const early = await t.gql(CREATE_POLICY, { input: { ...policy, effectiveFrom: T0.toISOString() } }, ADMIN);
    expect(expectGraphqlError(early, 'BAD_USER_INPUT').message).toMatch(/effectiveFrom must be/);

    const complaint = () => api.createTicket({ kind: 'COMPLAINT', channel: 'PHONE', description: 'Parkir liar di Penelokan', descriptionLanguage: 'id', priority: 'URGENT' });
    const before = await complaint();
    const created = data(await t.gql<{ createSlaPolicy: { id: string; version: number; source: string; versions: Array<{ effectiveFrom: string }> } }>(CREATE_POLICY, { input: policy }, ADMIN)).createSlaPolicy;
    expect(created).toMatchObject({ version: 1, source: 'ADMIN', versions: [{ effectiveFrom: '2026-11-28T02:01:00.000Z' }] });
    t.clock.advance(2 * MINUTE);
    const after = await complaint();
    for (const ticket of [before, after]) {
      const triaged = await api.change('triageTicket', { ...ref((await api.ticket(ticket.id))!), kind: 'COMPLAINT', categoryCode: CODES.parkingCategory, priority: 'URGENT' });
      await api.change('dispatchTicket', ref(triaged));
    }
    expect((await clocks(before.id)).RESOLVE).toMatchObject({ targetMinutes: 2400 });
    expect((await clocks(after.id)).RESOLVE).toMatchObject({ targetMinutes: 240, dueAt: new Date(t.clock.now().getTime() + 4 * HOUR).toISOString() });

    const stale = await t.gql(CHANGE_POLICY, { input: { id: created.id, expectedVersion: 7, metrics: policy.metrics } }, ADMIN);
    expectGraphqlError(stale, 'VERSION_CONFLICT');

    const result = data(await t.gql<{ reevaluateSla: { tickets: number } }>(REEVALUATE, { input: { ticketIds: [before.id], reason: 'New urgent-parking rule' } }, ADMIN));
    expect(result.reevaluateSla.tickets).toBe(1);
    expect((await clocks(before.id)).RESOLVE).toMatchObject({ targetMinutes: 240 });
    const history = await api.ticket(before.id);
    expect(history!.events.at(-1)).toMatchObject({ type: 'SLA_REEVALUATED', actorId: 'admin-putu', payload: { reason: 'New urgent-parking rule' } });
  });

  it('lists the policies from the core and the modules', async () => {
    const policies = data(await t.gql<{ slaPolicies: Array<{ name: string; source: string; kind: string | null; categoryCode: string | null; versions: Array<{ metrics: Array<{ metric: string; targetMinutes: number; calendar: string }> }> }> }>(POLICIES)).slaPolicies;
    const emergency = policies.find((p) => p.source === 'CORE' && p.kind === 'EMERGENCY')!;
    expect(emergency.versions[0].metrics.find((m) => m.metric === 'ON_SITE')).toMatchObject({ targetMinutes: 120, calendar: '24x7' });
    expect(policies.find((p) => p.categoryCode === 'POHON_TUMBANG')?.source).toBe('MODULE');
  });

  it('calendars: national holidays including Nyepi; admins add and remove days; bad hours are refused', async () => {
    const calendars = data(await t.gql<{ calendars: Array<{ code: string; version: number; holidays: Array<{ date: string; name: string; source: string }> }> }>(CALENDARS)).calendars;
    const working = calendars.find((c) => c.code === 'WORKING_DAYS')!;
    expect(working.holidays).toEqual(expect.arrayContaining([expect.objectContaining({ date: '2027-03-08', source: 'NATIONAL' })]));
    expect(calendars.find((c) => c.code === '24x7')).toMatchObject({ alwaysOpen: true });

    expectGraphqlError(await t.gql(ADD_HOLIDAY, { input: { code: 'WORKING_DAYS', date: '2026-12-24', name: 'Cuti bersama' } }, ACTORS.callTaker), 'FORBIDDEN');
    const added = data(await t.gql<{ addHoliday: { holidays: Array<{ date: string; active: boolean }> } }>(ADD_HOLIDAY, { input: { code: 'WORKING_DAYS', date: '2026-12-24', name: 'Cuti bersama Natal' } }, ADMIN));
    expect(added.addHoliday.holidays).toEqual(expect.arrayContaining([{ date: '2026-12-24', name: 'Cuti bersama Natal', active: true }]));
    const removed = data(await t.gql<{ removeHoliday: { holidays: Array<{ date: string; active: boolean }> } }>(REMOVE_HOLIDAY, { input: { code: 'WORKING_DAYS', date: '2026-12-24' } }, ADMIN));
    expect(removed.removeHoliday.holidays.find((h) => h.date === '2026-12-24')?.active).toBe(false);
    expectGraphqlError(await t.gql(ADD_HOLIDAY, { input: { code: 'NOPE', date: '2026-12-24', name: 'x' } }, ADMIN), 'CALENDAR_NOT_FOUND');

    const current = data(await t.gql<{ calendars: Array<{ code: string; version: number }> }>(CALENDARS)).calendars.find((c) => c.code === 'WORKING_DAYS')!;
    const overlap = await t.gql(SET_HOURS, {
      input: { code: 'WORKING_DAYS', expectedVersion: current.version, hours: { effectiveFrom: '2027-01-01', weekly: [{ weekday: 1, open: '08:00', close: '12:00' }, { weekday: 1, open: '11:00', close: '16:00' }] } },
    }, ADMIN);
    expect(expectGraphqlError(overlap, 'BAD_USER_INPUT').message).toMatch(/overlap/);
    const stale = await t.gql(SET_HOURS, { input: { code: 'WORKING_DAYS', expectedVersion: 1, hours: { effectiveFrom: '2027-01-01', weekly: [] } } }, ADMIN);
    expectGraphqlError(stale, 'VERSION_CONFLICT');
  });

  it('slaCompliance counts met and breached clocks and their median and 90th percentile', async () => {
    t.clock.set(new Date(T0.getTime() + 3 * HOUR));
    const res = data(await t.gql<{ slaCompliance: { metrics: Array<{ metric: string; total: number; met: number; breached: number; open: number; medianMinutes: number | null }> } }>(COMPLIANCE, {
      input: { opdCode: 'SATPOLPP-DAMKAR', from: '2026-11-28T00:00:00Z', to: '2026-11-29T00:00:00Z' },
    }, ACTORS.supervisor));
    const onSite = res.slaCompliance.metrics.find((m) => m.metric === 'ON_SITE')!;
    // Two fires, neither attended: both breached by now.
    expect(onSite).toMatchObject({ total: 2, met: 0, breached: 2, open: 0, medianMinutes: null });
    const triage = res.slaCompliance.metrics.find((m) => m.metric === 'TRIAGE')!;
    expect(triage).toMatchObject({ total: 2, met: 2, breached: 0, medianMinutes: 0 });
    expectGraphqlError(await t.gql(COMPLIANCE, { input: { from: '2026-11-29T00:00:00Z', to: '2026-11-28T00:00:00Z' } }, ACTORS.supervisor), 'BAD_USER_INPUT');
    // An OPD head reports on their own OPD only.
    const head = { userId: 'kadis-pupr', role: 'OPD_HEAD', opdCode: 'PUPR-PERKIM' };
    expectGraphqlError(await t.gql(COMPLIANCE, { input: { opdCode: 'SATPOLPP-DAMKAR', from: '2026-11-28T00:00:00Z', to: '2026-11-29T00:00:00Z' } }, head), 'FORBIDDEN');
    const own = data(await t.gql<{ slaCompliance: { opdCode: string } }>(COMPLIANCE, { input: { from: '2026-11-28T00:00:00Z', to: '2026-11-29T00:00:00Z' } }, head));
    expect(own.slaCompliance.opdCode).toBe('PUPR-PERKIM');
  });
});
