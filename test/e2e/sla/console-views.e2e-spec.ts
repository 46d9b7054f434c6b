import { ManualClock } from '../../support/manual-clock';
import { GraphqlResponse, startTestApp, TestActor, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { ACTORS, CODES, MINUTE, ref, TicketApi } from '../tickets/ticket-api';

const DAMKAR_HEAD: TestActor = { userId: 'kadis-damkar', role: 'OPD_HEAD', opdCode: CODES.fireOpd };
const ROADS_OFFICER = ACTORS.roadsOfficer;

const BOARD = `{ slaBoard { asOf breached
  entries { number metric state targetMinutes percentElapsed remainingMinutes remainingSeconds categoryCode }
  emergencies { number opdCode categoryCode priority state reportedAt worstPercentElapsed breached
    clocks { metric state targetMinutes percentElapsed remainingMinutes stoppedAt } } } }`;
const COMPLIANCE = `query C($input: SlaComplianceInput!) { slaCompliance(input: $input) { opdCode
  metrics { metric total met breached }
  byOpd { opdCode metrics { metric total met breached open compliancePercent } } } }`;
const ROLLOUT = `{ rollout { launchDate deadline daysLeft opdsLive opdsPlanned opds { code nameId nameEn onboardingStatus goLiveDate daysToGoLive due afterDeadline } } }`;

interface BoardClock { metric: string; state: string; targetMinutes: number; percentElapsed: number | null; remainingMinutes: number | null; stoppedAt: string | null }
interface Emergency { number: string; opdCode: string; categoryCode: string; priority: string; state: string; worstPercentElapsed: number | null; breached: boolean; clocks: BoardClock[] }
interface Board {
  slaBoard: {
    breached: number;
    entries: Array<{ number: string; metric: string; state: string; targetMinutes: number; percentElapsed: number | null; remainingMinutes: number | null; remainingSeconds: number | null }>;
    emergencies: Emergency[];
  };
}
interface MetricRow { metric: string; total: number; met: number; breached: number; open?: number; compliancePercent?: number | null }
interface Compliance { slaCompliance: { opdCode: string | null; metrics: MetricRow[]; byOpd: Array<{ opdCode: string; metrics: MetricRow[] }> } }

function data<T>(res: GraphqlResponse<T>): T {
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors, null, 2));
  return res.body.data as T;
}

