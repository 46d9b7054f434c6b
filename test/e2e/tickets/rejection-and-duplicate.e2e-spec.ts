import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import {
  ACTORS,
  CODES,
  COMMAND_MUTATIONS,
  CommandInputs,
  CommandMutation,
  expectResult,
  MINUTE,
  ref,
  ReportInput,
  TicketApi,
  TicketView,
} from './ticket-api';

// Rejected and duplicate tickets are dead ends: the trail must say why, and
// a merge must move the earliest report time to the survivor, since SLA
// clocks start when the first citizen called.

const LANDSLIDE: ReportInput = {
  kind: 'EMERGENCY',
  channel: 'PHONE',
  description: 'Tanah longsor menutup jalan Kintamani - Songan dekat tikungan Toya Bungkah',
  descriptionLanguage: 'id',
  location: { district: 'KINTAMANI', village: 'Songan' },
};

/** A valid input for every command, so that only the lifecycle can refuse it. */
function validInput(mutation: CommandMutation, ticket: TicketView, otherId: string): CommandInputs[CommandMutation] {
  const r = ref(ticket);
  const inputs: { [M in CommandMutation]: CommandInputs[M] } = {
    triageTicket: { ...r, kind: 'COMPLAINT', categoryCode: CODES.roadCategory, opdCode: CODES.roadsOpd },
    dispatchTicket: { ...r },
    acknowledgeTicket: { ...r },
    departTicket: { ...r },
    arriveOnSite: { ...r },
    resolveTicket: { ...r, note: 'selesai' },
    closeTicket: { ...r },
    reopenTicket: { ...r, reason: 'masih rusak' },
    rejectTicket: { ...r, reason: 'lagi' },
    markDuplicate: { ...r, duplicateOfId: otherId },
    returnTicket: { ...r, reason: 'bukan urusan kami' },
    holdTicket: { ...r, reason: 'menunggu foto' },
    resumeTicket: { ...r },
    answerTicket: { ...r, answer: 'jawaban' },
    addNote: { ...r, text: 'pelapor menelepon lagi, marah' },
    reassignTicket: { ...r, assignedUnit: 'Regu 2' },
  };
  return inputs[mutation];
}

