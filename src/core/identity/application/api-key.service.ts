import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import type { Actor } from '../../actor';
import { ActorRole } from '../../actor';
import { OpdDirectory } from '../../opd';
import { ApiKey } from '../domain/api-key.entity';
import { IdentityException } from '../domain/identity.exception';
import { accessFor, OPERATIONS } from '../domain/permissions';
import { unauthenticated } from './auth-errors';
import type { Principal } from './principal';
import { randomSecret, sha256 } from './token-codec';

const KEY_FORMAT = /^sgp_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
/** last_used_at is written at most this often per key: a busy OPD system must not cost a write per call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The operations an OPD system's key can be given at most. */
export const API_KEY_OPERATIONS = OPERATIONS.filter((op) => accessFor(op, ActorRole.OPD_SYSTEM) !== null);

/**
 * OPD systems' API keys: created for one OPD and a set of operations, shown
 * once, stored hashed, revocable, with the time each was last used.
 *
 * @example
 * const { key, secret } = await apiKeys.create({ name: 'SIMDAMKAR', opdCode: 'SATPOLPP-DAMKAR', permissions: ['Query.tickets'] }, admin);
 */
@Injectable()
export class ApiKeyService {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly opds: OpdDirectory,
  ) {}

  async create(input: { name: string; opdCode: string; permissions: readonly string[] }, admin: Actor): Promise<{ key: ApiKey; secret: string }> {
    const problems = input.permissions.filter((p) => !API_KEY_OPERATIONS.includes(p as never)).map((p) => `permissions: ${p} is not an operation an OPD system may use (one of ${API_KEY_OPERATIONS.join(', ')})`);
    if (input.permissions.length === 0) problems.push('permissions: give at least one');
    if (!(await this.opds.exists(input.opdCode))) problems.push(`opdCode: no OPD ${input.opdCode}`);
    if (problems.length) throw IdentityException.invalidInput(problems);
    const prefix = randomSecret(12).replace(/[^A-Za-z0-9]/g, '').slice(0, 8).padEnd(8, '0');
    const body = randomSecret(32);
    const secret = `sgp_${prefix}_${body}`;
    const em = this.em.fork();
    const key = em.create(ApiKey, {
      name: input.name.trim(), prefix, secretHash: sha256(secret), opdCode: input.opdCode, permissions: [...new Set(input.permissions)], createdBy: admin.userId, createdAt: this.clock.now(),
    });
    await em.flush();
    return { key, secret };
  }

  async revoke(id: string): Promise<ApiKey> {
    const em = this.em.fork();
    const key = await em.findOne(ApiKey, { id });
    if (!key) throw IdentityException.apiKeyNotFound(id);
    key.revokedAt ??= this.clock.now();
    await em.flush();
    return key;
  }

  list(): Promise<ApiKey[]> {
    return this.em.fork().find(ApiKey, {}, { orderBy: { createdAt: 'desc' } });
  }

  async authenticate(secret: string): Promise<Principal> {
    const match = KEY_FORMAT.exec(secret);
    if (!match) throw unauthenticated('MALFORMED', 'The API key is malformed');
    const em = this.em.fork();
    const key = await em.findOne(ApiKey, { prefix: match[1] });
    const given = Buffer.from(sha256(secret));
    if (!key || given.length !== Buffer.from(key.secretHash).length || !timingSafeEqual(given, Buffer.from(key.secretHash))) {
      throw unauthenticated('INVALID', 'The API key is not valid');
    }
    if (key.revokedAt) throw unauthenticated('REVOKED', 'The API key has been revoked');
    const now = this.clock.now();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await em.nativeUpdate(ApiKey, { id: key.id }, { lastUsedAt: now });
    }
    return {
      kind: 'API_KEY',
      apiKeyId: key.id,
      permissions: new Set(key.permissions),
      actor: { userId: `apikey:${key.prefix}`, role: ActorRole.OPD_SYSTEM, opdCode: key.opdCode },
    };
  }
}
