import { accessFor, GRANTED_ROLES, GrantedRole, isPublic, Operation, OPD_BOUND_ROLES } from '../../../src/core/identity/domain/permissions';
import { GraphqlResponse, TestActor } from '../../support/test-app';
import { expectGraphqlError } from '../tickets/ticket-api';
import { errorCodes, OWN_OPD, rawGql, World } from './matrix-world';

// The cases of the authorization matrix, generated from the permission
// table, and how one case is run and judged.

/** Whose data a case acts on: the actor's own OPD, another OPD, or data of no OPD. */
export type Target = 'own' | 'foreign' | 'none';
/**
 * allowed: past authorization (a result, or a typed business failure the fixture names);
 * hidden: an OWN_OPD actor on another OPD's data: nothing visible, nothing changed;
 * forbidden / unauthenticated: refused by the guard.
 */
export type Outcome = 'allowed' | 'hidden' | 'forbidden' | 'unauthenticated';

export interface Prepared {
  query: string;
  variables?: Record<string, unknown>;
  /** Same role, other credentials (e.g. an account of its own for logout). */
  actor?: TestActor;
  /** Exactly this credential header instead of the actor's (e.g. a real login for changeMyPassword). */
  header?: [string, string];
  /** Error codes that are business answers past authorization. */
  okCodes?: string[];
  /** What a permitted caller must get. */
  allowed?(data: any, res: GraphqlResponse<any>): void | Promise<void>;
  /** For OWN_OPD actors on foreign data: nothing of it in the answer (and follow-up probes). */
  hidden?(res: GraphqlResponse<any>, actor: TestActor): void | Promise<void>;
  /** After any case: e.g. the target ticket unchanged unless the case was allowed. */
  after?(outcome: Outcome): void | Promise<void>;
}

export interface CaseContext {
  role: GrantedRole | null;
  target: Target;
  outcome: Outcome;
}

export interface Fixture {
  op: Operation;
  /** Acts on one OPD's data: run against own and foreign targets. */
  scoped: boolean;
  prepare(w: World, c: CaseContext): Promise<Prepared>;
}

export interface Case extends CaseContext {
  op: Operation;
}

/** The actor the matrix uses for a role: OPD-bound roles belong to the own OPD; OPD_SYSTEM is an API key with every API-key operation. */
export function actorFor(role: GrantedRole): TestActor {
  return { userId: `mx-${role.toLowerCase().replace(/_/g, '-')}`, role, ...(OPD_BOUND_ROLES.has(role) && { opdCode: OWN_OPD }) };
}

/** What the permission table says should happen. */
export function expectedOutcome(op: Operation, role: GrantedRole | null, target: Target): Outcome {
  if (isPublic(op)) return 'allowed';
  if (role === null) return 'unauthenticated';
  const access = accessFor(op, role);
  if (!access) return 'forbidden';
  if (access === 'ALL' || target !== 'foreign') return 'allowed';
  return 'hidden';
}

/** Every role (and the anonymous caller) × every target of the fixture. */
export function casesFor(fixture: Fixture): Case[] {
  const targets: Target[] = fixture.scoped ? ['own', 'foreign'] : ['none'];
  const callers: Array<GrantedRole | null> = [...GRANTED_ROLES, null];
  return callers.flatMap((role) =>
    // Without credentials the target does not matter: one case.
    (role === null ? targets.slice(0, 1) : targets).map((target) => ({ op: fixture.op, role, target, outcome: expectedOutcome(fixture.op, role, target) })),
  );
}

export function caseLabel(c: Case): string {
  const access = c.role ? accessFor(c.op, c.role) ?? 'none' : isPublic(c.op) ? 'public' : 'no credentials';
  return `${c.role ?? 'ANONYMOUS'} × ${c.target} [${access}] → ${c.outcome}`;
}

/** The business part of an allowed answer: no refusal, and only the errors the fixture names. */
export function expectPastAuthorization(res: GraphqlResponse<unknown>, okCodes: string[] = []): void {
  const codes = errorCodes(res);
  expect(codes).not.toContain('FORBIDDEN');
  expect(codes).not.toContain('UNAUTHENTICATED');
  for (const code of codes) expect(okCodes).toContain(code);
}

/** Sends the prepared request as the case's caller (or with the given header) and judges the answer. */
export async function runCase(w: World, fixture: Fixture, c: CaseContext, override?: { header: [string, string] }): Promise<void> {
  const p = await fixture.prepare(w, c);
  const actor = c.role === null ? null : p.actor ?? actorFor(c.role);
  let res: GraphqlResponse<any>;
  if (override) res = await rawGql(w.t, p.query, p.variables, override.header);
  else if (c.role !== null && p.header) res = await rawGql(w.t, p.query, p.variables, p.header);
  else res = await w.t.gql(p.query, p.variables, actor);
  try {
    switch (c.outcome) {
      case 'forbidden':
        expectGraphqlError(res, 'FORBIDDEN');
        break;
      case 'unauthenticated':
        expectGraphqlError(res, 'UNAUTHENTICATED');
        break;
      case 'allowed':
        expectPastAuthorization(res, p.okCodes);
        await p.allowed?.(res.body.data, res);
        break;
      case 'hidden':
        if (!p.hidden) throw new Error(`${fixture.op}: an OWN_OPD role on foreign data needs a hidden check`);
        await p.hidden(res, actor!);
        break;
    }
    await p.after?.(c.outcome);
  } catch (error) {
    if (error instanceof Error) error.message += `\n\n${fixture.op} as ${c.role ?? 'ANONYMOUS'} on ${c.target}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 2000)}`;
    throw error;
  }
}
