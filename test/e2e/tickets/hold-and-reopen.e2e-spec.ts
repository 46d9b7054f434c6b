import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { ACTORS, CODES, DAY, expectResult, HOUR, MINUTE, ref, ReportInput, TicketApi, TicketView } from './ticket-api';

// Holding remembers where the ticket was, so RESUME goes back there; a
// resolved ticket may be reopened by the citizen for 14 days (the default
// REOPEN_WINDOW_DAYS), counted from the resolution and inclusive at its end.

const BROKEN_BRIDGE: ReportInput = {
  kind: 'COMPLAINT',
  channel: 'WEB',
  description: 'Jembatan kecil di Banjar Pule retak, pegangan tangan hilang',
  descriptionLanguage: 'id',
  location: { district: 'TEMBUKU', village: 'Jehem' },
};
const WINDOW = 14 * DAY;

describe('hold and resume', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    t = await startTestApp();
    api = new TicketApi(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  async function triaged(): Promise<TicketView> {
    const created = await api.createTicket(BROKEN_BRIDGE);
    api.advance(MINUTE);
    return api.change('triageTicket', { ...ref(created), kind: 'COMPLAINT', categoryCode: CODES.roadCategory, opdCode: CODES.roadsOpd });
  }

  it('holds a triaged ticket, takes notes while held, and resumes it to TRIAGED', async () => {
    let ticket = await triaged();
    api.advance(MINUTE);
    ticket = await api.change('holdTicket', { ...ref(ticket), reason: 'Menunggu foto dari pelapor' });
    expect(ticket).toMatchObject({ state: 'ON_HOLD', heldFrom: 'TRIAGED', version: 3 });
    expect(ticket.allowedCommands).toEqual(['REJECT', 'MARK_DUPLICATE', 'RESUME', 'ADD_NOTE', 'ADD_ATTACHMENT']);

    const dispatch = expectResult(await api.command('dispatchTicket', ref(ticket)), 'IllegalTransition');
    expect(dispatch).toMatchObject({ from: 'ON_HOLD', reason: 'NOT_ALLOWED', allowed: ticket.allowedCommands });

    api.advance(HOUR);
    ticket = await api.change('addNote', { ...ref(ticket), text: 'Pelapor berjanji kirim foto sore ini' });
    // A note must not make the ticket forget where it was held from.
    expect(ticket).toMatchObject({ state: 'ON_HOLD', heldFrom: 'TRIAGED', version: 4 });

    api.advance(3 * HOUR);
    ticket = await api.change('resumeTicket', { ...ref(ticket), note: 'Foto diterima' });
    expect(ticket).toMatchObject({ state: 'TRIAGED', heldFrom: null, version: 5, updatedAt: api.now() });
    expect(ticket.allowedCommands).toEqual(['TRIAGE', 'DISPATCH', 'REJECT', 'MARK_DUPLICATE', 'HOLD', 'ADD_NOTE', 'ADD_ATTACHMENT']);
    expect(ticket.events.slice(2).map((e) => [e.type, e.fromState, e.toState])).toEqual([
      ['HOLD', 'TRIAGED', 'ON_HOLD'],
      ['ADD_NOTE', 'ON_HOLD', 'ON_HOLD'],
      ['RESUME', 'ON_HOLD', 'TRIAGED'],
    ]);
  });

  it('resumes a ticket held after dispatch back to DISPATCHED', async () => {
    let ticket = await triaged();
    api.advance(MINUTE);
    ticket = await api.change('dispatchTicket', ref(ticket));
    api.advance(MINUTE);
    ticket = await api.change('holdTicket', { ...ref(ticket), reason: 'Menunggu izin desa adat' }, ACTORS.roadsOfficer);
    expect(ticket).toMatchObject({ state: 'ON_HOLD', heldFrom: 'DISPATCHED' });
    api.advance(DAY);
    ticket = await api.change('resumeTicket', ref(ticket), ACTORS.roadsOfficer);
    expect(ticket).toMatchObject({ state: 'DISPATCHED', heldFrom: null });
  });

  it('needs a reason to hold (MISSING_INPUT for a blank one) and cannot hold twice', async () => {
    const ticket = await triaged();
    const blank = expectResult(await api.command('holdTicket', { ...ref(ticket), reason: '  ' }), 'IllegalTransition');
    expect(blank).toMatchObject({ from: 'TRIAGED', command: 'HOLD', reason: 'MISSING_INPUT' });
    api.advance(MINUTE);
    const held = await api.change('holdTicket', { ...ref(ticket), reason: 'Menunggu foto' });
    const again = expectResult(await api.command('holdTicket', { ...ref(held), reason: 'lagi' }), 'IllegalTransition');
    expect(again).toMatchObject({ from: 'ON_HOLD', command: 'HOLD', reason: 'NOT_ALLOWED' });
  });
});

