import { SlaSweeper } from '../../../src/core/sla/sweeper/sla-sweeper';
import { startTestApp, TestApp } from '../../support/test-app';
import { authHeaderFor } from '../../support/test-auth';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { listenForSockets, subscribe, wsClient } from '../../support/ws-client';
import { ACTORS, CODES, HOUR, MINUTE, ref, TicketApi } from '../tickets/ticket-api';

interface Board {
  asOf: string;
  breached: number;
  entries: Array<{ number: string; metric: string; opdCode: string; remainingSeconds: number | null; breachedAt: string | null }>;
}

const BOARD = 'subscription { slaBoard { asOf breached entries { number metric opdCode remainingSeconds breachedAt } } }';

interface Escalation {
  number: string;
  metric: string;
  breached: boolean;
  kind: string;
}

// A house fire nobody reaches in time: the on-site clock breaches, and the
// command centre's screens and notifications are told without asking.
describe('an emergency breach reaches the supervisors without polling', () => {
  let t: TestApp;
  let api: TicketApi;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ DELIVERY_RELAY_ENABLED: 'true' });
    api = new TicketApi(t);
    url = await listenForSockets(t.app);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  it('pushes the breach on escalationRaised and onto the slaBoard, across a reconnect with a fresh token', async () => {
    const [, header] = await authHeaderFor(t.app, t.clock, ACTORS.supervisor);
    let fire = { id: '', number: '', version: 0 } as Awaited<ReturnType<TicketApi['createTicket']>>;
    let onSite: Board['entries'][number] | undefined;
    let cursor = '';
    let failure: unknown = null;
    let closedWith: number | null = null;
    const closed = new Promise<number>((resolve) => {
      const first = wsClient(url, { authorization: header }, (code) => resolve((closedWith = code)));
      const board = subscribe<Board>(first, BOARD);
      const events = subscribe<{ cursor: string; number: string; type: string }>(first, 'subscription { ticketEvents { cursor number type } }');
      void (async () => {
        expect((await board.nth(1)).entries).toEqual([]);
        fire = await api.createTicket({ kind: 'EMERGENCY', channel: 'PHONE', description: 'Rumah terbakar di Batur', descriptionLanguage: 'id' });
        fire = await api.change('triageTicket', {
          ...ref(fire), kind: 'EMERGENCY', categoryCode: CODES.fireCategory, opdCode: CODES.fireOpd, attributes: [{ code: 'PEOPLE_TRAPPED', values: ['NO'] }],
        });
        fire = await api.change('dispatchTicket', ref(fire), ACTORS.supervisor);
        const onBoard = await board.find((b) => b.entries.some((e) => e.number === fire.number && e.metric === 'ON_SITE'));
        onSite = onBoard.entries.find((e) => e.number === fire.number && e.metric === 'ON_SITE')!;
        cursor = (await events.find((e) => e.number === fire.number && e.type === 'DISPATCH')).cursor;
        // Past the on-site target, still nobody there. The access token of this socket has expired too.
        t.clock.advance(2 * HOUR + MINUTE);
      })().catch((error: unknown) => (failure = error));
    });

    // The socket is closed once its token is no longer valid (4403), not left open with stale rights.
    expect(await closed).toBe(4403);
    expect(failure).toBeNull();
    expect(closedWith).toBe(4403);
    expect(onSite).toMatchObject({ opdCode: CODES.fireOpd, breachedAt: null });
    expect(onSite!.remainingSeconds).toBeGreaterThan(0);
    expect(onSite!.remainingSeconds).toBeLessThanOrEqual(2 * 3600);

    // The screen logs in again and resumes from the last cursor it saw.
    const [, fresh] = await authHeaderFor(t.app, t.clock, ACTORS.supervisor);
    const second = wsClient(url, { authorization: fresh });
    try {
      const board = subscribe<Board>(second, BOARD);
      const notes = subscribe<{ topic: string; ticketNumber: string; severity: string }>(second, 'subscription { notificationAdded { topic ticketNumber severity } }');
      const breaches = subscribe<Escalation>(second, 'subscription E($after: String) { escalationRaised(after: $after, filter: { breachedOnly: true }) { number metric breached kind } }', { after: cursor });
      await board.nth(1);
      // Now the sweep records the breach: both screens are told, without asking.
      await t.app.get(SlaSweeper).sweepOnce(t.clock.now());
      expect(await breaches.find((e) => e.number === fire.number && e.metric === 'ON_SITE')).toEqual({ number: fire.number, metric: 'ON_SITE', breached: true, kind: 'EMERGENCY' });
      // And in the supervisor's own notifications, pushed as they are written.
      expect(await notes.find((n) => n.ticketNumber === fire.number && n.topic === 'sla.breached')).toEqual({ topic: 'sla.breached', ticketNumber: fire.number, severity: 'BREACH' });
      const listed = await t.gql<{ myNotifications: { nodes: Array<{ topic: string; ticketNumber: string }> } }>('{ myNotifications { nodes { topic ticketNumber } } }', {}, ACTORS.supervisor);
      expect(listed.body.data?.myNotifications.nodes).toContainEqual({ topic: 'sla.breached', ticketNumber: fire.number });
      notes.stop();
      const after = await board.find((b) => b.entries.some((e) => e.number === fire.number && e.metric === 'ON_SITE' && e.breachedAt !== null));
      const breached = after.entries.find((e) => e.number === fire.number && e.metric === 'ON_SITE')!;
      expect(breached.remainingSeconds).toBeLessThan(0);
      expect(after.breached).toBeGreaterThanOrEqual(1);
      board.stop();
      breaches.stop();
    } finally {
      await second.dispose();
    }
  }, 120_000);
});
