import { Logger } from '@nestjs/common';
import { ManualClock } from '../../support/manual-clock';
import { GraphqlResponse, startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { expectGraphqlError, MINUTE } from '../tickets/ticket-api';

const LOGIN = `mutation L($input: LoginInput!) { login(input: $input) { accessToken refreshToken accessTokenExpiresAt user { username role } } }`;
const REFRESH = `mutation R($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const LOGOUT = `mutation { logout }`;
const ME = `{ me { id role opdCode kind operations } }`;
const CREATE_USER = `mutation C($input: CreateStaffUserInput!) { createStaffUser(input: $input) { temporaryPassword user { id username role opdCode languages version } } }`;
const UPDATE_USER = `mutation U($input: UpdateStaffUserInput!) { updateStaffUser(input: $input) { id role opdCode active version } }`;
const CHANGE_PASSWORD = `mutation P($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) }`;
const SETUP = `mutation S($input: SetupFirstAdminInput!) { setupFirstAdmin(input: $input) { username role } }`;

const ADMIN_PASSWORD = 'kopi-kintamani-2026!';

interface Tokens { accessToken: string; refreshToken: string }

/** POST /graphql with raw credentials, as a real client sends them. */
async function call<T>(t: TestApp, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphqlResponse<T>> {
  const res = await t.http().post('/graphql').set('content-type', 'application/json').set(headers).send({ query, variables });
  return { status: res.status, body: res.body };
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
function data<T>(res: GraphqlResponse<T>): T {
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors, null, 2));
  return res.body.data as T;
}

describe('logging in, tokens and sessions', () => {
  let t: TestApp;
  const login = async (username: string, password: string) => call<{ login: Tokens & { user: { role: string } } }>(t, LOGIN, { input: { username, password } });

  beforeAll(async () => {
    t = await startTestApp(
      { BOOTSTRAP_ADMIN_USERNAME: 'putu', BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD, AUTH_SCRYPT_LOG_N: '12', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' },
      new ManualClock('2026-11-28T02:00:00Z'),
    );
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close(), BOOT_TIMEOUT_MS);

  it('the first admin comes from configuration; nobody else exists', async () => {
    const { login: tokens } = data(await login('putu', ADMIN_PASSWORD));
    expect(tokens.user.role).toBe('ADMIN');
    const me = data(await call<{ me: { id: string; role: string; kind: string; operations: string[] } }>(t, ME, {}, bearer(tokens.accessToken))).me;
    expect(me).toMatchObject({ id: 'putu', role: 'ADMIN', kind: 'USER' });
    expect(me.operations).toContain('Mutation.createStaffUser');
    expect(me.operations).not.toContain('Mutation.createTicket');
    expectGraphqlError(await call(t, SETUP, { input: { secret: 'x'.repeat(32), username: 'eve', displayName: 'Eve', password: 'a-long-pass-phrase-1' } }), 'SETUP_CLOSED');
  });

  it('a wrong password and an unknown user answer alike; repeated failures lock the account, for a while', async () => {
    expectGraphqlError(await login('putu', 'wrong-password-123'), 'INVALID_CREDENTIALS');
    expectGraphqlError(await login('nobody', 'wrong-password-123'), 'INVALID_CREDENTIALS');
    for (let i = 0; i < 4; i++) expectGraphqlError(await login('putu', 'wrong-password-123'), 'INVALID_CREDENTIALS');
    const locked = expectGraphqlError(await login('putu', ADMIN_PASSWORD), 'LOGIN_LOCKED');
    expect(locked.extensions?.retryAfterSeconds).toBe(60);
    t.clock.advance(61_000);
    data(await login('putu', ADMIN_PASSWORD));
  });

  it('an access token expires; the refresh token rotates, and a spent one ends the session', async () => {
    const first = data(await login('putu', ADMIN_PASSWORD)).login;
    t.clock.advance(16 * MINUTE);
    const expired = expectGraphqlError(await call(t, ME, {}, bearer(first.accessToken)), 'UNAUTHENTICATED');
    expect(expired.extensions?.reason).toBe('EXPIRED');
    const second = data(await call<{ refreshSession: Tokens }>(t, REFRESH, { t: first.refreshToken })).refreshSession;
    data(await call(t, ME, {}, bearer(second.accessToken)));
    // The first refresh token again: only a copy could do that. Both holders are out.
    expectGraphqlError(await call(t, REFRESH, { t: first.refreshToken }), 'INVALID_REFRESH_TOKEN');
    expect(expectGraphqlError(await call(t, ME, {}, bearer(second.accessToken)), 'UNAUTHENTICATED').extensions?.reason).toBe('REVOKED');
    expectGraphqlError(await call(t, REFRESH, { t: second.refreshToken }), 'INVALID_REFRESH_TOKEN');
  });

  it('logout ends the session at once', async () => {
    const tokens = data(await login('putu', ADMIN_PASSWORD)).login;
    expect(data(await call<{ logout: boolean }>(t, LOGOUT, {}, bearer(tokens.accessToken))).logout).toBe(true);
    expect(expectGraphqlError(await call(t, ME, {}, bearer(tokens.accessToken)), 'UNAUTHENTICATED').extensions?.reason).toBe('REVOKED');
    expectGraphqlError(await call(t, REFRESH, { t: tokens.refreshToken }), 'INVALID_REFRESH_TOKEN');
  });

  it('forged, tampered and malformed credentials are refused with a reason', async () => {
    const { accessToken } = data(await login('putu', ADMIN_PASSWORD)).login;
    const [body] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forgedBody = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86_400 })).toString('base64url');
    const cases: Array<[Record<string, string>, string]> = [
      [bearer(`${forgedBody}.${accessToken.split('.')[1]}`), 'INVALID'],
      [bearer(`${body}.AAAA`), 'INVALID'],
      [bearer('not-a-token'), 'INVALID'],
      [{ authorization: 'Basic cHV0dTpwdw==' }, 'MALFORMED'],
      [{ authorization: 'Bearer' }, 'MALFORMED'],
      [{ 'x-api-key': 'sgp_guessing_nothing' }, 'MALFORMED'],
    ];
    for (const [headers, reason] of cases) {
      expect({ headers, reason: expectGraphqlError(await call(t, ME, {}, headers), 'UNAUTHENTICATED').extensions?.reason }).toEqual({ headers, reason });
    }
    data(await call(t, ME, {}, bearer(accessToken)));
  });

  it('admins create staff with a one-time password; a role change or deactivation ends their sessions', async () => {
    const admin = bearer(data(await login('putu', ADMIN_PASSWORD)).login.accessToken);
    // The schema marks languages optional, so leaving it out is no mistake: a call taker speaks Indonesian.
    const noLanguages = await call<{ createStaffUser: { user: { languages: string[] } } }>(t, CREATE_USER, { input: { username: 'wayan', displayName: 'Wayan', role: 'CALL_TAKER' } }, admin);
    expect(data(noLanguages).createStaffUser.user.languages).toEqual(['id']);
    const emptyLanguages = await call(t, CREATE_USER, { input: { username: 'nyoman', displayName: 'Nyoman', role: 'CALL_TAKER', languages: [] } }, admin);
    expect(expectGraphqlError(emptyLanguages, 'BAD_USER_INPUT').message).toMatch(/languages/);
    const noOpd = await call(t, CREATE_USER, { input: { username: 'made', displayName: 'Made', role: 'OPD_OFFICER' } }, admin);
    expect(expectGraphqlError(noOpd, 'BAD_USER_INPUT').message).toMatch(/belongs to an OPD/);
    expectGraphqlError(await call(t, CREATE_USER, { input: { username: 'sys', displayName: 'S', role: 'OPD_SYSTEM', opdCode: 'BPBD' } }, admin), 'BAD_USER_INPUT');

    const created = data(await call<{ createStaffUser: { temporaryPassword: string; user: { id: string; version: number } } }>(
      t, CREATE_USER, { input: { username: 'Ayu', displayName: 'Ayu Lestari', role: 'CALL_TAKER', languages: ['id', 'en', 'ja'] } }, admin,
    )).createStaffUser;
    expectGraphqlError(await call(t, CREATE_USER, { input: { username: 'ayu', displayName: 'Ayu 2', role: 'CALL_TAKER', languages: ['id'] } }, admin), 'USERNAME_TAKEN');
    const ayu = data(await login('ayu', created.temporaryPassword)).login;
    expect(ayu.user.role).toBe('CALL_TAKER');
    const weak = await call(t, CHANGE_PASSWORD, { input: { currentPassword: created.temporaryPassword, newPassword: 'short' } }, bearer(ayu.accessToken));
    expectGraphqlError(weak, 'BAD_USER_INPUT');
    data(await call(t, CHANGE_PASSWORD, { input: { currentPassword: created.temporaryPassword, newPassword: 'penelokan-sunrise-77' } }, bearer(ayu.accessToken)));
    const again = data(await login('ayu', 'penelokan-sunrise-77')).login;

    // Changing the password was a change too: the version the admin saw at creation is stale.
    expectGraphqlError(await call(t, UPDATE_USER, { input: { id: created.user.id, expectedVersion: created.user.version, role: 'SUPERVISOR' } }, admin), 'VERSION_CONFLICT');
    const moved = data(await call<{ updateStaffUser: { version: number } }>(t, UPDATE_USER, {
      input: { id: created.user.id, expectedVersion: created.user.version + 1, role: 'SUPERVISOR' },
    }, admin)).updateStaffUser;
    expect(expectGraphqlError(await call(t, ME, {}, bearer(again.accessToken)), 'UNAUTHENTICATED').extensions?.reason).toBe('REVOKED');
    data(await call(t, UPDATE_USER, { input: { id: created.user.id, expectedVersion: moved.version, active: false } }, admin));
    expectGraphqlError(await login('ayu', 'penelokan-sunrise-77'), 'INVALID_CREDENTIALS');
  });

  it('a role may not use what the table does not grant it', async () => {
    const admin = bearer(data(await login('putu', ADMIN_PASSWORD)).login.accessToken);
    const refused = expectGraphqlError(await call(t, `query { tickets(first: 1) { totalCount } }`, {}, admin), 'FORBIDDEN');
    expect(refused.message).toMatch(/ADMIN may not use Query.tickets/);
    expectGraphqlError(await call(t, `query { tickets(first: 1) { totalCount } }`), 'UNAUTHENTICATED');
  });
});

describe('the first admin without configuration: a one-time setup secret', () => {
  let t: TestApp;
  let secret: string;

  beforeAll(async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    t = await startTestApp({ AUTH_SCRYPT_LOG_N: '12' });
    const printed = warn.mock.calls.map(([message]) => String(message)).find((m) => m.includes('setupFirstAdmin'));
    warn.mockRestore();
    secret = /secret: (\S+)$/.exec(printed ?? '')?.[1] ?? '';
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close(), BOOT_TIMEOUT_MS);

  it('is printed at first boot and works exactly once', async () => {
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const input = { secret, username: 'kadek', displayName: 'Kadek', password: 'bukit-jati-sunrise-9' };
    expectGraphqlError(await call(t, SETUP, { input: { ...input, secret: 'wrong'.repeat(7) } }), 'SETUP_CLOSED');
    expectGraphqlError(await call(t, SETUP, { input: { ...input, password: 'short' } }), 'BAD_USER_INPUT');
    expect(data(await call<{ setupFirstAdmin: { role: string } }>(t, SETUP, { input })).setupFirstAdmin.role).toBe('ADMIN');
    expectGraphqlError(await call(t, SETUP, { input: { ...input, username: 'kadek2' } }), 'SETUP_CLOSED');
    data(await call(t, LOGIN, { input: { username: 'kadek', password: 'bukit-jati-sunrise-9' } }));
  });
});

describe('rate limits shared by every instance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3', PUBLIC_RATE_LIMIT_PER_MINUTE: '5', AUTH_SCRYPT_LOG_N: '12' }, new ManualClock('2026-11-28T02:00:30Z'));
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close(), BOOT_TIMEOUT_MS);

  it('limits login attempts per address in any 60 s, then lets them through again', async () => {
    const login = () => call(t, LOGIN, { input: { username: 'nobody', password: 'guess-guess-guess' } });
    for (let i = 0; i < 3; i++) expectGraphqlError(await login(), 'INVALID_CREDENTIALS');
    const limited = expectGraphqlError(await login(), 'RATE_LIMITED');
    expect(limited.extensions?.retryAfterSeconds).toBe(60);
    // 02:01:00, a new calendar minute: still refused (the 3 attempts are 30 s old).
    t.clock.advance(30_000);
    expect(expectGraphqlError(await login(), 'RATE_LIMITED').extensions?.retryAfterSeconds).toBe(30);
    t.clock.advance(30_000);
    expectGraphqlError(await login(), 'INVALID_CREDENTIALS');
  });

  it('limits anonymous calls to public queries, not staff', async () => {
    t.clock.advance(60_000);
    for (let i = 0; i < 5; i++) data(await call(t, '{ districts { code } }'));
    expectGraphqlError(await call(t, '{ districts { code } }'), 'RATE_LIMITED');
    // A logged-in call taker's screen is not counted.
    expect((await t.gql('{ districts { code } }')).body.errors).toBeUndefined();
  });
});
