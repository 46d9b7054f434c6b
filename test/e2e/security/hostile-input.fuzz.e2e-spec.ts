import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger as NestLogger } from '@nestjs/common';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { Logger as PinoLogger } from 'nestjs-pino';
import { ActorRole } from '../../../src/core/actor';
import { accessFor, isPublic } from '../../../src/core/identity/domain/permissions';
import { SlaSweeper } from '../../../src/core/sla/sweeper/sla-sweeper';
import { ManualClock } from '../../support/manual-clock';
import { authHeaderFor } from '../../support/test-auth';
import { GraphqlResponse, startTestApp, TestActor, TestApp } from '../../support/test-app';
import { Pools, Profile, START, ValueContext, valueArb, withOneHostileLeaf } from './fuzz-values';

// "INTERNAL means our bug": random schema-valid operations, built from
// schema.gql for every root Query and Mutation field, with hostile values
// (NUL, lone surrogates, 4,000-10,000 character strings, Int bounds, huge
// floats, dates from year 0 to +275760, non-UUID ids) mixed with real ones
// (the tickets, users, keys, policies and escalations made in beforeAll), sent
// as several roles. Every answer must be a typed one: HTTP < 500, an
// `extensions.code` on every error and never INTERNAL, no stack trace; the
// server still ready at the end. Seeded (SEED), a fixed number of runs
// (NUM_RUNS, about 35 per root field). FUZZ_SEED, FUZZ_RUNS and
// FUZZ_TIME_LIMIT_MS explore further; FUZZ_VERBOSE=1 prints the codes each
// root field got.
//
// A finding is reported once per distinct (operation, failure, server error),
// with the smallest operation that still shows it (a greedy shrink), its
// variables and a curl command; the exact request body is written to
// $TMPDIR/sigap-fuzz/ so long and control-character values survive.

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/** 58 root fields: about 35 cases each. The run takes 15 s on the idle 2-core machine, 30 s when it is loaded. */
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
/** A machine slower still stops the run here (the cases run so far still count; a line says so). */
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 40_000);
/** Selections stop here (root field = 1), below the depth and cost limits. */
const MAX_DEPTH = 3;

interface Role {
  readonly name: string;
  /** null: no credentials. */
  readonly actor: TestActor | null;
}

const ROLES: readonly Role[] = [
  { name: 'anonymous', actor: null },
  { name: 'CALL_TAKER', actor: { userId: 'fz-ct', role: 'CALL_TAKER' } },
  { name: 'SUPERVISOR', actor: { userId: 'fz-spv', role: 'SUPERVISOR' } },
  { name: 'OPD_OFFICER of BPBD', actor: { userId: 'fz-bpbd', role: 'OPD_OFFICER', opdCode: 'BPBD' } },
  { name: 'ADMIN', actor: { userId: 'fz-admin', role: 'ADMIN' } },
];
/** Prepare the data; never a fuzzed actor, so nothing the fuzz does changes them. */
const PREP = {
  callTaker: { userId: 'fz-prep-ct', role: 'CALL_TAKER' },
  supervisor: { userId: 'fz-prep-spv', role: 'SUPERVISOR' },
  admin: { userId: 'fz-prep-admin', role: 'ADMIN' },
} satisfies Record<string, TestActor>;

/**
 * No root field is skipped. `logout` is sent as a throwaway user of the chosen
 * role (a fresh session each time): sent as the fuzzed actor it would end the
 * session every later case runs with. `login`, `changeMyPassword`,
 * `setupFirstAdmin` and `refreshSession` are fuzzed as they are: no generated
 * username is a fuzzed actor's, so no lockout or password change can reach
 * the test's own credentials; admin mutations on users and keys get the ids of
 * targets made for them (fz-target-*), never the fuzzed actors'.
 */
const SENT_AS_THROWAWAY_USER = new Set(['Mutation.logout']);

// --------------------------------------------------------------- selections