// What the console's supervisor board, compliance charts and rollout board read:
// an emergency's clocks as percent of target (the colour), the board turning
// green when the unit arrives in time, compliance per OPD in one query, and
// which OPDs are live or due.
describe('the console\'s views over POST /graphql', () => {
  let t: TestApp;
  let api: TicketApi;
  const T0 = new Date('2026-12-03T01:00:00Z');

  beforeAll(async () => {
    t = await startTestApp({}, new ManualClock(T0));
    api = new TicketApi(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close(), BOOT_TIMEOUT_MS);

  const board = async (actor: TestActor = ACTORS.supervisor): Promise<Board['slaBoard']> => data(await t.gql<Board>(BOARD, {}, actor)).slaBoard;

  it('shows an open emergency by percent elapsed, and keeps it, met, once the unit is on site', async () => {
    t.clock.set(T0);
    const created = await api.createTicket({ kind: 'EMERGENCY', channel: 'PHONE', description: 'Rumah terbakar di Kintamani', descriptionLanguage: 'id' });
    const triaged = await api.change('triageTicket', {
      ...ref(created), kind: 'EMERGENCY', categoryCode: CODES.fireCategory, attributes: [{ code: 'PEOPLE_TRAPPED', values: ['NO'] }],
    });
    let fire = await api.change('dispatchTicket', ref(triaged), ACTORS.supervisor);

    // Four minutes after dispatch: 4 of the fire service's 45 minutes to be on site, 4 of its 5 to acknowledge.
    t.clock.set(new Date(T0.getTime() + 4 * MINUTE));
    let view = await board();
    const onSite = view.entries.find((e) => e.number === fire.number && e.metric === 'ON_SITE')!;
    expect(onSite).toMatchObject({ state: 'RUNNING', targetMinutes: 45, percentElapsed: 8.89, remainingMinutes: 41, remainingSeconds: 41 * 60 });
    let emergency = view.emergencies.find((e) => e.number === fire.number)!;
    expect(emergency).toMatchObject({ opdCode: CODES.fireOpd, categoryCode: CODES.fireCategory, state: 'DISPATCHED', breached: false });
    expect(emergency.clocks.find((c) => c.metric === 'ON_SITE')).toMatchObject({ state: 'RUNNING', percentElapsed: 8.89 });
    expect(emergency.clocks.find((c) => c.metric === 'TRIAGE')).toMatchObject({ state: 'MET' });
    // The colour follows the clock closest to its target: acknowledgement, at 80 %.
    expect(emergency.clocks.find((c) => c.metric === 'ACKNOWLEDGE')).toMatchObject({ state: 'RUNNING', targetMinutes: 5, percentElapsed: 80 });
    expect(emergency.worstPercentElapsed).toBe(80);

    // Another OPD's officer does not see it; the fire OPD's head does.
    expect((await board(ROADS_OFFICER)).emergencies.some((e) => e.number === fire.number)).toBe(false);
    expect((await board(DAMKAR_HEAD)).emergencies.some((e) => e.number === fire.number)).toBe(true);

    fire = await api.change('acknowledgeTicket', ref(fire), ACTORS.damkarOfficer);
    t.clock.set(new Date(T0.getTime() + 40 * MINUTE));
    fire = await api.change('arriveOnSite', { ...ref(fire), latitude: -8.27, longitude: 115.35 }, ACTORS.damkarUnit);
    view = await board();
    // Its clocks stopped: no running entry any more, but the emergency stays on the board, met, until resolved.
    expect(view.entries.some((e) => e.number === fire.number)).toBe(false);
    emergency = view.emergencies.find((e) => e.number === fire.number)!;
    expect(emergency.state).toBe('ON_SITE');
    expect(emergency.worstPercentElapsed).toBeNull();
    expect(emergency.clocks.find((c) => c.metric === 'ON_SITE')).toMatchObject({ state: 'MET', stoppedAt: new Date(T0.getTime() + 40 * MINUTE).toISOString() });
    expect(emergency.breached).toBe(false);

    await api.change('resolveTicket', { ...ref(fire), note: 'Api padam' }, ACTORS.damkarUnit);
    expect((await board()).emergencies.some((e) => e.number === fire.number)).toBe(false);
  });

  it('lists open emergencies by the soonest running due time, those with nothing running last', async () => {
    const T1 = new Date(T0.getTime() + 3 * 60 * MINUTE);
    const emergency = async (description: string) => {
      const created = await api.createTicket({ kind: 'EMERGENCY', channel: 'PHONE', description, descriptionLanguage: 'id' });
      return api.change('triageTicket', {
        ...ref(created), kind: 'EMERGENCY', categoryCode: CODES.fireCategory, attributes: [{ code: 'PEOPLE_TRAPPED', values: ['NO'] }],
      });
    };
    t.clock.set(T1);
    const idle = await api.change('dispatchTicket', ref(await emergency('Gudang terbakar di Susut')), ACTORS.supervisor);
    const acknowledged = await api.change('acknowledgeTicket', ref(idle), ACTORS.damkarOfficer);
    await api.change('arriveOnSite', { ...ref(acknowledged), latitude: -8.3, longitude: 115.3 }, ACTORS.damkarUnit);
    t.clock.set(new Date(T1.getTime() + MINUTE));
    const sooner = await emergency('Kios terbakar di Bangli');
    t.clock.set(new Date(T1.getTime() + 2 * MINUTE));
    const later = await emergency('Dapur terbakar di Tembuku');

    const order = (await board()).emergencies.map((e) => e.number).filter((n) => [idle.number, sooner.number, later.number].includes(n));
    // The unit on site has no clock running: it stays on the board, after those still waiting.
    expect(order).toEqual([sooner.number, later.number, idle.number]);
  });

  it('reports compliance per OPD in one query, and an OPD head only their own', async () => {
    const input = { from: new Date(T0.getTime() - MINUTE).toISOString(), to: new Date(T0.getTime() + 3 * 60 * MINUTE).toISOString() };
    const all = data(await t.gql<Compliance>(COMPLIANCE, { input }, ACTORS.supervisor)).slaCompliance;
    const damkar = all.byOpd.find((o) => o.opdCode === CODES.fireOpd)!;
    expect(damkar.metrics.find((m) => m.metric === 'ON_SITE')).toMatchObject({ total: 1, met: 1, breached: 0, compliancePercent: 100 });
    // Each OPD's counts add up to the regency's, OPD by OPD (clocks of tickets not routed to an OPD aside).
    const onSiteTotal = all.byOpd.reduce((sum, o) => sum + o.metrics.find((m) => m.metric === 'ON_SITE')!.total, 0);
    expect(onSiteTotal).toBe(all.metrics.find((m) => m.metric === 'ON_SITE')!.total);

    const own = data(await t.gql<Compliance>(COMPLIANCE, { input }, DAMKAR_HEAD)).slaCompliance;
    expect(own.opdCode).toBe(CODES.fireOpd);
    expect(own.byOpd.map((o) => o.opdCode)).toEqual([CODES.fireOpd]);
  });

  it('lists every OPD on the rollout board with whether it is live or due', async () => {
    const { rollout } = data(await t.gql<{ rollout: { opdsLive: number; opdsPlanned: number; deadline: string; opds: Array<{ code: string; onboardingStatus: string; goLiveDate: string; daysToGoLive: number; due: boolean; afterDeadline: boolean }> } }>(ROLLOUT, {}));
    expect(rollout.opds).toHaveLength(rollout.opdsLive + rollout.opdsPlanned);
    expect(rollout.opds.filter((o) => o.onboardingStatus === 'LIVE')).toHaveLength(rollout.opdsLive);
    const fire = rollout.opds.find((o) => o.code === CODES.fireOpd)!;
    // Live since 2026-12-01; "today" is 2026-12-03 in WITA.
    expect(fire).toMatchObject({ onboardingStatus: 'LIVE', goLiveDate: '2026-12-01', daysToGoLive: -2, due: false, afterDeadline: false });
    for (const o of rollout.opds) expect(o.due).toBe(o.onboardingStatus !== 'LIVE' && o.daysToGoLive <= 0);
    expect([...rollout.opds].map((o) => o.goLiveDate)).toEqual([...rollout.opds].map((o) => o.goLiveDate).sort());
  });
});
