import { BOOT_TIMEOUT_MS } from '../support/timeouts';
import { startBrowserApp, type BrowserApp } from './support/browser-app';

describe('console: signing in', () => {
  let site: BrowserApp;
  beforeAll(async () => {
    site = await startBrowserApp('sign-in');
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => site?.close(), BOOT_TIMEOUT_MS);

  it("a call taker signs in and lands on the role's home screen, in Indonesian, under the console's CSP", async () => {
    const user = await site.createUser('CALL_TAKER');
    const ct = await site.openSession('call-taker');
    const first = await ct.page.goto(`${site.baseUrl}/`);
    expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
    await ct.page.waitForSelector('#username');
    expect(await ct.text('h1')).toBe('Masuk ke Sigap');
    await ct.step('sign-in');

    // A wrong password: said in words, nobody signed in.
    await ct.page.focus('#username');
    await ct.type(user.username);
    await ct.press('Tab');
    await ct.type('not the password');
    await ct.press('Enter');
    await ct.waitForText('Nama pengguna atau kata sandi salah.', '[role="alert"]');
    await ct.step('wrong-password');

    await ct.signIn(user);
    await ct.waitForText('Petugas panggilan', '[data-testid="signed-in-as"]');
    const home = new URL(ct.page.url()).pathname;
    expect(home).not.toBe('/');
    await ct.step('home');

    // A reload keeps the session (and the screen); a client route is served by the server too.
    await ct.page.reload({ waitUntil: 'networkidle0' });
    await ct.page.waitForSelector('[data-testid="signed-in-as"]');
    expect(new URL(ct.page.url()).pathname).toBe(home);

    // English on request, then signing out ends the session.
    await ct.page.select('.user-menu select', 'en');
    await ct.waitForText('Sign out');
    await ct.page.locator('::-p-text(Sign out)').click();
    await ct.page.waitForSelector('#username');
    expect(await ct.text('h1')).toBe('Sign in to Sigap');
    await ct.close();
  });

  it('an OPD officer gets only its screens: no new-call in the menu, and its URL answers "not allowed"', async () => {
    const officer = await site.createUser('OPD_OFFICER', { opdCode: 'PUPR-PERKIM' });
    const s = await site.openSession('opd-officer');
    await s.signIn(officer);
    await s.waitForText('Petugas OPD', '[data-testid="signed-in-as"]');
    expect(await s.text('nav')).not.toContain('Panggilan baru');
    await s.goto('/new-call');
    await s.waitForText('Tidak diizinkan', 'h1');
    expect(await s.page.$('#phone')).toBeNull();
    await s.step('not-allowed');
    await s.close();
  });

  it('renews an expired access token with the refresh token, without the user noticing, and shows times in WITA', async () => {
    await site.app.gql(
      `mutation($input: CreateTicketInput!) { createTicket(input: $input) { __typename } }`,
      { input: { channel: 'PHONE', kind: 'COMPLAINT', description: 'Lampu jalan mati di depan balai banjar', descriptionLanguage: 'id' } },
    );
    const s = await site.openSession('refresh');
    await s.signIn(await site.createUser('SUPERVISOR'));
    const refreshes: string[] = [];
    s.page.on('request', (request) => {
      if ((request.postData() ?? '').includes('RefreshSession')) refreshes.push(request.url());
    });
    // A supervisor starts on the SLA board; open the ticket list. Access tokens last 15 minutes by the
    // server's clock: move it past that, then search (a new request).
    await s.goto('/tickets');
    await s.waitForText('Lampu jalan mati', 'table');
    site.clock.advance(16 * 60_000);
    await s.page.focus('#ticket-search');
    await s.type('Lampu');
    await s.waitForText('Lampu jalan mati', 'table');
    expect(refreshes).toHaveLength(1);
    // The ticket was reported at the server clock's start, 02:00 UTC: 10.00 in Bangli.
    expect(await s.text('table')).toContain('10.00 WITA');
    await s.page.waitForSelector('[data-testid="signed-in-as"]');
    await s.close();
  });
});