function leafAndObjectFields(type: GraphQLObjectType): { leaves: string[]; objects: Array<GraphQLField<unknown, unknown>> } {
  const fields = Object.values(type.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined));
  return {
    leaves: ['__typename', ...fields.filter((f) => isLeafType(getNamedType(f.type))).map((f) => f.name)],
    objects: fields.filter((f) => !isLeafType(getNamedType(f.type))),
  };
}

/** `{ … }` for a composite type whose fields sit at `depth` (the root field is 1). */
function selectionArb(type: GraphQLOutputType, depth: number): fc.Arbitrary<string> {
  const named = getNamedType(type);
  if (isLeafType(named)) return fc.constant('');
  if (isUnionType(named)) {
    const members = named.getTypes().map((member) => selectionArb(member, depth).map((s) => `... on ${member.name} ${s}`));
    return fc.tuple(...members).map((fragments) => `{ __typename ${fragments.join(' ')} }`);
  }
  if (!isObjectType(named)) throw new Error(`no selection for ${String(type)}`);
  const { leaves, objects } = leafAndObjectFields(named);
  const children = depth < MAX_DEPTH ? objects : [];
  return fc
    .tuple(fc.subarray(leaves, { minLength: 1, maxLength: Math.min(4, leaves.length) }), fc.subarray(children, { maxLength: Math.min(2, children.length) }))
    .chain(([ls, os]) =>
      fc.tuple(...os.map((o) => selectionArb(o.type, depth + 1).map((s) => `${o.name} ${s}`))).map((subs) => `{ ${[...ls, ...subs].join(' ')} }`),
    );
}

// --------------------------------------------------------------- operations

interface FuzzCase {
  readonly field: string;
  readonly role: Role;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

function rootFieldArb(kind: 'Query' | 'Mutation', field: GraphQLField<unknown, unknown>, ctx: Omit<ValueContext, 'root' | 'profile'>): fc.Arbitrary<FuzzCase> {
  const name = `${kind}.${field.name}`;
  const args: readonly GraphQLArgument[] = field.args;
  const variablesOf = (profile: Profile): fc.Arbitrary<Record<string, unknown>> =>
    fc.record(
      Object.fromEntries(args.map((a) => [a.name, valueArb(a.type, a.name, { ...ctx, profile, root: field.name }, 0)])),
      { requiredKeys: args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => a.name) },
    );
  const ordinary = variablesOf('ordinary');
  const variables = fc.oneof(
    { weight: 2, arbitrary: variablesOf('hostile') },
    { weight: 1, arbitrary: ordinary },
    // Ordinary values with exactly one hostile leaf: it reaches whatever reads that field.
    { weight: 3, arbitrary: ordinary.chain((vars) => withOneHostileLeaf(vars, args)) },
  );
  const permitted = ROLES.filter((r) => (r.actor ? accessFor(name, r.actor.role as ActorRole) !== null : isPublic(name)));
  const role = permitted.length
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...permitted) }, { weight: 1, arbitrary: fc.constantFrom(...ROLES) })
    : fc.constantFrom(...ROLES);
  return fc.record({ role, variables, selection: selectionArb(field.type, 2) }).map(({ role, variables, selection }) => {
    const used = args.filter((a) => a.name in variables);
    const declared = used.length ? `(${used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';
    const passed = used.length ? `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
    const query = `${kind === 'Query' ? 'query' : 'mutation'} Fuzz${declared} { ${field.name}${passed} ${selection} }`;
    return { field: name, role, query, variables };
  });
}

function operationArb(schema: GraphQLSchema, ctx: Omit<ValueContext, 'root' | 'profile'>): fc.Arbitrary<FuzzCase> {
  const roots = (['Query', 'Mutation'] as const).flatMap((kind) => {
    const type = schema.getType(kind);
    if (!type || !isObjectType(type)) throw new Error(`schema.gql has no ${kind} type`);
    return Object.values(type.getFields()).map((field) => rootFieldArb(kind, field, ctx));
  });
  return fc.oneof(...roots);
}

