import { BOOT_TIMEOUT_MS } from '../support/timeouts';
import { startBrowserApp, type BrowserApp } from './support/browser-app';

const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { __typename ... on TicketCreated { ticket { id number version } } ... on InvalidTicketInput { problems } } }`;
const ROAD = {
  channel: 'PHONE', kind: 'COMPLAINT', description: 'Jembatan retak di Banjar Kayuambua, pagar jembatan patah', descriptionLanguage: 'id',
  categoryCode: 'JEMBATAN_RUSAK', attributes: [{ code: 'STILL_PASSABLE', values: ['LIGHT_ONLY'] }],
  location: { district: 'KINTAMANI', village: 'Kayuambua', address: 'Jembatan Tukad Melangit' },
};

describe('console: ticket detail, duplicates and conflicts', () => {
  let site: BrowserApp;
  beforeAll(async () => {
    site = await startBrowserApp('ticket-detail');
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => site?.close(), BOOT_TIMEOUT_MS);

  const createTicket = async (): Promise<{ id: string; number: string }> => {
    const res = await site.app.gql<any>(CREATE, { input: ROAD });
    const ticket = res.body.data?.createTicket?.ticket;
    if (!ticket) throw new Error(JSON.stringify(res.body));
    return ticket;
  };

  it('catches a duplicate while the call taker types, and one click records the call onto it', async () => {
    const existing = await createTicket();
    const ct = await site.openSession('duplicate');
    await ct.signIn(await site.createUser('CALL_TAKER'));
    await ct.page.waitForSelector('#phone');
    await ct.type('081300001111');
    await ct.page.focus('#description');
    await ct.type('Jembatan retak di Kayuambua');
    await ct.page.focus('#district');
    await ct.type('Kin');
    await ct.press('Tab');
    await ct.type('Kayuambua');
    await ct.waitForText(`#${existing.number}`, '[data-testid="duplicates"]');
    await ct.step('duplicate-candidate');
    await ct.click(`::-p-aria(Sama dengan #${existing.number})`);
    await ct.waitForText('Duplikat', '[data-testid="saved"]');
    await ct.step('recorded-as-duplicate');
    const survivor = await site.app.gql<any>(`query($id: ID!) { ticket(id: $id) { events { type } } }`, { id: existing.id });
    expect(survivor.body.data.ticket.events.map((e: { type: string }) => e.type)).toContain('DUPLICATE_MERGED');
    await ct.close();
  });

  it('shows the history and live SLA clocks, and answers a version conflict between two browsers with what changed', async () => {
    const ticket = await createTicket();
    const ayu = await site.openSession('ayu');
    const made = await site.openSession('made');
    await ayu.signIn(await site.createUser('CALL_TAKER', { username: 'ayu' }));
    await made.signIn(await site.createUser('SUPERVISOR', { username: 'made' }));
    for (const s of [ayu, made]) {
      await s.goto(`/tickets/${ticket.id}`);
      await s.waitForText(ticket.number, 'h1');
    }
    // The triage clock runs and counts down in the browser.
    await ayu.page.waitForSelector('[data-testid="countdown-TRIAGE"]');
    const first = await ayu.text('[data-testid="countdown-TRIAGE"]');
    await ayu.page.waitForFunction(
      (before: string) => (globalThis as any).document.querySelector('[data-testid="countdown-TRIAGE"]').innerText !== before,
      {},
      first,
    );
    await ayu.step('ticket-detail');

    // Ayu adds a note; Made, still looking at the old version, adds his: a conflict, said in words.
    await ayu.page.focus('#note-text');
    await ayu.type('Penelepon akan mengirim foto');
    await ayu.click('.note-form button[type="submit"]');
    await ayu.waitForText('Penelepon akan mengirim foto', '[data-testid="timeline"]');

    // Made's screen hears of it at once over the WebSocket (graphql-ws, under the console's CSP)...
    await made.waitForText('baru saja diubah orang lain', '[data-testid="changed-elsewhere"]');
    // ...but he sends on the version he saw, as someone would who had not looked up.
    await made.page.focus('#note-text');
    await made.type('Sudah dicek petugas PUPR');
    await made.click('.note-form button[type="submit"]');
    await made.waitForText('sudah diubah orang lain', '[data-testid="conflict"]');
    expect(await made.text('[data-testid="conflict"]')).toContain('Penelepon akan mengirim foto');
    expect(await made.page.$eval('#note-text', (el: any) => el.value)).toBe('Sudah dicek petugas PUPR');
    await made.step('version-conflict');

    // Sent again on the reloaded version, it goes through.
    await made.click('.note-form button[type="submit"]');
    await made.waitForText('Sudah dicek petugas PUPR', '[data-testid="timeline"]');
    await made.step('after-conflict');
    const res = await site.app.gql<any>(`query($id: ID!) { ticket(id: $id) { events { type payload } } }`, { id: ticket.id });
    const notes = res.body.data.ticket.events.filter((e: any) => e.type === 'ADD_NOTE').map((e: any) => e.payload.text);
    expect(notes).toEqual(['Penelepon akan mengirim foto', 'Sudah dicek petugas PUPR']);
    await ayu.close();
    await made.close();
  });
});
