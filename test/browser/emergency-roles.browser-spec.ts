import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SlaSweeper } from '../../src/core/sla/sweeper/sla-sweeper';
import { ManualClock } from '../support/manual-clock';
import { tinyJpeg, tinyPng } from '../support/media-fixtures';
import type { TestActor } from '../support/test-app';
import { BOOT_TIMEOUT_MS } from '../support/timeouts';
import { startBrowserApp, type BrowserApp, type ConsoleSession } from './support/browser-app';

const MINUTE = 60_000;
/** The page's DOM, for the callbacks run inside it (the test code itself has no DOM types). */
declare const document: { querySelectorAll(selector: string): { length: number } };
const FIRE_OPD = 'SATPOLPP-DAMKAR';
const CALL_TAKER: TestActor = { userId: 'ct-browser', role: 'CALL_TAKER' };
/** Where the unit stands when it arrives (Kintamani), as the phone reports it. */
const SCENE = { latitude: -8.2462, longitude: 115.3216, accuracy: 8 };

interface Ref {
  id: string;
  number: string;
  version: number;
}
const outcome = (mutation: string): string => `... on ${mutation === 'createTicket' ? 'TicketCreated' : 'TicketChanged'} { ticket { id number version } }`;

// The emergency path across three roles, in three browsers: a fire is recorded (through the API, as
// the call taker's screen would), the supervisor's wall screen shows it and colours it as its clocks
// run, the fire service's officer acknowledges it on a phone, departs and arrives with the phone's
// position and a photo, and the board turns green. Then: what an OPD officer may not reach.
describe('console: the emergency path across three roles, and role-based screens', () => {
  let site: BrowserApp;
  let supervisor: ConsoleSession;
  let officer: ConsoleSession;
  let fire: Ref;

  beforeAll(async () => {
    // The server's clock starts at the real time: the browser's own clock is real.
    site = await startBrowserApp('emergency-roles', new ManualClock(new Date()));
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => site?.close(), BOOT_TIMEOUT_MS);

  async function command(mutation: string, inputType: string, input: Record<string, unknown>, actor: TestActor): Promise<Ref> {
    const res = await site.app.gql<Record<string, { ticket?: Ref; __typename: string }>>(
      `mutation M($input: ${inputType}!) { r: ${mutation}(input: $input) { __typename ${outcome(mutation)} } }`,
      { input },
      actor,
    );
    const ticket = res.body.data?.r?.ticket;
    if (!ticket) throw new Error(`${mutation}: ${JSON.stringify(res.body)}`);
    return ticket;
  }
  const level = (session: ConsoleSession, number: string, want: string): Promise<unknown> =>
    session.page.waitForSelector(`[data-testid="emergency-${number}"][data-level="${want}"]`, { timeout: 60_000 });

  it('a fire recorded by the call centre appears on the supervisor\'s board, coloured by its clocks', async () => {
    const created = await command(
      'createTicket',
      'CreateTicketInput',
      {
        kind: 'EMERGENCY', channel: 'PHONE', description: 'Rumah terbakar di Desa Batur, api besar', descriptionLanguage: 'id',
        location: { district: 'KINTAMANI', village: 'Batur', address: 'Jl. Raya Batur 12' },
      },
      CALL_TAKER,
    );
    const triaged = await command(
      'triageTicket', 'TriageTicketInput',
      { ticketId: created.id, expectedVersion: created.version, kind: 'EMERGENCY', categoryCode: 'KEBAKARAN_BANGUNAN', attributes: [{ code: 'PEOPLE_TRAPPED', values: ['NO'] }] },
      CALL_TAKER,
    );
    fire = await command('dispatchTicket', 'DispatchTicketInput', { ticketId: triaged.id, expectedVersion: triaged.version }, CALL_TAKER);

    supervisor = await site.openSession('supervisor');
    await supervisor.page.setViewport({ width: 1600, height: 1000 });
    await supervisor.signIn(await site.createUser('SUPERVISOR'));
    expect(new URL(supervisor.page.url()).pathname).toBe('/board');
    await level(supervisor, fire.number, 'ok');
    await supervisor.waitForText('Kedaruratan terbuka');
    await supervisor.step('board');

    // Four of the five minutes to acknowledge gone: the next change pushes the board, now orange.
    site.clock.advance(4 * MINUTE);
    fire = await command('addNote', 'AddNoteInput', { ticketId: fire.id, expectedVersion: fire.version, text: 'Penelepon melihat asap hitam', visibility: 'INTERNAL' }, CALL_TAKER);
    await level(supervisor, fire.number, 'warn');
    await supervisor.waitForText('Hampir terlewati', `[data-testid="emergency-${fire.number}"]`);
    // The sweep records the warnings passed (50 and 75 % of acknowledge): they arrive as escalations to acknowledge.
    await site.app.app.get(SlaSweeper).sweepOnce(site.clock.now());
    await supervisor.page.waitForSelector('[data-testid="escalation"]');
    await supervisor.waitForText(fire.number, '.escalations');
    await supervisor.step('board-escalations');
    const before = (await supervisor.page.$$('[data-testid="escalation"]')).length;
    await supervisor.click('[data-testid="escalation"] button');
    await supervisor.page.waitForFunction((n: number) => document.querySelectorAll('[data-testid="escalation"]').length === n - 1, {}, before);
    await supervisor.click('::-p-text(Layar dinding)');
    await supervisor.page.waitForSelector('.sla-board.wall');
    await supervisor.step('board-wall-warning');
  });

  it('the fire service\'s officer acknowledges on a phone, arrives with position and photo, and the board turns green', async () => {
    officer = await site.openSession('officer');
    await officer.page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
    await officer.page.browserContext().overridePermissions(site.baseUrl, ['geolocation']);
    await officer.page.setGeolocation(SCENE);
    await officer.signIn(await site.createUser('OPD_OFFICER', { opdCode: FIRE_OPD }));
    expect(new URL(officer.page.url()).pathname).toBe('/queue');
    await officer.page.waitForSelector(`[data-testid="queue-${fire.number}"]`);
    await officer.step('queue');

    await officer.click(`[data-testid="queue-${fire.number}"] a`);
    await officer.waitForText('Terima tugas');
    await officer.click('::-p-text(Terima tugas)');
    await officer.waitForText('Diterima OPD', '[data-testid="field-state"]');

    site.clock.advance(MINUTE);
    await officer.click('button::-p-text(Berangkat)');
    await officer.waitForText('Dalam perjalanan', '[data-testid="field-state"]');

    // On site: the phone's position and a photo as proof.
    site.clock.advance(5 * MINUTE);
    const photo = path.join(tmpdir(), `sigap-scene-${process.pid}.jpg`);
    writeFileSync(photo, tinyJpeg());
    // The picker's <input type=file>, as a person would pick the camera's photo (the test has no DOM types).
    const input = (await officer.page.waitForSelector('#field-photo')) as unknown as { uploadFile(...paths: string[]): Promise<void> };
    await input.uploadFile(photo);
    await officer.click('::-p-text(Pakai posisi saya)');
    await officer.waitForText(SCENE.latitude.toFixed(5), '[data-testid="field-position"]');
    await officer.step('arrive-with-photo');
    await officer.click('button::-p-text(Tiba di lokasi)');
    await officer.waitForText('Di lokasi', '[data-testid="field-state"]');
    await officer.page.waitForSelector('.photos img');
    await officer.step('on-site');

    // The API kept the position and the photo.
    const res = await site.app.gql<{ ticket: { state: string; files: Array<{ kind: string }>; events: Array<{ type: string; payload: { latitude?: number; longitude?: number } }> } }>(
      'query T($id: ID) { ticket(id: $id) { state files { kind } events { type payload } } }',
      { id: fire.id },
      { userId: 'spv-check', role: 'SUPERVISOR' },
    );
    const ticket = res.body.data!.ticket;
    expect(ticket.state).toBe('ON_SITE');
    expect(ticket.files.map((f) => f.kind)).toEqual(['PHOTO']);
    const arrival = ticket.events.find((e) => e.type === 'ARRIVE')!;
    expect(arrival.payload).toMatchObject({ latitude: SCENE.latitude, longitude: SCENE.longitude });

    // Every clock of the fire stopped in time: green on the wall screen.
    await level(supervisor, fire.number, 'done');
    await supervisor.waitForText('Tepat waktu', `[data-testid="emergency-${fire.number}"]`);
    await supervisor.step('board-green');

    // Fire out: resolved with what was done and a photo of the scene after; it leaves the board. Half an
    // hour on, the access token has expired (15 min): the upload's 401 renews it once, as GraphQL does.
    site.clock.advance(30 * MINUTE);
    const after = (await officer.page.waitForSelector('#field-photo')) as unknown as { uploadFile(...paths: string[]): Promise<void> };
    const photoAfter = path.join(tmpdir(), `sigap-scene-after-${process.pid}.png`);
    writeFileSync(photoAfter, tinyPng());
    await after.uploadFile(photoAfter);
    await officer.page.focus('#field-note');
    await officer.type('Api padam, tidak ada korban');
    await officer.click('button::-p-text(Selesaikan)');
    await officer.waitForText('Selesai', '[data-testid="field-state"]');
    await officer.page.waitForFunction(() => document.querySelectorAll('.photos img').length === 2);
    await officer.step('resolved');
    await supervisor.page.waitForSelector(`[data-testid="emergency-${fire.number}"]`, { hidden: true });
  });

  it('an OPD officer has no admin screens, not in the navigation and not by URL; an admin has them', async () => {
    const nav = await officer.page.$$eval('.topbar nav a', (links) => links.map((a) => a.getAttribute('href')));
    expect(nav).not.toContain('/admin');
    expect(nav).toContain('/queue');
    for (const url of ['/admin', '/admin/staff', '/admin/apiKeys', '/compliance']) {
      await officer.goto(url);
      await officer.waitForText('Tidak diizinkan', 'h1');
    }
    await officer.step('admin-refused');
    // Nor did the page get admin data: the API refuses the officer's credentials anyway.
    const refused = await site.app.gql('{ staffUsers { id } }', {}, { userId: 'opd-x', role: 'OPD_OFFICER', opdCode: FIRE_OPD });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const admin = await site.openSession('admin');
    await admin.signIn(await site.createUser('ADMIN'));
    expect(new URL(admin.page.url()).pathname).toBe('/admin');
    await admin.waitForText('officer', 'table');
    await admin.step('admin-staff');
    // A new field unit for the fire service, from the form: the one-time password is shown once.
    await admin.page.focus('#staff-username');
    await admin.type('unit-damkar-2');
    await admin.page.focus('#staff-name');
    await admin.type('Unit Damkar 2');
    await admin.page.select('#staff-role', 'FIELD_UNIT');
    await admin.page.waitForSelector('#staff-opd');
    await admin.page.select('#staff-opd', FIRE_OPD);
    await admin.click('form.admin-form button[type="submit"]');
    await admin.waitForText('unit-damkar-2', '[data-testid="one-time-password"]');
    await admin.waitForText('unit-damkar-2', 'table');
    const staff = await site.app.gql<{ staffUsers: Array<{ username: string; role: string; opdCode: string | null }> }>('{ staffUsers { username role opdCode } }', {}, { userId: 'adm', role: 'ADMIN' });
    expect(staff.body.data!.staffUsers.find((u) => u.username === 'unit-damkar-2')).toEqual({ username: 'unit-damkar-2', role: 'FIELD_UNIT', opdCode: FIRE_OPD });
    for (const [section, text] of [['rollout', 'SATPOLPP-DAMKAR'], ['categories', 'KEBAKARAN_BANGUNAN'], ['policies', 'Emergency'], ['calendars', 'WORKING_DAYS']] as const) {
      await admin.goto(`/admin/${section}`);
      await admin.waitForText(text, '.admin-section');
      await admin.step(`admin-${section}`);
    }
    await admin.close();

    await supervisor.goto('/compliance');
    await supervisor.page.waitForSelector('[data-testid="chart-ON_SITE"]');
    await supervisor.waitForText(FIRE_OPD, '[data-testid="compliance-table"]');
    await supervisor.step('compliance');
    // The same screens in English on request.
    await supervisor.page.select('.user-menu select', 'en');
    await supervisor.waitForText('SLA compliance', 'h1');
    await supervisor.waitForText('Whole regency', '[data-testid="compliance-table"]');
    await supervisor.goto('/board');
    await supervisor.waitForText('Open emergencies');
    // The fire was resolved: nothing open on the board.
    await supervisor.waitForText('No open emergency.');
    await supervisor.step('board-en');
    await officer.close();
    await supervisor.close();
  });
});
