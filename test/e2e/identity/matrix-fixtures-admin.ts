import { OPD_BOUND_ROLES, Operation } from '../../../src/core/identity/domain/permissions';
import type { TestActor } from '../../support/test-app';
import type { CaseContext, Fixture, Prepared } from './matrix-cases';
import { data, errorCodes, OWN_OPD, PREP, rawGql, uniqueWord, World } from './matrix-world';

// Fixtures of the operations without OPD data: the public ones, the session,
// the catalog and SLA configuration, staff accounts, API keys, the privacy log.

type Prepare = (w: World, c: CaseContext) => Promise<Partial<Prepared>> | Partial<Prepared>;

/** An operation with one target: `prepare` gives at least the query. */
function fixture(op: Operation, prepare: Prepare): Fixture {
  return {
    op,
    scoped: false,
    async prepare(w, c) {
      const p = await prepare(w, c);
      if (!p.query) throw new Error(`${op}: no query`);
      return p as Prepared;
    },
  };
}

const adminData = async <T = Record<string, any>>(w: World, query: string, variables?: Record<string, unknown>): Promise<T> => data(await w.t.gql<T>(query, variables, PREP.admin));

async function login(w: World, username: string, password: string): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await rawGql(w.t, `mutation L($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`, { input: { username, password } }, null);
  return data(res).login;
}

const CATEGORY_RESULT = `__typename ... on CategoryChanged { category { code version active nameId } } ... on CategoryVersionConflict { currentVersion }
  ... on InvalidCategoryChange { problems } ... on CategoryNotFound { code }`;

async function category(w: World, code: string): Promise<{ code: string; version: number; active: boolean; nameId: string }> {
  const all = (await adminData(w, `{ categories(includeInactive: true) { code version active nameId } }`)).categories as Array<{ code: string; version: number; active: boolean; nameId: string }>;
  return all.find((c) => c.code === code)!;
}

/** Deactivates or activates a category as a real admin would, before a case needs it one way. */
async function setActive(w: World, code: string, active: boolean): Promise<void> {
  const now = await category(w, code);
  if (now.active === active) return;
  const op = active ? 'activateCategory' : 'deactivateCategory';
  const res = await adminData(w, `mutation T($input: CategoryRefInput!) { r: ${op}(input: $input) { __typename } }`, { input: { code, expectedVersion: now.version } });
  expect(res.r.__typename).toBe('CategoryChanged');
}

function categoryToggle(op: 'deactivateCategory' | 'activateCategory', active: boolean): Fixture {
  return fixture(`Mutation.${op}`, async (w, c) => {
    const code = w.categories.toggle;
    if (c.outcome === 'allowed') await setActive(w, code, !active);
    const before = await category(w, code);
    return {
      query: `mutation T($input: CategoryRefInput!) { result: ${op}(input: $input) { ${CATEGORY_RESULT} } }`,
      variables: { input: { code, expectedVersion: before.version } },
      allowed: (d) => expect(d.result).toMatchObject({ __typename: 'CategoryChanged', category: { code, active } }),
      after: async (outcome) => { if (outcome !== 'allowed') expect(await category(w, code)).toEqual(before); },
    };
  });
}

async function calendarVersion(w: World): Promise<number> {
  return ((await adminData(w, '{ calendars { code version } }')).calendars as Array<{ code: string; version: number }>).find((c) => c.code === w.calendar)!.version;
}

async function policyVersion(w: World, id: string): Promise<number> {
  return ((await adminData(w, '{ slaPolicies { id version } }')).slaPolicies as Array<{ id: string; version: number }>).find((p) => p.id === id)!.version;
}

let holidayDay = 0;
/** A date no other case has used, in the calendar's future. */
const nextHoliday = (): string => new Date(Date.UTC(2027, 5, 1) + holidayDay++ * 86_400_000).toISOString().slice(0, 10);
const CALENDAR = 'code version holidays { date name active } hours { effectiveFrom }';
const POLICY_METRICS = [{ metric: 'RESOLVE', calendar: '24x7', targetMinutes: 8000 }];
const NEW_PASSWORD = 'Kopi Kintamani pagi 2026!';

