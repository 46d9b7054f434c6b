import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { randomSecret, sha256, TokenCodec } from '../../src/core/identity/application/token-codec';
import { createHash } from 'node:crypto';
import { INTAKE_HEADERS } from './intake-request';

/**
 * The signing secret every benchmarked server gets (AUTH_TOKEN_SECRET), so the
 * bench can mint its own access token instead of logging in through the API:
 * the load measures ticket intake, not scrypt.
 */
export const BENCH_TOKEN_SECRET = randomSecret(48);

/**
 * Creates a call taker and a session in the bench database (after migrations)
 * and puts an access token for it in INTAKE_HEADERS. The servers must run
 * with AUTH_TOKEN_SECRET = BENCH_TOKEN_SECRET and tokens valid long enough
 * (SigapServer.start sets both).
 */
export async function authorizeBench(databaseUrl: string): Promise<void> {
  (INTAKE_HEADERS as Record<string, string>).authorization = `Bearer ${await benchToken(databaseUrl, 'CALL_TAKER', null)}`;
}

/** A staff account of `role` with a session, and an access token for it valid for an hour. */
export async function benchToken(databaseUrl: string, role: string, opdCode: string | null): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const now = new Date();
    const userId = randomUUID();
    const sessionId = randomUUID();
    await client.query(
      `insert into staff_user (id, username, display_name, role, opd_code, languages, password_hash, created_at, updated_at, password_changed_at)
       values ($1, $2, $3, $4, $5, '{id}', 'scrypt$15$8$1$none$none', $6, $6, $6)`,
      [userId, `bench-${userId.slice(0, 8)}`, `Bench ${role.toLowerCase()}`, role, opdCode, now],
    );
    await client.query(
      'insert into auth_session (id, user_id, refresh_hash, created_at, refreshed_at, expires_at) values ($1, $2, $3, $4, $4, $5)',
      [sessionId, userId, sha256(randomUUID()), now, new Date(now.getTime() + 24 * 3600_000)],
    );
    const codec = new TokenCodec(createHash('sha256').update(BENCH_TOKEN_SECRET).digest());
    const iat = Math.floor(now.getTime() / 1000);
    return codec.sign({ sub: userId, sid: sessionId, iat, exp: iat + 60 * 60 });
  } finally {
    await client.end();
  }
}

/** What SigapServer.start adds to every server's environment. */
export const BENCH_AUTH_ENV: Readonly<Record<string, string>> = { AUTH_TOKEN_SECRET: BENCH_TOKEN_SECRET, AUTH_ACCESS_TOKEN_MINUTES: '60' };
