import { BOOT_TIMEOUT_MS } from '../support/timeouts';
import { startBrowserApp, type BrowserApp } from './support/browser-app';

describe('console: a call taker records a call', () => {
  let site: BrowserApp;
  beforeAll(async () => {
    site = await startBrowserApp('new-call');
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => site?.close(), BOOT_TIMEOUT_MS);

  it('records a routine complaint from the keyboard alone, answers its required question, and it is triaged to its OPD', async () => {
    const ct = await site.openSession('call-taker');
    await ct.signIn(await site.createUser('CALL_TAKER'));
    await ct.page.waitForSelector('#phone');
    expect(new URL(ct.page.url()).pathname).toBe('/new-call');
    // Signing in is not part of the call.
    ct.keystrokes = 0;
    ct.clicks = 0;

    await ct.type('081234567890');
    await ct.waitForText('0 laporan sebelumnya', '[data-testid="caller-panel"]');
    await ct.press('Tab'); // name: not given
    await ct.press('Tab'); // kind: the category decides
    await ct.press('Tab');
    await ct.type('Jembatan retak dan pagar jembatan rusak');
    await ct.waitForText('Jembatan rusak', '[data-testid="suggestions"]');
    await ct.page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): { value: string } } }).document.querySelector('#category').value === 'JEMBATAN_RUSAK');
    await ct.step('description-suggests-category');
    await ct.press('Tab'); // onto the suggested category: taken as it is
    await ct.press('Tab'); // district
    await ct.type('Kin');
    await ct.press('Tab');
    await ct.type('Batur');
    await ct.press('Tab');
    await ct.type('Dekat pura');
    await ct.press('Tab'); // latitude
    await ct.press('Tab'); // longitude
    await ct.press('Tab'); // the category's first question (required): still passable?
    await ct.type('H'); // "Hanya kendaraan ringan"
    await ct.step('form-filled');
    await ct.press('Enter', 'Control');
    await ct.waitForText('tersimpan', '[data-testid="saved"]');
    await ct.step('saved');

    const saved = await ct.text('[data-testid="saved"]');
    const number = /BGL-\d{4}-\d+/.exec(saved)?.[0];
    expect(number).toBeDefined();
    expect(saved).toContain('Dipilah'); // TRIAGED
    process.stdout.write(`[browser] routine complaint recorded in ${ct.keystrokes} keystrokes and ${ct.clicks} clicks\n`);
    expect(ct.keystrokes).toBeLessThanOrEqual(130);
    expect(ct.clicks).toBeLessThanOrEqual(2);

    // What the API holds: the answer to the required question travelled with the ticket.
    const res = await site.app.gql<any>(
      `query($n: String!) { ticket(number: $n) { state kind categoryCode opdCode attributes { code values } location { district village address } reporter { phone } } }`,
      { n: number },
    );
    expect(res.body.data.ticket).toMatchObject({
      state: 'TRIAGED',
      kind: 'COMPLAINT',
      categoryCode: 'JEMBATAN_RUSAK',
      opdCode: 'PUPR-PERKIM',
      location: { district: 'KINTAMANI', village: 'Batur', address: 'Dekat pura' },
      reporter: { phone: '+6281234567890' },
    });
    expect(res.body.data.ticket.attributes).toEqual(expect.arrayContaining([{ code: 'STILL_PASSABLE', values: ['LIGHT_ONLY'] }]));
    await ct.close();
  });

  it('dispatches an emergency in the same save, and answers an information request on the spot', async () => {
    const ct = await site.openSession('emergency');
    await ct.signIn(await site.createUser('CALL_TAKER'));
    await ct.page.waitForSelector('#phone');
    await ct.type('081399998888');
    await ct.page.focus('#description');
    await ct.type('Rumah terbakar, api besar, warga panik');
    // The fire category is suggested and its kind (emergency) follows.
    await ct.page.waitForFunction(() => (globalThis as any).document.querySelector('#category').value === 'KEBAKARAN_BANGUNAN');
    await ct.page.waitForFunction(() => (globalThis as any).document.querySelector('#kind').value === 'EMERGENCY');
    await ct.page.focus('#district');
    await ct.type('Ban');
    await ct.press('Tab');
    await ct.type('Kubu');
    await ct.page.focus('#attr-PEOPLE_TRAPPED');
    await ct.type('T'); // Tidak
    await ct.press('Enter', 'Control');
    await ct.waitForText('tersimpan', '[data-testid="saved"]');
    expect(await ct.text('[data-testid="saved"]')).toContain('Diteruskan'); // DISPATCHED
    await ct.step('emergency-dispatched');

    // An information request: kind first, then the answer given on the phone.
    await ct.page.focus('#phone');
    await ct.type('081377776666');
    await ct.page.select('#kind', 'INFORMATION');
    await ct.page.focus('#description');
    await ct.type('Jam buka kantor Disdukcapil hari Sabtu?');
    await ct.page.focus('#answer');
    await ct.type('Sabtu tutup; Senin sampai Jumat pukul 08.00 sampai 15.00 WITA.');
    await ct.press('Enter', 'Control');
    await ct.waitForText('Dijawab', '[data-testid="saved"]'); // ANSWERED
    await ct.step('information-answered');
    await ct.close();
  });
});
