import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { ACTORS, expectGraphqlError, expectResult, MINUTE, ref, ReportInput, TicketApi } from './ticket-api';

// Most calls are questions answered on the spot. They must end ANSWERED
// without ever touching an OPD, and only information requests may end so.

const TOURIST_QUESTION: ReportInput = {
  kind: 'INFORMATION',
  channel: 'PHONE',
  description: 'Is the sunrise trek to Mount Batur open tomorrow, and do we need a local guide?',
  descriptionLanguage: 'en',
  reporter: { name: 'Emily Clarke', phone: '+61 412 345 678', language: 'en' },
  location: { district: 'KINTAMANI' },
};
const ANSWER = 'Yes, the trek is open. A licensed guide from the Batur guides association (PPPGB) is required.';

describe('information requests', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    t = await startTestApp();
    api = new TicketApi(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  it('records a question and its answer in one call: ANSWERED at version 2 with two events', async () => {
    const now = api.now();
    const created = expectResult(await api.recordInformationRequest({ ...TOURIST_QUESTION, answer: ANSWER }), 'TicketCreated');
    expect(created.created).toBe(true);
    const ticket = created.ticket;

    expect(ticket).toMatchObject({
      state: 'ANSWERED',
      version: 2,
      kind: 'INFORMATION',
      priority: 'NORMAL',
      fieldResponse: false,
      descriptionLanguage: 'en',
      // A foreign number keeps its own country code.
      reporter: { phone: '+61412345678', language: 'en' },
      outcomeNote: ANSWER,
      answeredAt: now,
      reportedAt: now,
      opdCode: null,
      dispatchedAt: null,
    });
    // Terminal: only notes are left.
    expect(ticket.allowedCommands).toEqual(['ADD_NOTE', 'ADD_ATTACHMENT']);
    expect(ticket.events).toEqual([
      expect.objectContaining({ seq: 1, type: 'CREATED', fromState: null, toState: 'NEW', actorId: ACTORS.callTaker.userId, occurredAt: now }),
      expect.objectContaining({ seq: 2, type: 'ANSWER', fromState: 'NEW', toState: 'ANSWERED', actorId: ACTORS.callTaker.userId, occurredAt: now, payload: { answer: ANSWER } }),
    ]);
    // What came back is what was stored.
    expect(await api.ticket(ticket.id)).toEqual(ticket);
  });

  it('answers an information ticket in two steps: create, then answerTicket', async () => {
    const created = await api.createTicket({ ...TOURIST_QUESTION, description: 'Where can I buy the entrance ticket for Penglipuran village?' });
    expect(created.state).toBe('NEW');
    // Answering is offered only because the ticket is an information request.
    expect(created.allowedCommands).toEqual(['TRIAGE', 'REJECT', 'MARK_DUPLICATE', 'HOLD', 'ANSWER', 'ADD_NOTE', 'ADD_ATTACHMENT']);

    const at = api.advance(4 * MINUTE);
    const answered = await api.change('answerTicket', { ...ref(created), answer: 'At the village gate, IDR 50,000 for adults.' }, ACTORS.supervisor);
    expect(answered).toMatchObject({
      state: 'ANSWERED',
      version: 2,
      answeredAt: at,
      updatedAt: at,
      outcomeNote: 'At the village gate, IDR 50,000 for adults.',
      allowedCommands: ['ADD_NOTE', 'ADD_ATTACHMENT'],
    });
    expect(answered.events.map((e) => [e.seq, e.type, e.actorId])).toEqual([
      [1, 'CREATED', ACTORS.callTaker.userId],
      [2, 'ANSWER', ACTORS.supervisor.userId],
    ]);
  });

  it('refuses to answer a complaint (GUARD_FAILED) and says what is possible instead', async () => {
    const complaint = await api.createTicket({
      kind: 'COMPLAINT',
      channel: 'WALK_IN',
      description: 'Lampu jalan di depan Pasar Kidul mati sejak seminggu',
      descriptionLanguage: 'id',
      location: { district: 'BANGLI' },
    });
    const refused = expectResult(await api.command('answerTicket', { ...ref(complaint), answer: 'Sudah kami catat' }), 'IllegalTransition');
    expect(refused).toMatchObject({ from: 'NEW', command: 'ANSWER', reason: 'GUARD_FAILED' });
    expect(refused.allowed).toEqual(['TRIAGE', 'REJECT', 'MARK_DUPLICATE', 'HOLD', 'ADD_NOTE', 'ADD_ATTACHMENT']);
    expect(refused.allowed).toEqual(complaint.allowedCommands);
    expect(refused.message).toMatch(/ANSWER/);

    const unchanged = await api.ticket(complaint.id);
    expect(unchanged).toMatchObject({ state: 'NEW', version: 1, answeredAt: null, outcomeNote: null });
  });

  it('refuses a one-call answer for a complaint with a typed result, and creates nothing', async () => {
    const before = (await api.list({})).totalCount;
    const res = await t.gql<{ result: { __typename: string; problems?: string[]; message?: string } }>(
      `mutation Record($input: RecordInformationRequestInput!) {
        result: recordInformationRequest(input: $input) {
          __typename ... on InvalidTicketInput { message problems } ... on IdempotencyKeyReused { message }
        }
      }`,
      { input: { ...TOURIST_QUESTION, kind: 'COMPLAINT', description: 'The toilet at the Batur viewpoint is broken', answer: 'We will tell the OPD' } },
    );
    // The transaction rolled back: no half-made ticket stays in NEW.
    expect((await api.list({})).totalCount).toBe(before);
    // The union has no IllegalTransition, so the refusal must be an
    // InvalidTicketInput naming the kind, not a masked INTERNAL error.
    expect(res.body.errors?.map((e) => e.extensions?.code)).toBeUndefined();
    expect(res.body.data?.result.__typename).toBe('InvalidTicketInput');
    expect(res.body.data?.result.problems?.join(' ')).toMatch(/kind|INFORMATION/);
  });

  it('rejects a one-call answer without an answer text with BAD_USER_INPUT', async () => {
    const res = await t.gql(
      `mutation Record($input: RecordInformationRequestInput!) { recordInformationRequest(input: $input) { __typename } }`,
      { input: { ...TOURIST_QUESTION, answer: '' } },
    );
    const error = expectGraphqlError(res, 'BAD_USER_INPUT');
    expect(error.message).toMatch(/answer/);
  });
});
