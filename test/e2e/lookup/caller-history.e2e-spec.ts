import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { ACTORS, CODES, expectGraphqlError, MINUTE, ReportInput, TicketApi } from '../tickets/ticket-api';

// During a live call the call taker types the caller's number and sees what
// the call centre already knows: earlier tickets, newest first, and whether a
// supervisor flagged the number as a prank caller. Every lookup is in the
// reporter access log, like every read of a reporter's identity.

const CALLER_HISTORY = `query H($phone: String!, $limit: Int! = 20) { callerHistory(phone: $phone, limit: $limit) {
  phone ticketCount
  flag { id reason flaggedBy flaggedAt active }
  flags { id reason flaggedBy clearedBy clearedAt clearReason active }
  history { __typename ... on CallerTicket { id number state kind opdCode categoryCode reportedAt } } } }`;
const FLAG = `mutation F($input: CallerFlagInput!) { flagCaller(input: $input) { id phone reason flaggedBy flaggedAt active } }`;
const UNFLAG = `mutation U($input: UnflagCallerInput!) { unflagCaller(input: $input) { id phone reason clearedBy clearedAt clearReason active } }`;
const ACCESS_LOG = `query L($filter: ReporterAccessFilterInput) { reporterAccessLog(filter: $filter) { ticketId reporterPhone actorId actorRole operation accessedAt } }`;
const AUDITOR = { userId: 'aud-ketut', role: 'AUDITOR' };

const ROAD: ReportInput = {
  kind: 'COMPLAINT',
  channel: 'PHONE',
  description: 'Jalan berlubang besar di depan pasar Kidul',
  descriptionLanguage: 'id',
  categoryCode: CODES.roadCategory,
  reporter: { name: 'Made', phone: '0812-3456-7890' },
  location: { district: 'BANGLI', village: 'Kawan' },
};