describe('rejection and duplicates', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    t = await startTestApp();
    api = new TicketApi(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  describe('a rejected ticket', () => {
    let rejected: TicketView;
    let other: TicketView;

    beforeAll(async () => {
      other = await api.createTicket({ ...LANDSLIDE, kind: 'COMPLAINT', description: 'Jalan berlubang di Desa Kayubihi' });
      const prank = await api.createTicket({ kind: 'COMPLAINT', channel: 'PHONE', description: 'Ada naga di Danau Batur', descriptionLanguage: 'id' });
      api.advance(3 * MINUTE);
      rejected = await api.change('rejectTicket', { ...ref(prank), reason: 'Panggilan iseng (prank call)' }, ACTORS.supervisor);
    });

    it('is REJECTED with its reason kept and the time stamped', () => {
      expect(rejected).toMatchObject({
        state: 'REJECTED',
        version: 2,
        outcomeNote: 'Panggilan iseng (prank call)',
        rejectedAt: api.now(),
        allowedCommands: ['ADD_NOTE', 'ADD_ATTACHMENT'],
      });
      expect(rejected.events[1]).toMatchObject({ type: 'REJECT', fromState: 'NEW', toState: 'REJECTED', actorId: ACTORS.supervisor.userId, payload: { reason: 'Panggilan iseng (prank call)' } });
    });

    it.each(COMMAND_MUTATIONS.filter((m) => m !== 'addNote'))('refuses %s with NOT_ALLOWED and leaves the ticket as it was', async (mutation) => {
      // The supervisor may run every ticket command: only the lifecycle can refuse here.
      const result = await api.command(mutation, validInput(mutation, rejected, other.id), ACTORS.supervisor);
      const refused = expectResult(result, 'IllegalTransition');
      expect(refused).toMatchObject({ from: 'REJECTED', reason: 'NOT_ALLOWED', allowed: ['ADD_NOTE', 'ADD_ATTACHMENT'] });
      expect((await api.ticket(rejected.id))?.version).toBe(rejected.version);
    });

    it('still takes notes, which keep it REJECTED', async () => {
      api.advance(MINUTE);
      const noted = await api.change('addNote', validInput('addNote', rejected, other.id) as CommandInputs['addNote']);
      expect(noted).toMatchObject({ state: 'REJECTED', version: rejected.version + 1, outcomeNote: 'Panggilan iseng (prank call)' });
      expect(noted.events[noted.events.length - 1]).toMatchObject({ type: 'ADD_NOTE', fromState: 'REJECTED', toState: 'REJECTED' });
      rejected = noted;
    });
  });

  describe('a duplicate report of the same landslide', () => {
    // 02:00Z is 10:00 in Bali (WITA, UTC+8): the manual clock's start.
    const TEN = '2026-11-28T02:00:00.000Z';
    const NINE_FORTY = '2026-11-28T01:40:00.000Z';
    let a: TicketView;
    let b: TicketView;

    beforeAll(async () => {
      t.clock.set(TEN);
      a = await api.createTicket({ ...LANDSLIDE, reportedAt: TEN });
      api.advance(15 * MINUTE);
      // A second caller is entered later, but had called earlier (09:40).
      b = await api.createTicket({ ...LANDSLIDE, description: 'Longsor di jalan ke Songan, ada motor tertimbun', reportedAt: NINE_FORTY }, ACTORS.supervisor);
      api.advance(2 * MINUTE);
    });

    it('merges B into A: B is DUPLICATE of A, A keeps the earlier report time and records the merge', async () => {
      const at = api.now();
      const merged = await api.change('markDuplicate', { ...ref(b), duplicateOfId: a.id });
      expect(merged).toMatchObject({ id: b.id, state: 'DUPLICATE', duplicateOfId: a.id, updatedAt: at, allowedCommands: ['ADD_NOTE', 'ADD_ATTACHMENT'] });
      expect(merged.events[merged.events.length - 1]).toMatchObject({ type: 'MARK_DUPLICATE', fromState: 'NEW', toState: 'DUPLICATE', payload: { duplicateOfId: a.id } });

      const survivor = await api.ticket(a.id);
      expect(survivor).toMatchObject({ state: 'NEW', reportedAt: NINE_FORTY, version: a.version + 1, updatedAt: at, duplicateOfId: null });
      expect(survivor?.events.map((e) => e.type)).toEqual(['CREATED', 'DUPLICATE_MERGED']);
      expect(survivor?.events[1]).toMatchObject({
        seq: 2,
        fromState: 'NEW',
        toState: 'NEW',
        actorId: ACTORS.callTaker.userId,
        occurredAt: at,
        payload: { duplicateId: b.id, duplicateNumber: b.number, reportedAtBefore: TEN },
      });
    });

    it('moves the duplicate one version on, with a gapless history (seq = version)', async () => {
      const merged = await api.ticket(b.id);
      // One command, one version, one event: a client holding version 1 must
      // be able to tell that exactly one thing happened since.
      expect(merged?.version).toBe(b.version + 1);
      expect(merged?.events.map((e) => [e.seq, e.type])).toEqual([
        [1, 'CREATED'],
        [2, 'MARK_DUPLICATE'],
      ]);
    });

    it('leaves the survivor report time alone when the duplicate was reported later', async () => {
      api.advance(5 * MINUTE);
      const later = await api.createTicket({ ...LANDSLIDE, description: 'Longsor Songan, jalan tertutup total', reportedAt: api.now() });
      const before = await api.ticket(a.id);
      api.advance(MINUTE);
      await api.change('markDuplicate', { ...ref(later), duplicateOfId: a.id });
      const survivor = await api.ticket(a.id);
      expect(survivor).toMatchObject({ reportedAt: NINE_FORTY, version: (before?.version ?? 0) + 1, updatedAt: api.now() });
      expect(survivor?.events[survivor.events.length - 1]?.payload).toEqual({ duplicateId: later.id, duplicateNumber: later.number });
    });

    it('refuses to merge into a REJECTED ticket with InvalidTicketInput, changing neither ticket', async () => {
      const prank = await api.createTicket({ ...LANDSLIDE, description: 'Longsor (tes)' });
      const dead = await api.change('rejectTicket', { ...ref(prank), reason: 'Laporan tes' });
      const report = await api.createTicket({ ...LANDSLIDE, description: 'Longsor kecil di Songan' });

      const result = await api.command('markDuplicate', { ...ref(report), duplicateOfId: dead.id });
      const invalid = expectResult(result, 'InvalidTicketInput');
      expect(invalid.problems).toEqual([expect.stringMatching(new RegExp(`${dead.number}.*REJECTED`))]);
      expect(await api.ticket(report.id)).toMatchObject({ state: 'NEW', version: 1, duplicateOfId: null });
      expect(await api.ticket(dead.id)).toMatchObject({ state: 'REJECTED', version: dead.version });
    });

    it('refuses to merge into a DUPLICATE, into itself, or into no ticket', async () => {
      const report = await api.createTicket({ ...LANDSLIDE, description: 'Longsor lagi di Songan' });
      const intoDuplicate = await api.command('markDuplicate', { ...ref(report), duplicateOfId: b.id });
      expect(expectResult(intoDuplicate, 'InvalidTicketInput').problems[0]).toMatch(/DUPLICATE/);
      const intoItself = await api.command('markDuplicate', { ...ref(report), duplicateOfId: report.id });
      expect(expectResult(intoItself, 'InvalidTicketInput').problems).toEqual(['a ticket cannot be a duplicate of itself']);
      const missing = randomUUID();
      const intoNothing = await api.command('markDuplicate', { ...ref(report), duplicateOfId: missing });
      expect(expectResult(intoNothing, 'InvalidTicketInput').problems[0]).toContain(missing);
      expect((await api.ticket(report.id))?.version).toBe(1);
    });
  });
});