// ------------------------------------------------------------------ verdict

interface Answer {
  status: number;
  text: string;
  codes: unknown[];
  /** What the server logged at error level while answering. */
  serverLog: string[];
}

/** Why `answer` is not a typed answer to a client's request, or null. */
function problemOf(answer: Answer): string | null {
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  if (/"stacktrace"|\bat [^\s"]+ \(|\bat [^\s"]*\.[jt]s:\d+/i.test(answer.text)) return 'a stack trace in the body';
  if (answer.codes.includes('INTERNAL')) return 'INTERNAL';
  if (answer.codes.some((c) => typeof c !== 'string')) return 'an error without extensions.code';
  return null;
}

/** The first line and our own frame of each logged error, numbers and ids blurred for grouping. */
function describeLogged(args: unknown[]): string {
  const err = args
    .map((a) => (a instanceof Error ? a : a && typeof a === 'object' && 'err' in a && a.err instanceof Error ? a.err : null))
    .find((e): e is Error => e !== null);
  if (!err) return args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ').slice(0, 300);
  const frame = (err.stack ?? '').split('\n').find((l) => /\/src\//.test(l) && !/node_modules/.test(l))?.trim() ?? '';
  // A driver error's message is the SQL, then " - " and what PostgreSQL said: keep what it said.
  const said = err.message.includes(' - ') && /^(select|insert|update|delete|with)\b/i.test(err.message) ? err.message.slice(err.message.lastIndexOf(' - ') + 3) : err.message;
  const message = said.length > 300 ? `${said.slice(0, 150)}…${said.slice(-150)}` : said;
  return `${err.name}: ${message}${frame ? ` (${frame.replace(/^at /, '').replace(/.*\/(src\/)/, '$1').replace(/\)$/, '')})` : ''}`;
}

const blur = (s: string): string =>
  s
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\d+/g, 'N')
    .replace(/:N:N\)?$/, '');

function signature(c: FuzzCase, problem: string, answer: Answer): string {
  return `${c.field} | ${problem} | ${answer.serverLog.map(blur)[0] ?? answer.codes.join(',')}`;
}

