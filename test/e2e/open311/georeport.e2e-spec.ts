import { ManualClock } from '../../support/manual-clock';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { CODES, DAY, MINUTE, ref, TicketApi } from '../tickets/ticket-api';
import { BASE, errorsOf, newClientKey, parseXml, postForm, W3C_WITA } from './open311-client';

// Open311 GeoReport v2 as an app developer meets it: every endpoint in both
// formats, shaped as the spec shapes them; the errors with the spec's body;
// keys, rate limits, the dedupe window and what GETs never show.

const T0 = '2026-12-02T01:00:00Z'; // 09:00 WITA, a Wednesday
const ROAD = { service_code: CODES.roadCategory, lat: '-8.454512345', long: '115.354987654', description: 'Lubang besar di depan pasar Kidul', email: 'ayu@example.org', first_name: 'Ayu', last_name: 'Lestari', phone: '0812 3456 7890' };

describe('Open311 GeoReport v2 (/open311/v2)', () => {
  let t: TestApp;
  let api: TicketApi;
  let key: string;

  beforeAll(async () => {
    t = await startTestApp({ OPEN311_JURISDICTION_ID: 'banglikab.go.id' }, new ManualClock(T0));
    api = new TicketApi(t);
    key = await newClientKey(t, 'Bangli Lapor app', 1000);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => t?.close(), BOOT_TIMEOUT_MS);

  describe('service discovery and services', () => {
    it('serves the discovery document in both formats', async () => {
      const xml = await t.http().get(`${BASE}/discovery.xml`);
      expect(xml.status).toBe(200);
      expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
      const doc = parseXml(xml.text).discovery;
      expect(doc.endpoints.endpoint[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production' });
      expect(doc.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
      const json = await t.http().get(`${BASE}/discovery.json`);
      expect(json.body).toMatchObject({ contact: expect.any(String), endpoints: [{ url: expect.stringMatching(/\/open311\/v2$/) }] });
    });

    it('lists the categories apps may file, without emergencies, in both formats and languages', async () => {
      const xml = await t.http().get(`${BASE}/services.xml`);
      expect(xml.status).toBe(200);
      const services = parseXml(xml.text).services.service as Array<Record<string, string>>;
      const road = services.find((s) => s.service_code === CODES.roadCategory)!;
      expect(road).toEqual({
        service_code: 'JALAN_RUSAK', service_name: expect.any(String), description: expect.any(String), metadata: 'true', type: 'realtime',
        keywords: expect.any(String), group: 'Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman',
      });
      const codes = services.map((s) => s.service_code);
      // Emergencies stay on the phone line unless their module offers them.
      expect(codes).not.toContain(CODES.fireCategory);
      expect(codes).not.toContain('JALAN_JEMBATAN_PUTUS');
      const json = await t.http().get(`${BASE}/services.json?locale=en`);
      expect(Array.isArray(json.body)).toBe(true);
      expect(json.body.map((s: { service_code: string }) => s.service_code)).toEqual(codes);
      expect(json.body.find((s: { service_code: string }) => s.service_code === 'JALAN_RUSAK').group).toBe('Public Works, Spatial Planning, Housing and Settlements');
    });

    it('gives a service\'s questions as attributes', async () => {
      const xml = await t.http().get(`${BASE}/services/JEMBATAN_RUSAK.xml`);
      const definition = parseXml(xml.text).service_definition;
      expect(definition.service_code).toBe('JEMBATAN_RUSAK');
      const [first, second] = definition.attributes.attribute;
      expect(first).toMatchObject({ variable: 'true', code: 'STILL_PASSABLE', datatype: 'singlevaluelist', required: 'true', order: '1', description: 'Apakah jembatan masih bisa dilewati?' });
      expect(first.values.value).toContainEqual({ key: 'NO', name: 'Tidak bisa dilewati' });
      expect(second).toMatchObject({ code: 'DAMAGE', datatype: 'multivaluelist', required: 'false' });
      const json = await t.http().get(`${BASE}/services/JEMBATAN_RUSAK.json`).set('accept-language', 'en-AU,en;q=0.9');
      expect(json.body.attributes[0]).toMatchObject({ variable: true, required: true, order: 1, description: 'Can the bridge still be used?' });
      expect(json.body.attributes[0].values).toContainEqual({ key: 'NO', name: 'Not passable' });
    });

    it('answers 404 with the spec\'s errors for unknown services, jurisdictions, formats and paths', async () => {
      for (const [path, text] of [
        ['/services/NO_SUCH.xml', /service_code "NO_SUCH" not found/],
        ['/services/KEBAKARAN_BANGUNAN.xml', /not found/],
        ['/services.xml?jurisdiction_id=example.org', /jurisdiction_id "example.org" is not served here/],
        ['/services.csv', /format "csv" is not served/],
        ['/nothing/here.json', /no such Open311 endpoint/],
      ] as const) {
        const res = await t.http().get(`${BASE}${path}`);
        expect(res.status).toBe(404);
        expect(errorsOf(res)).toEqual([{ code: 404, description: expect.stringMatching(text) }]);
      }
    });
  });

  describe('POST /requests', () => {
    it('files a ticket of channel OPEN311 that routes to the category\'s OPD and answers its id at once', async () => {
      const res = await postForm(t, '/requests.json', { api_key: key, jurisdiction_id: 'banglikab.go.id', ...ROAD, device_id: 'dev-1', account_id: 'acc-9', 'attribute[DAMAGE_SIZE]': 'BIG' });
      // An answer that does not fit the question is the client's mistake, named per attribute.
      expect(res.status).toBe(400);
      expect(errorsOf(res)).toEqual([{ code: 400, description: expect.stringMatching(/^attribute\[DAMAGE_SIZE\]: BIG not among /) }]);

      const ok = await postForm(t, '/requests.json', { api_key: key, jurisdiction_id: 'banglikab.go.id', ...ROAD, device_id: 'dev-1', account_id: 'acc-9', 'media_url[]': ['https://cdn.example.org/p/1.jpg', 'https://cdn.example.org/p/2.png'] });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual([{ service_request_id: expect.stringMatching(/^BGL-2026-\d{6}$/), token: expect.any(String), service_notice: 'Target: diselesaikan dalam 5 hari kerja', account_id: 'acc-9' }]);
      const ticket = (await api.ticketByNumber(ok.body[0].service_request_id))!;
      expect(ticket).toMatchObject({ channel: 'OPEN311', state: 'NEW', categoryCode: CODES.roadCategory, opdCode: CODES.roadsOpd, kind: 'COMPLAINT', channelAccount: 'Bangli Lapor app' });
      expect(ticket.reporter).toMatchObject({ name: 'Ayu Lestari', phone: '+6281234567890' });
      // The call taker's list shows it.
      const list = await api.list({ filter: { channels: ['OPEN311'] } });
      expect(list.edges.map((e) => e.node.number)).toContain(ticket.number);
    });

    it('answers in XML as service_requests/request', async () => {
      const res = await postForm(t, '/requests.xml', { api_key: key, ...ROAD, description: 'Jalan retak di Kintamani', address_string: 'Jl. Raya Kintamani' });
      expect(res.status).toBe(200);
      const [request] = parseXml(res.text).service_requests.request;
      expect(request).toEqual({ service_request_id: expect.stringMatching(/^BGL-/), token: expect.any(String), service_notice: expect.any(String), account_id: '' });
      const token = await t.http().get(`${BASE}/tokens/${request.token}.xml`);
      expect(parseXml(token.text).service_requests.request).toEqual([{ service_request_id: request.service_request_id, token: request.token }]);
      expect((await t.http().get(`${BASE}/tokens/${request.token}.json`)).body).toEqual([{ service_request_id: request.service_request_id, token: request.token }]);
      expect((await t.http().get(`${BASE}/tokens/not-a-token.json`)).status).toBe(404);
    });

    it('accepts JSON bodies too', async () => {
      const res = await t.http().post(`${BASE}/requests.json`).send({ api_key: key, service_code: 'JEMBATAN_RUSAK', lat: -8.3, long: 115.4, attribute: { STILL_PASSABLE: 'LIGHT_ONLY', DAMAGE: ['CRACKS', 'RAILING'] } });
      expect(res.status).toBe(200);
      const ticket = (await api.ticketByNumber(res.body[0].service_request_id))!;
      expect(ticket.description).toBe('Jembatan rusak');
    });

    it('never creates a ticket without a valid key: 403 with the spec\'s body', async () => {
      const before = (await api.list({ filter: { channels: ['OPEN311'] }, first: 100 })).edges.length;
      const missing = await postForm(t, '/requests.xml', { ...ROAD });
      expect(missing.status).toBe(403);
      expect(errorsOf(missing)).toEqual([{ code: 403, description: expect.stringMatching(/^api_key is required/) }]);
      for (const bad of ['nope', `o311_AAAAAAAA_${'x'.repeat(43)}`, key.slice(0, -1) + (key.endsWith('a') ? 'b' : 'a')]) {
        const res = await postForm(t, '/requests.json', { ...ROAD, api_key: bad });
        expect(res.status).toBe(403);
        expect(errorsOf(res)).toEqual([{ code: 403, description: 'api_key is not valid' }]);
      }
      const revokedKey = await newClientKey(t, 'Old app');
      const clients = await t.gql<any>('{ open311Clients { id name } }', {}, { userId: 'adm', role: 'ADMIN' });
      const old = clients.body.data.open311Clients.find((c: { name: string }) => c.name === 'Old app');
      await t.gql('mutation R($id: ID!) { revokeOpen311Client(id: $id) { id } }', { id: old.id }, { userId: 'adm', role: 'ADMIN' });
      const revoked = await postForm(t, '/requests.json', { ...ROAD, api_key: revokedKey });
      expect(errorsOf(revoked)).toEqual([{ code: 403, description: 'api_key has been revoked' }]);
      expect((await api.list({ filter: { channels: ['OPEN311'] }, first: 100 })).edges.length).toBe(before);
    });

    it('names every problem of a bad request at once, never a 500', async () => {
      const res = await postForm(t, '/requests.xml', { api_key: key, lat: '91', long: '-181', description: 'x'.repeat(4001), email: 'not-an-address', media_url: 'javascript:alert(1)' });
      expect(res.status).toBe(400);
      expect(errorsOf(res).map((e) => e.description)).toEqual(expect.arrayContaining([
        'service_code is required', 'lat must be between -90 and 90', 'long must be between -180 and 180',
        'description is longer than 4,000 characters', 'email is not an e-mail address', expect.stringMatching(/^media_url /),
      ]));
      expect(errorsOf(res).every((e) => e.code === 400)).toBe(true);

      const unknown = await postForm(t, '/requests.json', { api_key: key, ...ROAD, service_code: 'NO_SUCH_SERVICE' });
      expect(unknown.status).toBe(404);
      expect(errorsOf(unknown)).toEqual([{ code: 404, description: 'service_code "NO_SUCH_SERVICE" not found' }]);
      const emergency = await postForm(t, '/requests.json', { api_key: key, ...ROAD, service_code: CODES.fireCategory });
      expect(emergency.status).toBe(404);
    });

    it('checks answers per attribute: required, values, unknown questions', async () => {
      const res = await postForm(t, '/requests.json', { api_key: key, ...ROAD, service_code: 'JEMBATAN_RUSAK', 'attribute[DAMAGE][]': ['CRACKS', 'LAVA'], 'attribute[COLOUR]': 'red' });
      expect(res.status).toBe(400);
      expect(errorsOf(res).map((e) => e.description).sort()).toEqual([
        'attribute[COLOUR]: category JEMBATAN_RUSAK has no such question',
        expect.stringMatching(/^attribute\[DAMAGE\]: LAVA not among /),
        expect.stringMatching(/^attribute\[STILL_PASSABLE\]: required for category JEMBATAN_RUSAK/),
      ]);
    });

    it('reads bodies it cannot parse, oversize or of another type as the spec\'s errors', async () => {
      const json = await t.http().post(`${BASE}/requests.json`).set('content-type', 'application/json').send('{"api_key": ');
      expect(json.status).toBe(400);
      expect(errorsOf(json)[0].code).toBe(400);
      const big = await postForm(t, '/requests.xml', { api_key: key, ...ROAD, description: 'x'.repeat(70 * 1024) });
      expect(big.status).toBe(413);
      expect(errorsOf(big)).toEqual([{ code: 413, description: 'the request body is larger than 64 KiB' }]);
      const csv = await t.http().post(`${BASE}/requests.xml`).set('content-type', 'text/csv').send('a,b');
      expect(csv.status).toBe(415);
      expect(errorsOf(csv)[0].code).toBe(415);
    });

    it('makes the same POST from the same device within the window one ticket', async () => {
      const body = { api_key: key, ...ROAD, description: 'Got lubang di Jl. Nusantara', device_id: 'phone-42' };
      const first = await postForm(t, '/requests.json', body);
      t.clock.advance(4 * MINUTE);
      const again = await postForm(t, '/requests.json', body);
      expect(again.body[0].service_request_id).toBe(first.body[0].service_request_id);
      // Another device, or other words, is another report.
      const other = await postForm(t, '/requests.json', { ...body, device_id: 'phone-43' });
      expect(other.body[0].service_request_id).not.toBe(first.body[0].service_request_id);
      // After the window, the same words are a new report.
      t.clock.advance(11 * MINUTE);
      const later = await postForm(t, '/requests.json', body);
      expect(later.body[0].service_request_id).not.toBe(first.body[0].service_request_id);
    });
  });

  describe('GET /requests', () => {
    it('lists public requests in both formats, without the reporter, with W3C times and rounded coordinates', async () => {
      const created = await postForm(t, '/requests.json', { api_key: key, ...ROAD, description: 'Lubang di Jl. Brigjen Ngurah Rai', device_id: 'list-1' });
      const id = created.body[0].service_request_id as string;
      const xml = await t.http().get(`${BASE}/requests.xml?service_request_id=${id}`);
      expect(xml.status).toBe(200);
      const [request] = parseXml(xml.text).service_requests.request;
      expect(request).toEqual({
        service_request_id: id, status: 'open', status_notes: '', service_name: expect.any(String), service_code: 'JALAN_RUSAK',
        description: 'Lubang di Jl. Brigjen Ngurah Rai', agency_responsible: 'Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman',
        service_notice: 'Target: diselesaikan dalam 5 hari kerja', requested_datetime: expect.stringMatching(W3C_WITA), updated_datetime: expect.stringMatching(W3C_WITA),
        expected_datetime: '', address: '', address_id: '', zipcode: '', lat: '-8.454512', long: '115.354988', media_url: '',
      });
      for (const secret of ['ayu@example.org', 'Ayu', 'Lestari', '3456', 'dev-1', 'list-1']) expect(xml.text).not.toContain(secret);
      const json = await t.http().get(`${BASE}/requests/${id}.json`);
      expect(json.body).toEqual([expect.objectContaining({ service_request_id: id, status: 'open', lat: -8.454512, long: 115.354988, expected_datetime: null, status_notes: null })]);
      expect(JSON.stringify(json.body)).not.toMatch(/ayu@example|Lestari|6281234567890/);
    });

    it('filters by service code, status, dates and pages', async () => {
      const all = (await t.http().get(`${BASE}/requests.json`)).body as Array<{ service_code: string; status: string }>;
      expect(all.length).toBeGreaterThanOrEqual(4);
      const bridges = (await t.http().get(`${BASE}/requests.json?service_code=JEMBATAN_RUSAK`)).body as Array<{ service_code: string }>;
      expect(bridges.length).toBeGreaterThan(0);
      expect(bridges.every((r) => r.service_code === 'JEMBATAN_RUSAK')).toBe(true);
      expect((await t.http().get(`${BASE}/requests.json?status=closed`)).body).toEqual([]);
      expect((await t.http().get(`${BASE}/requests.json?page_size=2&page=1`)).body).toHaveLength(2);
      const future = await t.http().get(`${BASE}/requests.json?start_date=2027-01-01T00:00:00%2B08:00&end_date=2027-01-02T00:00:00%2B08:00`);
      expect(future.body).toEqual([]);
      const tooLong = await t.http().get(`${BASE}/requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z`);
      expect(tooLong.status).toBe(400);
      expect(errorsOf(tooLong)).toEqual([{ code: 400, description: 'start_date and end_date may span at most 90 days' }]);
      const bad = await t.http().get(`${BASE}/requests.json?status=pending&start_date=yesterday&page_size=5000`);
      expect(errorsOf(bad).map((e) => e.description)).toEqual([
        'start_date must be an ISO 8601 date-time such as 2026-12-01T00:00:00+08:00', 'status must be open or closed', 'page_size must be a whole number from 1 to 1000',
      ]);
      expect((await t.http().get(`${BASE}/requests/BGL-2026-999999.xml`)).status).toBe(404);
    });

    it('never lists confidential reports, and shows no description a citizen did not write for the public', async () => {
      const confidential = await api.createTicket({
        kind: 'COMPLAINT', channel: 'PHONE', categoryCode: CODES.roadCategory, description: 'Rahasia: jalan rusak depan rumah saya', descriptionLanguage: 'id',
        reporter: { name: 'Ketut', phone: '081299998888', confidential: true },
      } as never);
      const phoned = await api.createTicket({
        kind: 'COMPLAINT', channel: 'PHONE', categoryCode: CODES.roadCategory, description: 'Pak Ketut (0812…) melapor jalan rusak', descriptionLanguage: 'id',
      } as never);
      expect((await t.http().get(`${BASE}/requests/${confidential.number}.json`)).status).toBe(404);
      const all = (await t.http().get(`${BASE}/requests.json`)).body as Array<{ service_request_id: string; description: string | null }>;
      expect(all.map((r) => r.service_request_id)).not.toContain(confidential.number);
      expect(all.find((r) => r.service_request_id === phoned.number)?.description).toBeNull();
      const byId = (await t.http().get(`${BASE}/requests.json?service_request_id=${confidential.number},${phoned.number}`)).body;
      expect(byId.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([phoned.number]);
    });

    it('shows the running clock as expected_datetime once the OPD has it', async () => {
      const created = await postForm(t, '/requests.json', { api_key: key, ...ROAD, description: 'Lubang di Jl. Kusuma Yudha', device_id: 'exp-1' });
      const number = created.body[0].service_request_id as string;
      const triaged = await api.change('triageTicket', { ...ref((await api.ticketByNumber(number))!), kind: 'COMPLAINT', categoryCode: CODES.roadCategory });
      await api.change('dispatchTicket', { ...ref(triaged) });
      const [request] = (await t.http().get(`${BASE}/requests/${number}.json`)).body;
      expect(request.expected_datetime).toMatch(W3C_WITA);
      expect(new Date(request.expected_datetime).getTime()).toBeGreaterThan(t.clock.now().getTime() + DAY);
    });
  });

  describe('keys and rate limits', () => {
    it('limits each key per minute and answers 429 with the spec\'s body and Retry-After', async () => {
      const small = await newClientKey(t, 'Tiny app', 2);
      for (let i = 0; i < 2; i++) expect((await t.http().get(`${BASE}/services.json?api_key=${small}`)).status).toBe(200);
      const refused = await t.http().get(`${BASE}/services.xml?api_key=${small}`);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      expect(errorsOf(refused)[0].code).toBe(429);
      t.clock.advance(MINUTE);
      expect((await t.http().get(`${BASE}/services.json?api_key=${small}`)).status).toBe(200);
      // A key given on a GET must be valid.
      expect((await t.http().get(`${BASE}/services.json?api_key=nope`)).status).toBe(403);
    });

    it('lets browser apps call (Access-Control-Allow-Origin)', async () => {
      const res = await t.http().get(`${BASE}/services.json`).set('origin', 'https://app.example.org');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      const preflight = await t.http().options(`${BASE}/requests.json`).set('origin', 'https://app.example.org').set('access-control-request-method', 'POST');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-methods']).toContain('POST');
    });
  });
});
