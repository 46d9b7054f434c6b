import { randomInt } from 'node:crypto';
import type { Operation } from '../../../src/core/identity/domain/permissions';
import type { CaseContext, Fixture, Prepared } from './matrix-cases';
import { actorFor } from './matrix-cases';
import { CATEGORY, data, PREP, World } from './matrix-world';

// Fixtures of the live-call operations: the caller lookup, prank flags and
// duplicate candidates. None acts on one OPD's data (the call centre's).

type Prepare = (w: World, c: CaseContext) => Promise<Prepared>;
const fixture = (op: Operation, prepare: Prepare): Fixture => ({ op, scoped: false, prepare });

/** A mobile number no other case uses, as E.164. */
const freshPhone = (): string => `+62812${String(randomInt(10_000_000, 99_999_999))}`;

const HISTORY = `query H($phone: String!) { callerHistory(phone: $phone) { phone ticketCount flag { active } history { ... on CallerTicket { id } } } }`;
const FLAG = `mutation F($input: CallerFlagInput!) { flagCaller(input: $input) { phone active } }`;
const UNFLAG = `mutation U($input: UnflagCallerInput!) { unflagCaller(input: $input) { phone active } }`;
const LOG = `query L($filter: ReporterAccessFilterInput) { reporterAccessLog(filter: $filter) { reporterPhone operation } }`;
const CANDIDATES = `query D($draft: DuplicateDraftInput!) { duplicateCandidates(draft: $draft) { candidates { id } } }`;

async function flagOf(w: World, phone: string): Promise<boolean> {
  return data(await w.t.gql<any>(HISTORY, { phone }, PREP.supervisor)).callerHistory.flag?.active ?? false;
}

export const LOOKUP_FIXTURES: Fixture[] = [
  fixture('Query.callerHistory', async (w, c) => {
    const phone = freshPhone();
    const ticket = await w.tickets.make('own', 'NEW', { reporter: { phone } });
    return {
      query: HISTORY,
      variables: { phone },
      allowed: (d) => expect(d.callerHistory).toMatchObject({ phone, ticketCount: 1, history: [{ id: ticket.id }] }),
      async after(outcome) {
        // A lookup is logged exactly when it was answered.
        if (!c.role) return;
        const log = data(await w.t.gql<any>(LOG, { filter: { actorId: actorFor(c.role).userId, first: 500 } }, PREP.auditor)).reporterAccessLog;
        const rows = log.filter((r: any) => r.reporterPhone === phone && r.operation === 'Query.callerHistory');
        expect(rows).toHaveLength(outcome === 'allowed' ? 2 : 0);
      },
    };
  }),
  fixture('Mutation.flagCaller', async (w) => {
    const phone = freshPhone();
    return {
      query: FLAG,
      variables: { input: { phone, reason: 'Laporan palsu berulang' } },
      allowed: (d) => expect(d.flagCaller).toEqual({ phone, active: true }),
      async after(outcome) {
        expect(await flagOf(w, phone)).toBe(outcome === 'allowed');
      },
    };
  }),
  fixture('Mutation.unflagCaller', async (w) => {
    const phone = freshPhone();
    data(await w.t.gql(FLAG, { input: { phone, reason: 'Laporan palsu berulang' } }, PREP.supervisor));
    return {
      query: UNFLAG,
      variables: { input: { phone, reason: 'Salah orang' } },
      allowed: (d) => expect(d.unflagCaller).toEqual({ phone, active: false }),
      async after(outcome) {
        expect(await flagOf(w, phone)).toBe(outcome !== 'allowed');
      },
    };
  }),
  fixture('Query.duplicateCandidates', async (w) => {
    // A place of its own in Bangli, so the answer is exactly this ticket.
    const place = { latitude: -8.3 - randomInt(0, 1_000_000) / 10_000_000, longitude: 115.3 + randomInt(0, 1_000_000) / 10_000_000 };
    const created = await w.api.createTicket({
      kind: 'COMPLAINT', channel: 'PHONE', descriptionLanguage: 'id', description: 'Jalan berlubang dalam', categoryCode: CATEGORY.own,
      location: { district: 'BANGLI', ...place },
    }, PREP.callTaker);
    return {
      query: CANDIDATES,
      variables: { draft: { categoryCode: CATEGORY.own, ...place } },
      allowed: (d) => expect(d.duplicateCandidates.candidates.map((x: { id: string }) => x.id)).toContain(created.id),
    };
  }),
];
