import { SlaSweeper } from '../../../src/core/sla/sweeper/sla-sweeper';
import { ManualClock } from '../../support/manual-clock';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { ACTORS, CODES, MINUTE, ref, TicketApi } from '../tickets/ticket-api';

// GET /metrics as Prometheus scrapes it: off without a token, refused without
// the right one, and counting what the API did without a trace of who it was about.

const TOKEN = 'metrics-e2e-token-0123456789';
const T0 = new Date('2026-11-28T02:00:00Z');

/** One sample's value in the text format, by metric name and exact label set; 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    const wanted = Object.entries(labels);
    if (wanted.length === Object.keys(found).length && wanted.every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return 0;
}

/** The sum of every sample of a metric, whatever its labels. */
function total(text: string, name: string): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

describe('GET /metrics without METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  it('does not exist (404), with or without credentials', async () => {
    expect((await t.http().get('/metrics')).status).toBe(404);
    expect((await t.http().get('/metrics').set('authorization', `Bearer ${TOKEN}`)).status).toBe(404);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  let api: TicketApi;
  const scrape = async (): Promise<string> => {
    const res = await t.http().get('/metrics').set('authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    return res.text;
  };

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: TOKEN }, new ManualClock(T0));
    api = new TicketApi(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', `Bearer ${TOKEN.replace(/.$/, 'x')}`],
    ['the token without the Bearer scheme', TOKEN],
    ['Basic credentials', `Basic ${Buffer.from(`prometheus:${TOKEN}`).toString('base64')}`],
  ])('answers 401 to %s, and shows no metric', async (_, authorization) => {
    const req = t.http().get('/metrics');
    const res = await (authorization ? req.set('authorization', authorization) : req);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(res.text).not.toContain('sigap_');
  });

  it('answers in the Prometheus text format, with the process metrics', async () => {
    const res = await t.http().get('/metrics').set('authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(res.text).toContain('# TYPE sigap_http_request_duration_seconds histogram');
  });

  it('counts committed creates, transitions, GraphQL operations and errors, and SLA thresholds', async () => {
    const before = await scrape();
    const ticket = await api.createTicket(
      {
        kind: 'EMERGENCY',
        channel: 'PHONE',
        description: 'Pohon tumbang menimpa rumah warga di Desa Kayubihi',
        descriptionLanguage: 'id',
        reporter: { name: 'Made Wirawan', phone: '0812-9988-7766' },
        location: { district: 'BANGLI', village: 'Kayubihi' },
      },
      ACTORS.callTaker,
    );
    // An idempotent replay returns the same ticket: not a second create.
    const key = 'metrics-e2e-create-1';
    const input = { kind: 'COMPLAINT' as const, channel: 'WEB' as const, description: 'Lampu jalan mati sejak seminggu', descriptionLanguage: 'id' };
    await api.create(input, { key });
    await api.create(input, { key });
    await api.change('triageTicket', {
      ...ref(ticket), kind: 'EMERGENCY', categoryCode: CODES.fireCategory, opdCode: CODES.fireOpd,
      attributes: [{ code: 'PEOPLE_TRAPPED', values: ['NO'] }],
    }, ACTORS.callTaker);
    // Refused by the lifecycle (a NEW ticket cannot be resolved): no transition counted.
    const unTriaged = await api.createTicket({ kind: 'COMPLAINT', channel: 'PHONE', description: 'Jalan berlubang di depan pasar', descriptionLanguage: 'id' });
    const refused = await api.command('resolveTicket', { ...ref(unTriaged), note: 'Sudah diperbaiki' }, ACTORS.supervisor);
    expect(refused.__typename).toBe('IllegalTransition');
    // Not logged in: an UNAUTHENTICATED error.
    await t.gql('query { tickets(first: 1) { totalCount } }', {}, null);
    const after = await scrape();

    const moved = (name: string, labels: Record<string, string> = {}) => sample(after, name, labels) - sample(before, name, labels);
    expect(moved('sigap_tickets_created_total', { channel: 'PHONE', kind: 'EMERGENCY' })).toBe(1);
    expect(moved('sigap_tickets_created_total', { channel: 'WEB', kind: 'COMPLAINT' })).toBe(1);
    expect(moved('sigap_tickets_created_total', { channel: 'PHONE', kind: 'COMPLAINT' })).toBe(1);
    expect(moved('sigap_ticket_transitions_total', { event_type: 'TRIAGE', to_state: 'TRIAGED' })).toBe(1);
    expect(after).not.toMatch(/sigap_ticket_transitions_total\{[^}]*event_type="RESOLVE"/);
    expect(moved('sigap_graphql_operation_duration_seconds_count', { operation_type: 'mutation', root_field: 'createTicket' })).toBe(4);
    expect(moved('sigap_graphql_operation_duration_seconds_count', { operation_type: 'mutation', root_field: 'triageTicket' })).toBe(1);
    expect(moved('sigap_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(moved('sigap_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status_class: '2xx' })).toBeGreaterThanOrEqual(6);
  });

  it('labels HTTP requests by route template, never by the raw URL', async () => {
    await t.http().get('/health/live?ticket=BGL-2026-000001');
    await t.http().get('/tickets/BGL-2026-000001');
    const text = await scrape();
    expect(sample(text, 'sigap_http_request_duration_seconds_count', { method: 'GET', route: '/health/live', status_class: '2xx' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'sigap_http_request_duration_seconds_count', { method: 'GET', route: '(unmatched)', status_class: '4xx' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('BGL-2026-000001');
  });

  it('records SLA warnings and breaches by OPD and metric, and the sweep lag', async () => {
    t.clock.set(new Date(T0.getTime() + 20 * MINUTE));
    await api.createTicket({ kind: 'EMERGENCY', channel: 'PHONE', description: 'Banjir menggenangi jalan desa', descriptionLanguage: 'id' });
    const before = await scrape();
    // Five minutes is the emergency triage target; 7 minutes later every threshold is due.
    t.clock.set(new Date(T0.getTime() + 27 * MINUTE));
    const { recorded } = await t.app.get(SlaSweeper).sweepOnce(t.clock.now());
    const after = await scrape();
    const moved = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    const warnings = moved('sigap_sla_warnings_total', { opd: 'none', metric: 'TRIAGE' });
    const breaches = moved('sigap_sla_breaches_total', { opd: 'none', metric: 'TRIAGE' });
    expect(breaches).toBe(1);
    expect(warnings).toBeGreaterThan(0);
    // Every threshold the sweep inserted, whatever its OPD and metric (the triaged fire's on-site warnings too), once.
    const counted = (text: string) => total(text, 'sigap_sla_warnings_total') + total(text, 'sigap_sla_breaches_total');
    expect(counted(after) - counted(before)).toBe(recorded);
    expect(moved('sigap_sla_sweep_lag_seconds_count', { threshold: 'breach' })).toBe(1);
    // Due at 5 minutes, recorded at 7: two minutes late.
    expect(moved('sigap_sla_sweep_lag_seconds_sum', { threshold: 'breach' })).toBeCloseTo(120, 3);
    // A second sweep finds nothing new and counts nothing.
    await t.app.get(SlaSweeper).sweepOnce(t.clock.now());
    expect(sample(await scrape(), 'sigap_sla_breaches_total', { opd: 'none', metric: 'TRIAGE' })).toBe(sample(after, 'sigap_sla_breaches_total', { opd: 'none', metric: 'TRIAGE' }));
  });

  it('carries no ticket number, phone number, name or user id anywhere', async () => {
    const created = await api.createTicket({
      kind: 'COMPLAINT', channel: 'PHONE', description: 'Sampah menumpuk di pinggir sungai', descriptionLanguage: 'id',
      reporter: { name: 'Nyoman Sukerta', phone: '0813-5544-3322' },
    });
    const text = await scrape();
    const all = await api.list({ first: 100 });
    expect(all.totalCount).toBeGreaterThan(3);
    for (const edge of all.edges) {
      expect(text).not.toContain(edge.node.number);
      expect(text).not.toContain(edge.node.id);
    }
    for (const secret of [created.number, created.id, '+6281355443322', '081355443322', '6281355443322', 'Sukerta', 'Wirawan', '+6281299887766', ACTORS.callTaker.userId]) {
      expect(text).not.toContain(secret);
    }
  });
});
