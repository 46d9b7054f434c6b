import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import type { INestApplication } from '@nestjs/common';
import { API_KEY_OPERATIONS, ApiKeyService } from '../../src/core/identity/application/api-key.service';
import { sha256 } from '../../src/core/identity/application/token-codec';
import { TokenService } from '../../src/core/identity/application/token.service';
import type { Clock } from '../../src/infra/clock/clock';
import { ActorRole } from '../../src/core/actor';

/** Who a test acts as: a staff member (by role), or an OPD system (role OPD_SYSTEM: an API key). */
export interface TestActor {
  userId: string;
  role: string;
  opdCode?: string;
}

interface Identity {
  header: [string, string] | null;
  userId?: string;
  sessionId?: string;
}

const identities = new WeakMap<INestApplication, Map<string, Promise<Identity>>>();

/**
 * The header that makes a request come from `actor`: a staff account with
 * that role (created once per app, straight in the database, with a session)
 * and an access token minted at the app clock's time, so moving the clock
 * never leaves a test with an expired token; or an API key for OPD_SYSTEM.
 * Logging in through the API is tested on its own (test/e2e/identity).
 */
export async function authHeaderFor(app: INestApplication, clock: Clock, actor: TestActor): Promise<[string, string]> {
  const byActor = identities.get(app) ?? new Map<string, Promise<Identity>>();
  identities.set(app, byActor);
  const key = `${actor.userId}|${actor.role}|${actor.opdCode ?? ''}`;
  if (!byActor.has(key)) byActor.set(key, provision(app, actor));
  const identity = await byActor.get(key)!;
  if (identity.header) return identity.header;
  const { token } = app.get(TokenService).accessToken(identity.userId!, identity.sessionId!, clock.now());
  return ['authorization', `Bearer ${token}`];
}

async function provision(app: INestApplication, actor: TestActor): Promise<Identity> {
  if (actor.role === ActorRole.OPD_SYSTEM) {
    const { secret } = await app.get(ApiKeyService).create(
      { name: `test ${actor.userId}`, opdCode: actor.opdCode ?? '', permissions: API_KEY_OPERATIONS },
      { userId: 'test-admin', role: ActorRole.ADMIN, opdCode: null },
    );
    return { header: ['x-api-key', secret] };
  }
  const sql = app.get(EntityManager).getConnection();
  const now = new Date();
  const [user] = await sql.execute<Array<{ id: string }>>(
    `insert into staff_user (id, username, display_name, role, opd_code, languages, password_hash, created_at, updated_at, password_changed_at)
     values (?, ?, ?, ?, ?, '{id}', 'scrypt$10$8$1$none$none', ?, ?, ?)
     on conflict (username) do update set role = excluded.role, opd_code = excluded.opd_code
     returning id`,
    [randomUUID(), actor.userId.toLowerCase(), actor.userId, actor.role, actor.opdCode ?? null, now, now, now],
  );
  const sessionId = randomUUID();
  await sql.execute(
    `insert into auth_session (id, user_id, refresh_hash, created_at, refreshed_at, expires_at) values (?, ?, ?, ?, ?, ?)`,
    [sessionId, user.id, sha256(randomUUID()), now, now, new Date('2100-01-01T00:00:00Z')],
  );
  return { header: null, userId: user.id, sessionId };
}