/** Strings over 80 characters as `"xxx…" (n chars)`, for reading; the body file has them whole. */
function readable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 20)}…(${v.length} chars of ${JSON.stringify(v.slice(0, 4))})` : v));
}

// -------------------------------------------------------------------- test

describe('hostile input never gets INTERNAL (seeded fuzz of every root field)', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  const pools: Pools = { ticketIds: [], ticketNumbers: [], staffIds: [], apiKeyIds: [], policyIds: [], escalationIds: [], calendarCodes: [], districtCodes: [], cursors: [] };
  const logged: unknown[][] = [];
  let throwaway = 0;

  async function prep<T = Record<string, any>>(query: string, variables: Record<string, unknown>, actor: TestActor): Promise<T> {
    const res: GraphqlResponse<T> = await t.gql<T>(query, variables, actor);
    if (res.body.errors?.length || !res.body.data) throw new Error(`preparing: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data;
  }

  beforeAll(async () => {
    schema = buildSchema(readFileSync(join(__dirname, '../../../schema.gql'), 'utf8'));
    t = await startTestApp(
      // One client calls public operations hundreds of times: lift the per-address budgets
      // (rate limiting has its own tests), and a scrypt cost fit for tests (login, password changes).
      { LOGIN_RATE_LIMIT_PER_MINUTE: '10000', PUBLIC_RATE_LIMIT_PER_MINUTE: '100000', AUTH_SCRYPT_LOG_N: '10' },
      new ManualClock(START),
    );
    const { callTaker, supervisor, admin } = PREP;
    const CREATE = `mutation($i: CreateTicketInput!) { createTicket(input: $i) { __typename ... on TicketCreated { ticket { id number version } } } }`;
    const report = (extra: Record<string, unknown>): Record<string, unknown> => ({ kind: 'COMPLAINT', channel: 'PHONE', description: 'Pohon tumbang menutup jalan', descriptionLanguage: 'id', ...extra });
    const create = async (extra: Record<string, unknown>): Promise<{ id: string; number: string; version: number }> => {
      const made = (await prep<{ createTicket: { __typename: string; ticket?: { id: string; number: string; version: number } } }>(CREATE, { i: report(extra) }, callTaker)).createTicket;
      if (!made.ticket) throw new Error(`preparing: createTicket answered ${JSON.stringify(made)}`);
      return made.ticket;
    };
    const COMMAND = (name: string, input: string): string => `mutation($i: ${input}!) { ${name}(input: $i) { __typename ... on TicketChanged { ticket { id version } } } }`;
    const command = async (name: string, input: string, variables: Record<string, unknown>): Promise<number> => {
      const result = (await prep<Record<string, { __typename: string; ticket?: { version: number } }>>(COMMAND(name, input), { i: variables }, supervisor))[name];
      if (!result.ticket) throw new Error(`preparing: ${name} answered ${JSON.stringify(result)}`);
      return result.ticket.version;
    };

    // Tickets: a new complaint, an anonymous one, one triaged to BPBD, one dispatched to BPBD (left to breach).
    const fresh = await create({});
    const anonymous = await create({ reporter: { anonymous: true, name: 'Budi', phone: '081234567890' } });
    const attributes = [{ code: 'ROAD_BLOCKED', values: ['FULLY'] }];
    const triaged = await create({ categoryCode: 'POHON_TUMBANG', attributes });
    await command('triageTicket', 'TriageTicketInput', { ticketId: triaged.id, expectedVersion: triaged.version, kind: 'COMPLAINT', categoryCode: 'POHON_TUMBANG', attributes });
    const dispatched = await create({ categoryCode: 'POHON_TUMBANG', attributes });
    const v = await command('triageTicket', 'TriageTicketInput', { ticketId: dispatched.id, expectedVersion: dispatched.version, kind: 'COMPLAINT', categoryCode: 'POHON_TUMBANG', attributes });
    await command('dispatchTicket', 'DispatchTicketInput', { ticketId: dispatched.id, expectedVersion: v });
    const tickets = [fresh, anonymous, triaged, dispatched];
    pools.ticketIds.push(...tickets.map((x) => x.id));
    pools.ticketNumbers.push(...tickets.map((x) => x.number));

    // Escalations: ten days later, one sweep.
    t.clock.advance(10 * 86_400_000);
    await t.app.get(SlaSweeper).sweepOnce(t.clock.now());
    pools.escalationIds.push(...(await prep<{ escalations: Array<{ id: string }> }>('{ escalations(filter: { first: 5 }) { id } }', {}, supervisor)).escalations.map((e) => e.id));

    // Admin objects the fuzz may change freely (never the fuzzed actors themselves).
    for (const username of ['fz-target-1', 'fz-target-2']) {
      const made = await prep<{ createStaffUser: { user: { id: string } } }>(
        'mutation($i: CreateStaffUserInput!) { createStaffUser(input: $i) { user { id } } }',
        { i: { username, displayName: 'Target', role: 'OPD_OFFICER', opdCode: 'BPBD' } },
        admin,
      );
      pools.staffIds.push(made.createStaffUser.user.id);
    }
    const key = await prep<{ createApiKey: { apiKey: { id: string } } }>(
      'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id } } }',
      { i: { name: 'fuzz target', opdCode: 'BPBD', permissions: ['Query.tickets'] } },
      admin,
    );
    pools.apiKeyIds.push(key.createApiKey.apiKey.id);
    const reference = await prep<{ slaPolicies: Array<{ id: string }>; calendars: Array<{ code: string }>; districts: Array<{ code: string }> }>(
      '{ slaPolicies { id } calendars { code } districts { code } }',
      {},
      admin,
    );
    pools.policyIds.push(...reference.slaPolicies.slice(0, 5).map((p) => p.id));
    pools.calendarCodes.push(...reference.calendars.map((c) => c.code));
    pools.districtCodes.push(...reference.districts.slice(0, 4).map((d) => d.code));
    const page = await prep<{ tickets: { pageInfo: { endCursor: string | null } } }>('{ tickets(first: 1) { pageInfo { endCursor } } }', {}, supervisor);
    const cursor = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    pools.cursors.push(
      ...(page.tickets.pageInfo.endCursor ? [page.tickets.pageInfo.endCursor] : []),
      cursor(['+275760-09-13T00:00:00.000Z', fresh.id]), cursor(['0000-01-01T00:00:00.000Z', fresh.id]), cursor([START, 'not-a-uuid']),
      cursor([1e308, null]), cursor([]), cursor({ a: 1 }), cursor('\u0000'), cursor([START, fresh.id, 'extra']), 'not base64!', '',
    );

    // What the server logs at error level: that is where an INTERNAL's cause is.
    jest.spyOn(PinoLogger.prototype, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    jest.spyOn(NestLogger.prototype, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
  }, 120_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  }, 60_000);

  async function send(c: FuzzCase): Promise<Answer> {
    logged.length = 0;
    const actor = c.role.actor && SENT_AS_THROWAWAY_USER.has(c.field) ? { ...c.role.actor, userId: `fz-throwaway-${++throwaway}` } : c.role.actor;
    let req = t.http().post('/graphql').set('content-type', 'application/json');
    // The header t.gql sends; the raw response is kept (its text is checked for stack traces).
    if (actor) req = req.set(...(await authHeaderFor(t.app, t.clock, actor)));
    const res = await req.send({ query: c.query, variables: c.variables });
    const errors = ((res.body as { errors?: unknown }).errors ?? []) as Array<{ extensions?: { code?: unknown } }>;
    return { status: res.status, text: res.text, codes: Array.isArray(errors) ? errors.map((e) => e?.extensions?.code) : [undefined], serverLog: [...new Set(logged.map(describeLogged))] };
  }

  /** A smaller case that fails the same way: drop optional parts, shorten strings, cut lists (bounded). */
  async function shrink(c: FuzzCase, first: Answer, sig: string, problem: string): Promise<{ c: FuzzCase; answer: Answer }> {
    let best = { c, answer: first };
    let budget = 40;
    const tryCase = async (variables: Record<string, unknown>): Promise<boolean> => {
      if (budget-- <= 0) return false;
      const candidate = { ...best.c, variables };
      const answer = await send(candidate);
      const p = problemOf(answer);
      if (p === problem && signature(candidate, p, answer) === sig) {
        best = { c: candidate, answer };
        return true;
      }
      return false;
    };
    const paths = (value: unknown, path: Array<string | number> = []): Array<Array<string | number>> =>
      value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [[...path, Array.isArray(value) ? Number(k) : k], ...paths(v, [...path, Array.isArray(value) ? Number(k) : k])]) : [];
    const edit = (root: Record<string, unknown>, path: Array<string | number>, change: (parent: any, key: string | number) => void): Record<string, unknown> => {
      const copy = structuredClone(root);
      const parent = path.slice(0, -1).reduce<any>((o, k) => o[k], copy);
      change(parent, path[path.length - 1]);
      return copy;
    };
    for (const path of paths(c.variables).sort((a, b) => a.length - b.length)) {
      if (budget <= 0) break;
      let value: unknown;
      try {
        value = path.reduce<any>((o, k) => o[k], best.c.variables);
      } catch {
        continue; // removed with its parent
      }
      if (value === undefined) continue;
      const vars = best.c.variables;
      if (typeof path[path.length - 1] === 'string' && (await tryCase(edit(vars, path, (p, k) => delete p[k])))) continue;
      if (Array.isArray(value) && value.length > 1 && (await tryCase(edit(vars, path, (p, k) => (p[k] = [value[0]]))))) continue;
      if (typeof value === 'string' && value.length > 64) await tryCase(edit(vars, path, (p, k) => (p[k] = value.slice(0, 32))));
    }
    return best;
  }

  function report(c: FuzzCase, problem: string, answer: Answer, count: number): string {
    const dir = join(tmpdir(), 'sigap-fuzz');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${c.field}-${Math.abs(hash(c.query + JSON.stringify(c.variables)))}.json`);
    writeFileSync(file, JSON.stringify({ query: c.query, variables: c.variables }));
    const auth = c.role.actor ? ` -H 'authorization: Bearer <token of a ${c.role.actor.role}${c.role.actor.opdCode ? ` of ${c.role.actor.opdCode}` : ''}>'` : '';
    return [
      `${c.field} as ${c.role.name}: ${problem} (HTTP ${answer.status}, codes ${JSON.stringify(answer.codes)}; ${count} of the runs)`,
      `  server logged: ${answer.serverLog.join(' | ') || '(nothing at error level)'}`,
      `  operation: ${c.query}`,
      `  variables: ${readable(c.variables)}`,
      `  reproduce: curl -s http://localhost:3000/graphql -H 'content-type: application/json'${auth} --data-binary @${file}`,
    ].join('\n');
  }

  it(`answers ${NUM_RUNS} random operations (seed ${SEED}) with typed codes only: HTTP < 500, never INTERNAL, no stack trace`, async () => {
    const found = new Map<string, { c: FuzzCase; problem: string; answer: Answer; count: number }>();
    const codes = new Map<string, number>();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(operationArb(schema, { pools, clock: t.clock }), async (c) => {
        runs++;
        const answer = await send(c);
        for (const code of answer.codes.length ? answer.codes : ['ok']) codes.set(`${c.field} ${String(code)}`, (codes.get(`${c.field} ${String(code)}`) ?? 0) + 1);
        const problem = problemOf(answer);
        if (process.env.FUZZ_VERBOSE && !problem && answer.serverLog.length) process.stdout.write(`logged at error without a problem: ${c.field} ${answer.serverLog.join(' | ')}\n`);
        if (!problem) return;
        const sig = signature(c, problem, answer);
        const seen = found.get(sig);
        if (seen) seen.count++;
        else found.set(sig, { c, problem, answer, count: 1 });
      }),
      // Every finding is collected (not only the first), so the property itself never fails; a thrown error (the
      // server gone, a broken generator) ends the run at once with its counterexample.
      { seed: SEED, numRuns: NUM_RUNS, endOnFailure: true, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );
    if (runs < NUM_RUNS) process.stdout.write(`hostile-input fuzz: stopped after ${runs} of ${NUM_RUNS} cases (${TIME_LIMIT_MS / 1000} s limit)\n`);
    if (process.env.FUZZ_VERBOSE) process.stdout.write(`${[...codes].sort().map(([k, n]) => `${k} ${n}`).join('\n')}\n`);

    const reports: string[] = [];
    for (const [sig, finding] of found) {
      // Mutations change what the next try meets: a shrink step counts only when it fails the same way.
      const { c: small, answer } = await shrink(finding.c, finding.answer, sig, finding.problem);
      reports.push(report(small, finding.problem, answer, finding.count));
    }
    if (reports.length) throw new Error(`${reports.length} kind(s) of client input answered as our bug:\n\n${reports.join('\n\n')}`);
  }, 180_000);

  it('is still ready afterwards, and an ordinary query answers', async () => {
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200);
    const districts = await t.gql<{ districts: Array<{ code: string }> }>('{ districts { code } }', {}, null);
    expect(districts.body.errors).toBeUndefined();
    expect(districts.body.data?.districts.length).toBeGreaterThan(0);
    const list = await t.gql<{ tickets: { totalCount: number } }>('{ tickets(first: 1) { totalCount } }', {}, PREP.supervisor);
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data?.tickets.totalCount).toBeGreaterThanOrEqual(4);
  });
});

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}