describe('caller lookup over POST /graphql', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    t = await startTestApp();
    api = new TicketApi(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t?.close(), BOOT_TIMEOUT_MS);

  it("lists the caller's tickets newest first, however the number is typed, and logs the lookup", async () => {
    const first = await api.createTicket(ROAD);
    api.advance(30 * MINUTE);
    const second = await api.createTicket({ ...ROAD, kind: 'INFORMATION', categoryCode: undefined, description: 'Tanya jadwal samsat keliling' });
    await api.createTicket({ ...ROAD, reporter: { phone: '0813-1111-2222' } });
    api.advance(MINUTE);

    const res = await t.gql<any>(CALLER_HISTORY, { phone: '+62 812 3456 7890' }, ACTORS.callTaker);
    expect(res.body.errors).toBeUndefined();
    const history = res.body.data.callerHistory;
    expect(history).toMatchObject({ phone: '+6281234567890', ticketCount: 2, flag: null, flags: [] });
    expect(history.history).toEqual([
      { __typename: 'CallerTicket', id: second.id, number: second.number, state: 'NEW', kind: 'INFORMATION', opdCode: null, categoryCode: null, reportedAt: second.reportedAt },
      { __typename: 'CallerTicket', id: first.id, number: first.number, state: 'NEW', kind: 'COMPLAINT', opdCode: CODES.roadsOpd, categoryCode: CODES.roadCategory, reportedAt: first.reportedAt },
    ]);

    const log = (await t.gql<any>(ACCESS_LOG, { filter: { actorId: ACTORS.callTaker.userId } }, AUDITOR)).body.data.reporterAccessLog;
    const lookup = log.filter((r: any) => r.operation === 'Query.callerHistory');
    expect(lookup).toHaveLength(3);
    expect(lookup.map((r: any) => r.ticketId).sort()).toEqual([first.id, second.id, null].sort());
    for (const row of lookup) expect(row).toMatchObject({ reporterPhone: '+6281234567890', actorRole: 'CALL_TAKER', accessedAt: api.now() });
  });

  it('logs a lookup that finds nothing, and refuses what is not a phone number', async () => {
    const res = await t.gql<any>(CALLER_HISTORY, { phone: '0361 999 888' }, ACTORS.supervisor);
    expect(res.body.data.callerHistory).toMatchObject({ phone: '+62361999888', ticketCount: 0, history: [] });
    const log = (await t.gql<any>(ACCESS_LOG, { filter: { actorId: ACTORS.supervisor.userId } }, AUDITOR)).body.data.reporterAccessLog;
    expect(log).toEqual([expect.objectContaining({ ticketId: null, reporterPhone: '+62361999888', operation: 'Query.callerHistory' })]);

    expectGraphqlError(await t.gql(CALLER_HISTORY, { phone: 'not a phone' }), 'BAD_USER_INPUT');
    expectGraphqlError(await t.gql(CALLER_HISTORY, { phone: '0812-3456-7890', limit: 0 }), 'BAD_USER_INPUT');
  });

  it('lets a supervisor flag a prank caller, shows the flag, never blocks a report, and clears it with history', async () => {
    const flagged = await t.gql<any>(FLAG, { input: { phone: '081234567890', reason: 'Tiga laporan kebakaran palsu minggu ini' } }, ACTORS.supervisor);
    expect(flagged.body.data.flagCaller).toMatchObject({ phone: '+6281234567890', flaggedBy: ACTORS.supervisor.userId, flaggedAt: api.now(), active: true });
    expectGraphqlError(await t.gql(FLAG, { input: { phone: '+6281234567890', reason: 'lagi' } }, ACTORS.supervisor), 'CONFLICT');
    expectGraphqlError(await t.gql(FLAG, { input: { phone: '+6281234567890', reason: 'x' } }, ACTORS.supervisor), 'BAD_USER_INPUT');
    expectGraphqlError(await t.gql(FLAG, { input: { phone: '+6281234567890', reason: 'Prank' } }, ACTORS.callTaker), 'FORBIDDEN');

    // The flag informs; the report is taken all the same.
    const report = await api.createTicket({ ...ROAD, description: 'Jalan rusak lagi' });
    const during = (await t.gql<any>(CALLER_HISTORY, { phone: '0812 3456 7890' })).body.data.callerHistory;
    expect(during.flag).toMatchObject({ reason: 'Tiga laporan kebakaran palsu minggu ini', active: true });
    expect(during.history[0].id).toBe(report.id);
    expect(during.ticketCount).toBe(3);

    api.advance(2 * 24 * 60 * MINUTE);
    const cleared = await t.gql<any>(UNFLAG, { input: { phone: '0812-3456-7890', reason: 'Nomor sudah berganti pemilik' } }, ACTORS.supervisor);
    expect(cleared.body.data.unflagCaller).toMatchObject({ clearedBy: ACTORS.supervisor.userId, clearedAt: api.now(), clearReason: 'Nomor sudah berganti pemilik', active: false });
    expectGraphqlError(await t.gql(UNFLAG, { input: { phone: '0812-3456-7890', reason: 'lagi lagi' } }, ACTORS.supervisor), 'NOT_FOUND');

    const after = (await t.gql<any>(CALLER_HISTORY, { phone: '0812 3456 7890' })).body.data.callerHistory;
    expect(after.flag).toBeNull();
    expect(after.flags).toEqual([expect.objectContaining({ reason: 'Tiga laporan kebakaran palsu minggu ini', clearedBy: ACTORS.supervisor.userId, active: false })]);

    // Reversible both ways: flagged again, a second row in the history.
    await t.gql(FLAG, { input: { phone: '0812-3456-7890', reason: 'Kembali menelepon palsu' } }, ACTORS.supervisor);
    const again = (await t.gql<any>(CALLER_HISTORY, { phone: '0812 3456 7890' })).body.data.callerHistory;
    expect(again.flags.map((f: any) => [f.reason, f.active])).toEqual([['Kembali menelepon palsu', true], ['Tiga laporan kebakaran palsu minggu ini', false]]);
  });
});
