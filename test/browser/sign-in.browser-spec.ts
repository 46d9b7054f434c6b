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
});