export const ADMIN_FIXTURES: Fixture[] = [
  // Public: reference data, a status by number, the login.
  fixture('Query.districts', () => ({ query: '{ districts { code } }', allowed: (d) => expect(d.districts.length).toBeGreaterThan(0) })),
  fixture('Query.opds', () => ({ query: '{ opds { code } }', allowed: (d) => expect(d.opds.map((o: { code: string }) => o.code)).toContain(OWN_OPD) })),
  fixture('Query.opd', () => ({ query: 'query O($code: String!) { opd(code: $code) { code } }', variables: { code: OWN_OPD }, allowed: (d) => expect(d.opd).toEqual({ code: OWN_OPD }) })),
  fixture('Query.categories', () => ({ query: '{ categories { code } }', allowed: (d) => expect(d.categories.map((c: { code: string }) => c.code)).toContain('JALAN_RUSAK') })),
  fixture('Query.categorySuggestions', () => ({
    query: '{ categorySuggestions(text: "jalan berlubang di depan pasar") { score category { code } } }',
    allowed: (d) => expect(d.categorySuggestions[0].category.code).toBe('JALAN_RUSAK'),
  })),
  fixture('Query.rollout', () => ({ query: '{ rollout { deadline opdsLive } }', allowed: (d) => expect(d.rollout.deadline).toEqual(expect.any(String)) })),
  fixture('Query.ticketStatus', async (w) => {
    const ticket = await w.tickets.sharedTicket('own', 'DISPATCHED');
    return {
      query: 'query S($number: String!) { ticketStatus(number: $number) { number state opdCode } }',
      variables: { number: ticket.number },
      allowed: (d) => expect(d.ticketStatus).toEqual({ number: ticket.number, state: 'DISPATCHED', opdCode: OWN_OPD }),
    };
  }),
  fixture('Mutation.login', (w) => ({
    query: 'mutation L($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { username } } }',
    variables: { input: w.login },
    allowed: (d) => expect(d.login).toMatchObject({ accessToken: expect.any(String), user: { username: w.login.username } }),
  })),
  fixture('Mutation.refreshSession', async (w) => ({
    query: 'mutation R($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken } }',
    variables: { token: (await login(w, w.login.username, w.login.password)).refreshToken },
    allowed: (d) => expect(d.refreshSession.accessToken).toEqual(expect.any(String)),
  })),
  fixture('Mutation.setupFirstAdmin', () => ({
    query: 'mutation S($input: SetupFirstAdminInput!) { setupFirstAdmin(input: $input) { id } }',
    variables: { input: { secret: 'not-the-one-time-secret', username: 'mx-second-admin', displayName: 'Second', password: NEW_PASSWORD } },
    // Past authorization, the service answers: an admin exists, setup is closed.
    okCodes: ['SETUP_CLOSED'],
    allowed: (_d, res) => expect(errorCodes(res)).toEqual(['SETUP_CLOSED']),
  })),

  // The session.
  fixture('Query.me', (_w, c) => ({
    query: '{ me { id role opdCode kind operations } }',
    allowed: (d) => {
      expect(d.me).toMatchObject({ role: c.role, kind: c.role === 'OPD_SYSTEM' ? 'API_KEY' : 'USER', opdCode: OPD_BOUND_ROLES.has(c.role!) ? OWN_OPD : null });
      expect(d.me.operations).toContain('Query.me');
    },
  })),
  fixture('Mutation.logout', (w, c) => {
    // An account of its own: the matrix's actor must stay logged in.
    const actor: TestActor | undefined = c.role ? { userId: `mx-logout-${c.role.toLowerCase()}`, role: c.role, ...(OPD_BOUND_ROLES.has(c.role) && { opdCode: OWN_OPD }) } : undefined;
    return {
      query: 'mutation { logout }',
      actor,
      allowed: async (d) => {
        expect(d.logout).toBe(true);
        expect(errorCodes(await w.t.gql('{ me { id } }', {}, actor))).toEqual(['UNAUTHENTICATED']);
      },
    };
  }),
  fixture('Mutation.changeMyPassword', async (w, c) => {
    const query = 'mutation P($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) }';
    if (c.outcome !== 'allowed') return { query, variables: { input: { currentPassword: 'whatever-it-is', newPassword: NEW_PASSWORD } } };
    // Test accounts have no password: a real account with the role logs in and changes it.
    const username = `mx-pw-${uniqueWord('')}`;
    const created = (await adminData(w, `mutation U($input: CreateStaffUserInput!) { createStaffUser(input: $input) { temporaryPassword } }`, {
      input: { username, displayName: 'Password', role: c.role, languages: ['id'], ...(OPD_BOUND_ROLES.has(c.role!) && { opdCode: OWN_OPD }) },
    })).createStaffUser;
    const { accessToken } = await login(w, username, created.temporaryPassword);
    return {
      query,
      variables: { input: { currentPassword: created.temporaryPassword, newPassword: NEW_PASSWORD } },
      header: ['authorization', `Bearer ${accessToken}`],
      allowed: async (d) => {
        expect(d.changeMyPassword).toBe(true);
        await login(w, username, NEW_PASSWORD);
      },
    };
  }),

  // The OPD catalog and SLA configuration.
  fixture('Query.categoryHistory', () => ({
    query: '{ categoryHistory(code: "JALAN_RUSAK") { version change } }', allowed: (d) => expect(d.categoryHistory.length).toBeGreaterThan(0),
  })),
  fixture('Query.slaPolicies', (w) => ({
    query: '{ slaPolicies { id } }', allowed: (d) => expect(d.slaPolicies.map((p: { id: string }) => p.id)).toContain(w.policies.change),
  })),
  fixture('Query.calendars', (w) => ({
    query: '{ calendars { code } }', allowed: (d) => expect(d.calendars.map((c: { code: string }) => c.code)).toContain(w.calendar),
  })),
  fixture('Mutation.renameCategory', async (w) => {
    const code = w.categories.rename;
    const before = await category(w, code);
    const nameId = `Nama ${uniqueWord()}`;
    return {
      query: `mutation R($input: RenameCategoryInput!) { result: renameCategory(input: $input) { ${CATEGORY_RESULT} } }`,
      variables: { input: { code, expectedVersion: before.version, nameId } },
      allowed: (d) => expect(d.result).toMatchObject({ __typename: 'CategoryChanged', category: { code, nameId } }),
      after: async (outcome) => { if (outcome !== 'allowed') expect(await category(w, code)).toEqual(before); },
    };
  }),
  categoryToggle('deactivateCategory', false),
  categoryToggle('activateCategory', true),
  fixture('Mutation.createSlaPolicy', (w) => ({
    query: 'mutation P($input: CreateSlaPolicyInput!) { createSlaPolicy(input: $input) { id source version } }',
    variables: { input: { name: `mx ${uniqueWord()}`, opdCode: w.thirdOpd, kind: 'EMERGENCY', priority: 'LOW', metrics: POLICY_METRICS } },
    allowed: (d) => expect(d.createSlaPolicy).toMatchObject({ source: 'ADMIN', version: 1 }),
  })),
  fixture('Mutation.changeSlaPolicy', async (w) => {
    const version = await policyVersion(w, w.policies.change);
    return {
      query: 'mutation P($input: ChangeSlaPolicyInput!) { changeSlaPolicy(input: $input) { id version } }',
      variables: { input: { id: w.policies.change, expectedVersion: version, metrics: POLICY_METRICS } },
      allowed: (d) => expect(d.changeSlaPolicy).toEqual({ id: w.policies.change, version: version + 1 }),
      after: async (outcome) => { if (outcome !== 'allowed') expect(await policyVersion(w, w.policies.change)).toBe(version); },
    };
  }),
  fixture('Mutation.deactivateSlaPolicy', async (w) => ({
    query: 'mutation P($input: DeactivateSlaPolicyInput!) { deactivateSlaPolicy(input: $input) { id version } }',
    variables: { input: { id: w.policies.deactivate, expectedVersion: await policyVersion(w, w.policies.deactivate) } },
    allowed: (d) => expect(d.deactivateSlaPolicy.id).toBe(w.policies.deactivate),
  })),
  fixture('Mutation.reevaluateSla', (w) => ({
    query: 'mutation R($input: ReevaluateSlaInput!) { reevaluateSla(input: $input) { tickets pinnedAt } }',
    variables: { input: { ticketIds: [w.reevaluateTicketId], reason: 'Matrix re-evaluation' } },
    allowed: (d) => expect(d.reevaluateSla.tickets).toBe(1),
  })),
  fixture('Mutation.createCalendar', () => {
    const code = `MX-${uniqueWord('').toUpperCase()}`;
    return {
      query: `mutation C($input: CreateCalendarInput!) { createCalendar(input: $input) { ${CALENDAR} } }`,
      variables: { input: { code, name: 'Kalender uji', alwaysOpen: true, nationalHolidays: false } },
      allowed: (d) => expect(d.createCalendar.code).toBe(code),
    };
  }),
  fixture('Mutation.setCalendarHours', async (w) => ({
    query: `mutation S($input: SetCalendarHoursInput!) { setCalendarHours(input: $input) { ${CALENDAR} } }`,
    variables: { input: { code: w.calendar, expectedVersion: await calendarVersion(w), hours: { effectiveFrom: '2027-02-01', weekly: [{ weekday: 2, open: '08:00', close: '15:00' }] } } },
    allowed: (d) => expect(d.setCalendarHours.hours.map((h: { effectiveFrom: string }) => h.effectiveFrom)).toContain('2027-02-01'),
  })),
  fixture('Mutation.addHoliday', (w) => {
    const date = nextHoliday();
    return {
      query: `mutation H($input: HolidayInput!) { addHoliday(input: $input) { ${CALENDAR} } }`,
      variables: { input: { code: w.calendar, date, name: 'Libur uji' } },
      allowed: (d) => expect(d.addHoliday.holidays).toContainEqual({ date, name: 'Libur uji', active: true }),
    };
  }),
  fixture('Mutation.removeHoliday', async (w, c) => {
    const date = nextHoliday();
    if (c.outcome === 'allowed') await adminData(w, `mutation H($input: HolidayInput!) { addHoliday(input: $input) { code } }`, { input: { code: w.calendar, date, name: 'Libur uji' } });
    return {
      query: `mutation H($input: HolidayInput!) { removeHoliday(input: $input) { ${CALENDAR} } }`,
      variables: { input: { code: w.calendar, date } },
      allowed: (d) => expect(d.removeHoliday.holidays).toContainEqual(expect.objectContaining({ date, active: false })),
    };
  }),

  // Staff, API keys, the privacy log.
  fixture('Query.staffUsers', (w) => ({
    query: '{ staffUsers { id username role } }', allowed: (d) => expect(d.staffUsers.map((u: { id: string }) => u.id)).toContain(w.staffTargetId),
  })),
  fixture('Mutation.createStaffUser', () => {
    const username = `mx-new-${uniqueWord('')}`;
    return {
      query: 'mutation U($input: CreateStaffUserInput!) { createStaffUser(input: $input) { temporaryPassword user { username role opdCode } } }',
      variables: { input: { username, displayName: 'Unit baru', role: 'FIELD_UNIT', opdCode: OWN_OPD } },
      allowed: (d) => expect(d.createStaffUser).toMatchObject({ temporaryPassword: expect.any(String), user: { username, role: 'FIELD_UNIT', opdCode: OWN_OPD } }),
    };
  }),
  fixture('Mutation.updateStaffUser', async (w) => {
    const users = (await adminData(w, '{ staffUsers { id version displayName } }')).staffUsers as Array<{ id: string; version: number; displayName: string }>;
    const before = users.find((u) => u.id === w.staffTargetId)!;
    const displayName = `Target ${uniqueWord('')}`;
    return {
      query: 'mutation U($input: UpdateStaffUserInput!) { updateStaffUser(input: $input) { id displayName version } }',
      variables: { input: { id: before.id, expectedVersion: before.version, displayName } },
      allowed: (d) => expect(d.updateStaffUser).toMatchObject({ id: before.id, displayName }),
    };
  }),
  fixture('Mutation.resetStaffPassword', (w) => ({
    query: 'mutation R($id: ID!) { resetStaffPassword(id: $id) { temporaryPassword user { id } } }',
    variables: { id: w.staffTargetId },
    allowed: (d) => expect(d.resetStaffPassword).toMatchObject({ temporaryPassword: expect.any(String), user: { id: w.staffTargetId } }),
  })),
  fixture('Query.apiKeys', (w) => ({
    query: '{ apiKeys { id prefix permissions revokedAt } }', allowed: (d) => expect(d.apiKeys.map((k: { id: string }) => k.id)).toContain(w.spareApiKeyId),
  })),
  fixture('Mutation.createApiKey', () => ({
    query: 'mutation K($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { opdCode permissions } } }',
    variables: { input: { name: `mx ${uniqueWord()}`, opdCode: OWN_OPD, permissions: ['Query.tickets'] } },
    allowed: (d) => expect(d.createApiKey).toMatchObject({ secret: expect.stringMatching(/^sgp_/), apiKey: { opdCode: OWN_OPD, permissions: ['Query.tickets'] } }),
  })),
  fixture('Mutation.revokeApiKey', async (w, c) => {
    const id = c.outcome === 'allowed'
      ? (await adminData(w, 'mutation K($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }', {
        input: { name: `mx ${uniqueWord()}`, opdCode: OWN_OPD, permissions: ['Query.tickets'] },
      })).createApiKey.apiKey.id
      : w.spareApiKeyId;
    const revokedAt = async (): Promise<string | null> => ((await adminData(w, '{ apiKeys { id revokedAt } }')).apiKeys as Array<{ id: string; revokedAt: string | null }>).find((k) => k.id === id)!.revokedAt;
    return {
      query: 'mutation R($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }',
      variables: { id },
      allowed: (d) => expect(d.revokeApiKey).toEqual({ id, revokedAt: expect.any(String) }),
      after: async (outcome) => { if (outcome !== 'allowed') expect(await revokedAt()).toBeNull(); },
    };
  }),
  fixture('Query.reporterAccessLog', () => ({
    query: '{ reporterAccessLog(filter: { first: 5 }) { ticketId actorId operation } }', allowed: (d) => expect(Array.isArray(d.reporterAccessLog)).toBe(true),
  })),
];