describe('reopening within the window', () => {
  let t: TestApp;
  let api: TicketApi;
  let ticket: TicketView;
  beforeAll(async () => {
    t = await startTestApp();
    api = new TicketApi(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  /** Triaged, dispatched and acknowledged by the roads office, then resolved from the desk. */
  async function resolveFrom(start: TicketView): Promise<TicketView> {
    let current = start;
    if (current.state === 'NEW') {
      api.advance(MINUTE);
      current = await api.change('triageTicket', { ...ref(current), kind: 'COMPLAINT', categoryCode: CODES.roadCategory, opdCode: CODES.roadsOpd, fieldResponse: false });
      api.advance(MINUTE);
      current = await api.change('dispatchTicket', ref(current));
    }
    api.advance(HOUR);
    current = await api.change('acknowledgeTicket', ref(current), ACTORS.roadsOfficer);
    api.advance(2 * DAY);
    return api.change('resolveTicket', { ...ref(current), note: 'Pegangan jembatan dipasang kembali' }, ACTORS.roadsOfficer);
  }

  it('reopens a resolved ticket three days later: back to DISPATCHED, a new round of milestones', async () => {
    ticket = await resolveFrom(await api.createTicket(BROKEN_BRIDGE));
    const firstDispatch = ticket.dispatchedAt;
    expect(ticket).toMatchObject({ state: 'RESOLVED', resolvedAt: api.now() });

    const at = api.advance(3 * DAY);
    ticket = await api.change('reopenTicket', { ...ref(ticket), reason: 'Pegangan sudah lepas lagi' });
    expect(ticket).toMatchObject({
      state: 'DISPATCHED',
      reopenCount: 1,
      dispatchedAt: at,
      acknowledgedAt: null,
      resolvedAt: null,
      outcomeNote: null,
    });
    expect(ticket.dispatchedAt).not.toBe(firstDispatch);
    expect(ticket.allowedCommands).toEqual(['ACKNOWLEDGE', 'MARK_DUPLICATE', 'RETURN', 'HOLD', 'ADD_NOTE', 'ADD_ATTACHMENT', 'REASSIGN']);
  });

  it('keeps a closed ticket reopenable up to exactly 14 days after its resolution', async () => {
    ticket = await resolveFrom(ticket);
    const resolvedAt = Date.parse(ticket.resolvedAt ?? '');
    api.advance(DAY);
    ticket = await api.change('closeTicket', ref(ticket));
    expect(ticket.allowedCommands).toEqual(['REOPEN', 'ADD_NOTE', 'ADD_ATTACHMENT']);

    // The window is counted from the resolution, not from the close.
    t.clock.set(new Date(resolvedAt + WINDOW));
    expect((await api.ticket(ticket.id))?.allowedCommands).toEqual(['REOPEN', 'ADD_NOTE', 'ADD_ATTACHMENT']);
  });

  it('refuses to reopen one millisecond after the window (GUARD_FAILED), leaving it CLOSED', async () => {
    api.advance(1);
    const stored = await api.ticket(ticket.id);
    expect(stored?.allowedCommands).toEqual(['ADD_NOTE', 'ADD_ATTACHMENT']);

    const late = expectResult(await api.command('reopenTicket', { ...ref(ticket), reason: 'Rusak lagi' }), 'IllegalTransition');
    expect(late).toMatchObject({ from: 'CLOSED', command: 'REOPEN', reason: 'GUARD_FAILED', allowed: ['ADD_NOTE', 'ADD_ATTACHMENT'] });
    expect(late.message).toMatch(/withinReopenWindow/);
    expect(await api.ticket(ticket.id)).toMatchObject({ state: 'CLOSED', version: ticket.version, reopenCount: 1 });
  });

  it('refuses a RESOLVED ticket too once 14 days have passed', async () => {
    let other = await resolveFrom(await api.createTicket({ ...BROKEN_BRIDGE, description: 'Jembatan di Desa Jehem berlubang' }));
    api.advance(WINDOW + MINUTE);
    other = (await api.ticket(other.id)) ?? other;
    expect(other.allowedCommands).toEqual(['CLOSE', 'ADD_NOTE', 'ADD_ATTACHMENT']);
    const late = expectResult(await api.command('reopenTicket', { ...ref(other), reason: 'Masih berlubang' }), 'IllegalTransition');
    expect(late).toMatchObject({ from: 'RESOLVED', reason: 'GUARD_FAILED' });
  });
});
