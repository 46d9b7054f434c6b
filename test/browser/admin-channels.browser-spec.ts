import { ManualClock } from '../support/manual-clock';
import { BOOT_TIMEOUT_MS } from '../support/timeouts';
import { startBrowserApp, type BrowserApp, type ConsoleSession } from './support/browser-app';

// The admin screens of the social channels and the SLA, in a real browser on the real server: an admin
// registers an official account of the decree (a second registration of it is refused in words),
// deactivates it after someone else changed it (the version conflict is said, the list reloaded, the
// second try works), edits a milestone template (an unknown placeholder is refused with the server's
// reason first), adds an SLA policy for one OPD (a typo in the OPD is refused first) and stops it, and
// adds a calendar with office hours and changes them from a later date.

const ADMIN = { userId: 'browser-admin', role: 'ADMIN' };
const FIRE_OPD = 'SATPOLPP-DAMKAR';
const WA_PHONE_ID = '109876543210777';

interface Account {
  id: string;
  accountId: string;
  displayName: string;
  active: boolean;
  version: number;
}

describe('console: admin screens for official accounts, templates, SLA policies and calendars', () => {
  let site: BrowserApp;
  let admin: ConsoleSession;

  beforeAll(async () => {
    // The server's clock starts at the real time: the browser's own clock is real.
    site = await startBrowserApp('admin-channels', new ManualClock(new Date()));
    admin = await site.openSession('admin-channels');
    await admin.signIn(await site.createUser('ADMIN'));
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await admin?.close();
    await site?.close();
  }, BOOT_TIMEOUT_MS);

  async function accounts(): Promise<Account[]> {
    const res = await site.app.gql<{ officialAccounts: Account[] }>('{ officialAccounts(includeInactive: true) { id accountId displayName active version } }', {}, ADMIN);
    return res.body.data!.officialAccounts;
  }

  /** Replaces the focused field's text, as a person does: select all, type. */
  async function retype(selector: string, text: string): Promise<void> {
    await admin.page.focus(selector);
    await admin.press('a', 'Control');
    await admin.press('Backspace');
    await admin.type(text);
  }

  it('registers an official account, is told it exists, and deactivates it through a version conflict', async () => {
    await admin.goto('/admin/accounts');
    await admin.waitForText('Akun resmi', 'h1');
    await admin.page.select('#account-platform', 'WHATSAPP');
    await retype('#account-id', WA_PHONE_ID);
    await retype('#account-name', 'WhatsApp Pemkab Bangli');
    await retype('#account-decree', 'Kep. Bupati Bangli No. 100/2026');
    await admin.press('Enter');
    await admin.page.waitForSelector(`[data-testid="account-${WA_PHONE_ID}"][data-active="true"]`);
    await admin.waitForText('WhatsApp Pemkab Bangli', `[data-testid="account-${WA_PHONE_ID}"]`);
    // The form was emptied for the next one; no secret is anywhere on the screen (the API has none).
    expect(await admin.page.$eval('#account-id', (el) => (el as unknown as { value: string }).value)).toBe('');
    await admin.step('official-account-registered');

    // The same account again: refused, in words.
    await retype('#account-id', WA_PHONE_ID);
    await retype('#account-name', 'WhatsApp Pemkab Bangli (lagi)');
    await admin.press('Enter');
    await admin.page.waitForSelector('[data-testid="admin-error"][data-code="ACCOUNT_EXISTS"]');
    await admin.waitForText('sudah terdaftar', '[data-testid="admin-error"]');
    expect((await accounts()).filter((a) => a.accountId === WA_PHONE_ID)).toHaveLength(1);

    // Another admin renames it meanwhile: this screen still holds version 1.
    const [account] = (await accounts()).filter((a) => a.accountId === WA_PHONE_ID);
    const renamed = await site.app.gql('mutation U($input: UpdateOfficialAccountInput!) { updateOfficialAccount(input: $input) { version } }', { input: { id: account.id, version: account.version, displayName: 'WA Pemkab Bangli' } }, ADMIN);
    expect(renamed.body.errors).toBeUndefined();
    const row = `[data-testid="account-${WA_PHONE_ID}"]`;
    await admin.click(`${row} button:nth-of-type(2)`);
    await admin.page.waitForSelector('[data-testid="admin-error"][data-code="VERSION_CONFLICT"]');
    await admin.waitForText('diubah orang lain', '[data-testid="admin-error"]');
    // The list was reloaded: the other admin's name, and the next try carries their version.
    await admin.waitForText('WA Pemkab Bangli', row);
    await admin.step('official-account-conflict');
    await admin.click(`${row} button:nth-of-type(2)`);
    await admin.page.waitForSelector(`${row}[data-active="false"]`);
    await admin.step('official-account-deactivated');
    expect((await accounts()).find((a) => a.accountId === WA_PHONE_ID)).toMatchObject({ active: false, version: 3, displayName: 'WA Pemkab Bangli' });
  });

  it('edits a milestone template: an unknown placeholder is refused with the reason, then saved', async () => {
    await admin.goto('/admin/templates');
    const row = '[data-testid="template-RECEIVED-id"]';
    await admin.page.waitForSelector(row);
    await admin.click(`${row} button`);
    await retype('#template-body', 'Laporan {{nomor}} diterima.');
    await admin.click('form[aria-label] button[type="submit"]');
    await admin.page.waitForSelector('[data-testid="admin-error"][data-code="BAD_USER_INPUT"]');
    await admin.waitForText('{{nomor}}', '[data-testid="admin-error"]');
    await admin.step('template-refused');
    const body = 'Laporan Anda diterima dengan nomor {{ticketNumber}}. Terima kasih, Pemkab Bangli.';
    await retype('#template-body', body);
    await admin.click('form[aria-label] button[type="submit"]');
    await admin.page.waitForSelector('#template-body', { hidden: true });
    await admin.waitForText('Terima kasih, Pemkab Bangli.', row);
    await admin.step('template-edited');
    const saved = await site.app.gql<{ channelTemplates: Array<{ key: string; language: string; body: string; version: number }> }>('{ channelTemplates { key language body version } }', {}, ADMIN);
    expect(saved.body.data!.channelTemplates.find((t) => t.key === 'RECEIVED' && t.language === 'id')).toMatchObject({ body, version: 2 });
  });

  it('creates an SLA policy for one OPD (a typo refused first) and deactivates it', async () => {
    await admin.goto('/admin/policies');
    await admin.page.waitForSelector('#policy-name');
    await retype('#policy-name', 'Pengaduan Damkar prioritas rendah');
    await admin.page.select('#policy-kind', 'COMPLAINT');
    await admin.page.select('#policy-priority', 'LOW');
    await retype('#policy-opd', 'DAMKAR-X');
    await retype('#policy-target-TRIAGE', '30');
    await admin.page.select('#policy-calendar-RESOLVE', 'WORKING_DAYS');
    await retype('#policy-target-RESOLVE', '2880');
    await retype('#policy-note', 'Uji coba');
    await admin.click('form[aria-labelledby="policy-create-title"] button[type="submit"]');
    await admin.page.waitForSelector('[data-testid="admin-error"][data-code="BAD_USER_INPUT"]');
    await admin.waitForText('DAMKAR-X', '[data-testid="admin-error"]');
    await admin.step('sla-policy-refused', 'form[aria-labelledby="policy-create-title"]');
    await retype('#policy-opd', FIRE_OPD);
    await admin.click('form[aria-labelledby="policy-create-title"] button[type="submit"]');
    await admin.waitForText('Pengaduan Damkar prioritas rendah', 'article.policy h2');
    const list = await site.app.gql<{ slaPolicies: Array<{ id: string; name: string; version: number; versions: Array<{ active: boolean; metrics: Array<{ metric: string; targetMinutes: number; calendar: string }> }> }> }>(
      '{ slaPolicies { id name version versions { active metrics { metric targetMinutes calendar } } } }', {}, ADMIN);
    const policy = list.body.data!.slaPolicies.find((p) => p.name === 'Pengaduan Damkar prioritas rendah')!;
    expect(policy.versions[0].metrics).toHaveLength(2);
    expect(policy.versions[0].metrics).toEqual(expect.arrayContaining([
      { metric: 'TRIAGE', targetMinutes: 30, calendar: '24x7' },
      { metric: 'RESOLVE', targetMinutes: 2880, calendar: 'WORKING_DAYS' },
    ]));
    const article = `[data-testid="policy-${policy.id}"]`;
    await admin.step('sla-policy-created', article);
    await admin.click(`${article} > button:nth-of-type(2)`);
    await admin.page.focus(`#deactivate-note-${policy.id}`);
    await admin.type('Tidak jadi dipakai');
    await admin.press('Enter');
    await admin.page.waitForSelector(`${article}[data-active="false"]`);
    await admin.step('sla-policy-deactivated', article);
    const after = await site.app.gql<{ slaPolicies: Array<{ id: string; version: number; versions: Array<{ active: boolean; note: string | null }> }> }>('{ slaPolicies { id version versions { active note } } }', {}, ADMIN);
    expect(after.body.data!.slaPolicies.find((p) => p.id === policy.id)).toMatchObject({ version: 2, versions: [{ active: true, note: 'Uji coba' }, { active: false, note: 'Tidak jadi dipakai' }] });
  });
  it('creates a calendar with office hours, then sets new weekly hours from a later date', async () => {
    await admin.goto('/admin/calendars');
    await admin.page.waitForSelector('#calendar-code');
    await retype('#calendar-code', 'RSUD-BANGLI');
    await retype('#calendar-name', 'Jam layanan RSUD Bangli');
    // A date field takes its digits in the browser's order (en-US here: month, day, year).
    await admin.page.focus('#calendar-from');
    await admin.type('01042027');
    await admin.click('form[aria-labelledby="calendar-create-title"] button[type="submit"]');
    await admin.waitForText('RSUD-BANGLI', '[data-testid="calendar-RSUD-BANGLI"] h2');
    await admin.click('[data-testid="calendar-RSUD-BANGLI"] > button');
    await admin.page.focus('#hours-from-RSUD-BANGLI');
    await admin.type('07012027');
    await admin.press('Enter');
    await admin.page.waitForSelector('#hours-from-RSUD-BANGLI', { hidden: true });
    await admin.waitForText('2027-07-01', '[data-testid="calendar-RSUD-BANGLI"]');
    await admin.step('calendar-hours', '[data-testid="calendar-RSUD-BANGLI"]');
    const res = await site.app.gql<{ calendars: Array<{ code: string; version: number; hours: Array<{ effectiveFrom: string; weekly: Array<{ weekday: number }> }> }> }>(
      '{ calendars { code version hours { effectiveFrom weekly { weekday } } } }', {}, ADMIN);
    const calendar = res.body.data!.calendars.find((c) => c.code === 'RSUD-BANGLI');
    expect(calendar?.hours.map((h) => [h.effectiveFrom, h.weekly.length])).toEqual([['2027-01-04', 5], ['2027-07-01', 5]]);
  });
});
