import { ManualClock } from '../../support/manual-clock';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { ACTORS, CODES, HOUR, MINUTE, ref, TicketApi } from '../tickets/ticket-api';
import { BASE, errorsOf, newClientKey, parseXml, postForm, W3C_WITA } from './open311-client';

// What FixMyStreet (perllib/Open311.pm) sends as an Open311 client, replayed:
// XML only, api_key and jurisdiction_id in every POST body and update query,
// `deviceid` without the underscore, `media_url` as a list, `last_name=-`
// when it has none, and date-times without fractions. Then the story of one
// report: the OPD moves it, FixMyStreet reads the status and the updates
// back, and the citizen asks for a reopen from the app.

const T0 = '2026-12-02T01:00:00Z'; // 09:00 WITA
const JURISDICTION = 'banglikab.go.id';

/** DateTime::Format::W3CDTF as FixMyStreet formats it: no fractions, with the offset. */
function w3cdtf(date: Date): string {
  const local = new Date(date.getTime() + 8 * HOUR);
  return `${local.toISOString().slice(0, 19)}+08:00`;
}

describe('FixMyStreet as an Open311 client', () => {
  let t: TestApp;
  let api: TicketApi;
  let fms: string;

  beforeAll(async () => {
    t = await startTestApp({}, new ManualClock(T0));
    api = new TicketApi(t);
    fms = await newClientKey(t, 'FixMyStreet Bangli');
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => t?.close(), BOOT_TIMEOUT_MS);

  it('files a report, follows it as the OPD works, and asks for a reopen', async () => {
    // FixMyStreet reads the service list first (XML only).
    const services = parseXml((await t.http().get(`${BASE}/services.xml?jurisdiction_id=${JURISDICTION}`)).text).services.service as Array<{ service_code: string }>;
    expect(services.map((s) => s.service_code)).toContain(CODES.roadCategory);

    // send_service_request: the body FixMyStreet builds for a report with two photos and no last name.
    const report = {
      api_key: fms,
      jurisdiction_id: JURISDICTION,
      service_code: CODES.roadCategory,
      description: 'Jalan berlubang: Lubang besar di depan SD 2 Bangli, berbahaya untuk motor',
      lat: '-8.4567891234',
      long: '115.3545678912',
      email: 'made@example.org',
      first_name: 'Made',
      last_name: '-',
      deviceid: 'fms-report-4321',
      media_url: ['https://fixmystreet.example/photo/4321.0.full.jpeg', 'https://fixmystreet.example/photo/4321.1.full.jpeg'],
      'attribute[DAMAGE_SIZE]': 'LARGE',
    };
    const sent = await postForm(t, '/requests.xml', report);
    expect(sent.status).toBe(200);
    expect(sent.headers['content-type']).toBe('text/xml; charset=utf-8');
    const serviceRequestId = parseXml(sent.text).service_requests.request[0].service_request_id as string;
    expect(serviceRequestId).toMatch(/^BGL-2026-\d{6}$/);

    // FixMyStreet retries when it did not hear back: the same report is the same ticket.
    t.clock.advance(2 * MINUTE);
    const retried = await postForm(t, '/requests.xml', report);
    expect(parseXml(retried.text).service_requests.request[0].service_request_id).toBe(serviceRequestId);

    let ticket = (await api.ticketByNumber(serviceRequestId))!;
    expect(ticket).toMatchObject({ channel: 'OPEN311', opdCode: CODES.roadsOpd, state: 'NEW' });
    expect(ticket.reporter.name).toBe('Made');

    const status = async (): Promise<Record<string, string>> => parseXml((await t.http().get(`${BASE}/requests/${serviceRequestId}.xml?jurisdiction_id=${JURISDICTION}`)).text).service_requests.request[0];
    expect(await status()).toMatchObject({ status: 'open', agency_responsible: 'Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman', media_url: report.media_url[0] });

    // The call centre triages and dispatches; the OPD acknowledges and tells the citizen.
    const since = t.clock.now();
    t.clock.advance(10 * MINUTE);
    ticket = await api.change('triageTicket', { ...ref(ticket), kind: 'COMPLAINT', categoryCode: CODES.roadCategory, attributes: [{ code: 'DAMAGE_SIZE', values: ['LARGE'] }] });
    ticket = await api.change('dispatchTicket', { ...ref(ticket) });
    t.clock.advance(30 * MINUTE);
    ticket = await api.change('acknowledgeTicket', { ...ref(ticket) }, ACTORS.roadsOfficer);
    ticket = await api.change('addNote', { ...ref(ticket), text: 'Tim akan menambal lubang besok pagi.', visibility: 'PUBLIC' }, ACTORS.roadsOfficer);
    ticket = await api.change('addNote', { ...ref(ticket), text: 'Pelapor: Made, hubungi via email.', visibility: 'INTERNAL' }, ACTORS.roadsOfficer);
    const inProgress = await status();
    expect(inProgress).toMatchObject({ status: 'open', status_notes: 'Tim akan menambal lubang besok pagi.', expected_datetime: expect.stringMatching(W3C_WITA) });

    // get_service_request_updates: both dates, W3CDTF without fractions, api_key in the query.
    const updatesXml = async (from: Date, to: Date): Promise<Array<Record<string, string>>> => {
      const res = await t.http().get(`${BASE}/servicerequestupdates.xml`).query({ jurisdiction_id: JURISDICTION, api_key: fms, start_date: w3cdtf(from), end_date: w3cdtf(to) });
      expect(res.status).toBe(200);
      return parseXml(res.text).service_request_updates.request_update ?? [];
    };
    let updates = (await updatesXml(since, new Date(t.clock.now().getTime() + MINUTE))).filter((u) => u.service_request_id === serviceRequestId);
    expect(updates.map((u) => u.status)).toEqual(['open', 'action_scheduled', 'in_progress', 'in_progress']);
    expect(updates[3]).toEqual({ update_id: expect.any(String), service_request_id: serviceRequestId, status: 'in_progress', updated_datetime: expect.stringMatching(W3C_WITA), description: 'Tim akan menambal lubang besok pagi.', media_url: '' });
    expect(JSON.stringify(updates)).not.toContain('Pelapor');

    // The OPD fixes it; FixMyStreet sees it closed (FMS: fixed).
    t.clock.advance(2 * HOUR);
    ticket = await api.change('arriveOnSite', { ...ref(ticket) }, ACTORS.roadsOfficer);
    ticket = await api.change('resolveTicket', { ...ref(ticket), note: 'Lubang sudah ditambal.' }, ACTORS.roadsOfficer);
    expect(await status()).toMatchObject({ status: 'closed', expected_datetime: '' });
    updates = await updatesXml(since, new Date(t.clock.now().getTime() + MINUTE));
    expect(updates.filter((u) => u.service_request_id === serviceRequestId).at(-1)).toMatchObject({ status: 'fixed' });

    // post_service_request_update: the citizen says it is not fixed (FixMyStreet sends OPEN on a closed report).
    t.clock.advance(HOUR);
    const reopen = await postForm(t, '/servicerequestupdates.xml', {
      api_key: fms, jurisdiction_id: JURISDICTION, service_request_id: serviceRequestId, update_id: '98765', status: 'OPEN',
      updated_datetime: w3cdtf(t.clock.now()), description: 'Masih ada lubang di sisi kiri jalan', email: 'made@example.org', first_name: 'Made', last_name: '-',
    });
    expect(reopen.status).toBe(200);
    const [recorded] = parseXml(reopen.text).service_request_updates.request_update;
    expect(recorded.update_id).toEqual(expect.any(String));
    expect(await status()).toMatchObject({ status: 'open' });
    ticket = (await api.ticketByNumber(serviceRequestId))!;
    expect(ticket).toMatchObject({ state: 'DISPATCHED', reopenCount: 1 });
    updates = await updatesXml(since, new Date(t.clock.now().getTime() + MINUTE));
    expect(updates.filter((u) => u.service_request_id === serviceRequestId).at(-1)).toMatchObject({ update_id: recorded.update_id, status: 'reopen' });

    // A comment on an open report is a note for the OPD, not republished.
    const comment = await postForm(t, '/servicerequestupdates.xml', {
      api_key: fms, service_request_id: serviceRequestId, update_id: '98766', status: 'OPEN', updated_datetime: w3cdtf(t.clock.now()), description: 'Nomor saya 0812 1111 2222',
    });
    expect(comment.status).toBe(200);
    updates = await updatesXml(since, new Date(t.clock.now().getTime() + MINUTE));
    expect(JSON.stringify(updates)).not.toContain('0812 1111 2222');
    const events = (await api.ticketByNumber(serviceRequestId))!.events;
    expect(events.at(-1)).toMatchObject({ type: 'ADD_NOTE' });
  }, 60_000);

  it('refuses updates from another app, statuses an app may not set, and unknown requests', async () => {
    const filed = await postForm(t, '/requests.xml', { api_key: fms, service_code: CODES.roadCategory, address_string: 'Jl. Merdeka, Bangli', deviceid: 'fms-2', last_name: '-' });
    const id = parseXml(filed.text).service_requests.request[0].service_request_id as string;
    const other = await newClientKey(t, 'Another app');
    const base = { service_request_id: id, status: 'OPEN', description: 'komentar', updated_datetime: w3cdtf(t.clock.now()) };
    const foreign = await postForm(t, '/servicerequestupdates.xml', { ...base, api_key: other });
    expect(foreign.status).toBe(403);
    expect(errorsOf(foreign)).toEqual([{ code: 403, description: 'only the app that filed a request may post updates to it' }]);
    const fixedByApp = await postForm(t, '/servicerequestupdates.xml', { ...base, api_key: fms, status: 'FIXED' });
    expect(fixedByApp.status).toBe(400);
    const reopenOpen = await postForm(t, '/servicerequestupdates.xml', { ...base, api_key: fms, status: 'REOPEN' });
    expect(reopenOpen.status).toBe(400);
    expect(errorsOf(reopenOpen)[0].description).toMatch(/cannot be reopened now/);
    const missing = await postForm(t, '/servicerequestupdates.xml', { api_key: fms, updated_datetime: '2026-12-02T09:00:00.123+08:00' });
    expect(errorsOf(missing).map((e) => e.description)).toEqual(['service_request_id is required', 'status is required', 'description is required']);
    const unknown = await postForm(t, '/servicerequestupdates.xml', { ...base, api_key: fms, service_request_id: 'BGL-2026-999999' });
    expect(unknown.status).toBe(404);
    const noKey = await postForm(t, '/servicerequestupdates.xml', base);
    expect(noKey.status).toBe(403);
    // Updates are asked with both dates or neither.
    const oneDate = await t.http().get(`${BASE}/servicerequestupdates.xml?start_date=2026-12-01T00:00:00%2B08:00`);
    expect(errorsOf(oneDate)).toEqual([{ code: 400, description: 'start_date and end_date go together: send both or neither' }]);
    expect((await t.http().get(`${BASE}/servicerequestupdates.json`)).status).toBe(200);
  });
});
