import { ENABLED_WITH_FIXTURE } from '../../fixtures/opd-fixture/beside-enabled';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';

const ADMIN = { userId: 'admin-wayan', role: 'ADMIN' };
/** What this app serves: every module enabled in config/opd-modules.ts, and the fixture beside them. */
const MODULES = ENABLED_WITH_FIXTURE;

interface Category {
  code: string;
  opdCode: string;
  name: string;
  active: boolean;
  version: number;
  attributes: Array<{ code: string; datatype: string; required: boolean; values: Array<{ key: string; name: string }> }>;
}

describe('OPD plug-ins over GraphQL: an OPD that exists only in the tests joins without touching the core', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, undefined, MODULES);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  it('lists every enabled OPD and the fixture, by code, with its categories in the language asked', async () => {
    const res = await t.gql<{ opds: Array<{ code: string; name: string; categories: Category[] }> }>(
      '{ opds(language: EN) { code name categories { code name } } }',
    );
    // Ordered by code (the test database uses the C collation, as JavaScript's sort does).
    expect(res.body.data?.opds.map((o) => o.code)).toEqual(MODULES.map((m) => m.code).sort());
    const dinsos = res.body.data!.opds.find((o) => o.code === 'DINSOS')!;
    expect(dinsos.name).toBe('Social Affairs Agency');
    expect(dinsos.categories.map((c) => c.name)).toEqual(['Misdirected social assistance', 'Neglected resident']);
  });

  it('serves a category with its Open311-style questions', async () => {
    const res = await t.gql<{ categories: Category[] }>(
      '{ categories(opd: "DINSOS", kind: "COMPLAINT") { code opdCode attributes { code datatype required values { key name } } } }',
    );
    expect(res.body.data?.categories).toEqual([
      {
        code: 'BANSOS_TIDAK_TEPAT',
        opdCode: 'DINSOS',
        attributes: [
          { code: 'PROGRAM', datatype: 'singlevaluelist', required: true, values: [{ key: 'PKH', name: 'PKH' }, { key: 'BPNT', name: 'BPNT' }] },
          { code: 'HOUSEHOLDS', datatype: 'number', required: false, values: [] },
        ],
      },
    ]);
  });

  it("suggests the fixture's category for a caller's words", async () => {
    const res = await t.gql<{ categorySuggestions: Array<{ category: { code: string } }> }>(
      '{ categorySuggestions(text: "Bansos tidak sampai ke tetangga saya", language: ID) { category { code } } }',
    );
    expect(res.body.data?.categorySuggestions[0].category.code).toBe('BANSOS_TIDAK_TEPAT');
  });

  it("suggests from modules' synonyms and call-note shorthand, with a confidence, and nothing for words it does not know", async () => {
    type Suggestions = { categorySuggestions: Array<{ score: number; confidence: number; category: { code: string } }> };
    const ask = async (text: string) =>
      (await t.gql<Suggestions>('query($text: String!) { categorySuggestions(text: $text) { score confidence category { code } } }', { text })).body.data!
        .categorySuggestions;
    const [fixture] = await ask('lansia terlantar di pinggir jln'); // a synonym of the fixture module
    expect(fixture.category.code).toBe('WARGA_TERLANTAR');
    expect(fixture.confidence).toBeGreaterThan(0.5);
    expect(fixture.confidence).toBeLessThanOrEqual(1);
    expect((await ask('sampah tdk diangkut'))[0].category.code).toBe('PELANGGARAN_PERDA');
    expect(await ask('selamat pagi, mau tanya')).toEqual([]);
  });

  it('routes a ticket to the fixture OPD end to end, checking the category questions', async () => {
    const create = await t.gql<{ createTicket: { __typename: string; ticket: { id: string; version: number } } }>(
      `mutation { createTicket(input: { kind: COMPLAINT, channel: PHONE, description: "Bansos salah sasaran", descriptionLanguage: "id" }) {
        __typename ... on TicketCreated { ticket { id version } } } }`,
    );
    const { id, version } = create.body.data!.createTicket.ticket;
    const triage = `mutation($attrs: [AttributeAnswerInput!]) { triageTicket(input: { ticketId: "${id}", expectedVersion: ${version},
      kind: COMPLAINT, categoryCode: "BANSOS_TIDAK_TEPAT", attributes: $attrs }) {
      __typename ... on TicketChanged { ticket { state opdCode attributes { code values } version } }
      ... on InvalidTicketInput { problems } } }`;
    const missing = await t.gql<{ triageTicket: { __typename: string; problems: string[] } }>(triage, { attrs: [] });
    expect(missing.body.data?.triageTicket).toEqual({
      __typename: 'InvalidTicketInput',
      problems: ['attributes.PROGRAM: required for category BANSOS_TIDAK_TEPAT (Assistance programme)'],
    });
    const ok = await t.gql<{ triageTicket: { ticket: { state: string; opdCode: string; attributes: unknown; version: number } } }>(triage, {
      attrs: [{ code: 'PROGRAM', values: ['PKH'] }, { code: 'HOUSEHOLDS', values: ['3'] }],
    });
    expect(ok.body.data?.triageTicket.ticket).toEqual({
      state: 'TRIAGED',
      opdCode: 'DINSOS',
      attributes: [{ code: 'PROGRAM', values: ['PKH'] }, { code: 'HOUSEHOLDS', values: ['3'] }],
      version: 2,
    });
    const dispatched = await t.gql<{ dispatchTicket: { __typename: string; ticket: { state: string } } }>(
      `mutation { dispatchTicket(input: { ticketId: "${id}", expectedVersion: 2 }) { __typename ... on TicketChanged { ticket { state } } } }`,
    );
    expect(dispatched.body.data?.dispatchTicket.ticket.state).toBe('DISPATCHED');
  });

  it('refuses a category of another OPD when the caller names the wrong OPD', async () => {
    const res = await t.gql<{ createTicket: { __typename: string; problems: string[] } }>(
      `mutation { createTicket(input: { kind: COMPLAINT, channel: PHONE, description: "x", descriptionLanguage: "id",
        categoryCode: "BANSOS_TIDAK_TEPAT", opdCode: "BPBD", attributes: [{ code: "PROGRAM", values: ["PKH"] }] }) {
        __typename ... on InvalidTicketInput { problems } } }`,
    );
    expect(res.body.data?.createTicket).toEqual({
      __typename: 'InvalidTicketInput',
      problems: ['category BANSOS_TIDAK_TEPAT belongs to OPD DINSOS, not BPBD'],
    });
  });

  it('lets an admin rename and deactivate a category without a deploy; versions detect races; history is kept', async () => {
    const read = await t.gql<{ categories: Category[] }>('{ categories(opd: "DINSOS", kind: "EMERGENCY") { code version } }');
    const { version } = read.body.data!.categories[0];
    const rename = `mutation($v: Int!) { renameCategory(input: { code: "WARGA_TERLANTAR", expectedVersion: $v, nameEn: "Abandoned person" }) {
      __typename ... on CategoryChanged { category { nameEn nameId version } } ... on CategoryVersionConflict { currentVersion } } }`;
    const renamed = await t.gql<{ renameCategory: { __typename: string; category: { nameEn: string; nameId: string; version: number } } }>(
      rename, { v: version }, ADMIN,
    );
    expect(renamed.body.data?.renameCategory.category).toEqual({ nameEn: 'Abandoned person', nameId: 'Warga terlantar', version: version + 1 });

    const stale = await t.gql<{ renameCategory: { __typename: string; currentVersion: number } }>(rename, { v: version }, ADMIN);
    expect(stale.body.data?.renameCategory).toEqual({ __typename: 'CategoryVersionConflict', currentVersion: version + 1 });

    const notAdmin = await t.gql(rename, { v: version + 1 });
    expect(notAdmin.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const off = await t.gql<{ deactivateCategory: { category: { active: boolean } } }>(
      `mutation { deactivateCategory(input: { code: "WARGA_TERLANTAR", expectedVersion: ${version + 1} }) { ... on CategoryChanged { category { active } } } }`,
      undefined,
      ADMIN,
    );
    expect(off.body.data?.deactivateCategory.category.active).toBe(false);
    const offered = await t.gql<{ categories: Category[] }>('{ categories(opd: "DINSOS") { code } }');
    expect(offered.body.data?.categories.map((c) => c.code)).toEqual(['BANSOS_TIDAK_TEPAT']);
    // A switched-off category is no longer suggested, though the boot's index still knows its words.
    const suggested = await t.gql<{ categorySuggestions: Array<{ category: { code: string } }> }>(
      '{ categorySuggestions(text: "lansia terlantar") { category { code } } }',
    );
    expect(suggested.body.data?.categorySuggestions.map((s) => s.category.code)).not.toContain('WARGA_TERLANTAR');

    const history = await t.gql<{ categoryHistory: Array<{ version: number; change: string; actorId: string | null }> }>(
      '{ categoryHistory(code: "WARGA_TERLANTAR") { version change actorId } }',
    );
    expect(history.body.data?.categoryHistory).toEqual([
      { version: 1, change: 'CODE_SYNC', actorId: null },
      { version: 2, change: 'ADMIN_RENAME', actorId: 'admin-wayan' },
      { version: 3, change: 'ADMIN_DEACTIVATE', actorId: 'admin-wayan' },
    ]);
  });

  it('reports the 100-day rollout', async () => {
    t.clock.set('2026-12-11T04:00:00Z'); // 10 days after the default launch date, noon in Bali
    const res = await t.gql<{ rollout: Record<string, unknown> }>('{ rollout { opdsLive opdsPlanned launchDate deadline daysLeft } }');
    // A freshly scaffolded module is PLANNED until its agency goes live, so the counts follow the modules' statuses.
    const live = MODULES.filter((m) => m.onboarding.status === 'LIVE').length;
    expect(res.body.data?.rollout).toEqual({
      opdsLive: live,
      opdsPlanned: MODULES.length - live,
      launchDate: '2026-12-01',
      deadline: '2027-03-11',
      daysLeft: 90,
    });
  });
});
