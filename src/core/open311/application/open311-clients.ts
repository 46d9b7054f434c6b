import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import type { Actor } from '../../actor';
import { DomainException } from '../../shared';
import { Open311Client } from '../domain/open311-client.entity';
import { Open311Error } from '../domain/open311.error';

const KEY_FORMAT = /^o311_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
/** last_used_at is written at most this often per client: an app polling updates must not cost a write per call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export enum Open311ClientErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  NOT_FOUND = 'NOT_FOUND',
}

/** What admins can get wrong when managing Open311 clients. */
export class Open311ClientException extends DomainException<Open311ClientErrorCode> {
  static invalidInput(problems: string[]): Open311ClientException {
    return new Open311ClientException(Open311ClientErrorCode.INVALID_INPUT, problems.join('; '), { problems });
  }

  static notFound(id: string): Open311ClientException {
    return new Open311ClientException(Open311ClientErrorCode.NOT_FOUND, `No Open311 client ${id}`, { id });
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Open311 clients and their keys: created by an admin (the key is shown
 * once), stored hashed, revocable; `authenticate` turns an `api_key` into
 * the client or the spec's 403.
 *
 * @example
 * const { client, apiKey } = await clients.create({ name: 'FixMyStreet Bangli' }, admin);
 * const same = await clients.authenticate(apiKey);
 */
@Injectable()
export class Open311Clients {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(input: { name: string; rateLimitPerMinute?: number | null }, admin: Actor): Promise<{ client: Open311Client; apiKey: string }> {
    const name = input.name.trim();
    const problems: string[] = [];
    if (!name) problems.push('name: give the app a name');
    const limit = input.rateLimitPerMinute ?? null;
    if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > 10_000)) problems.push('rateLimitPerMinute: a whole number from 1 to 10,000');
    if (problems.length) throw Open311ClientException.invalidInput(problems);
    const prefix = randomBytes(12).toString('base64url').replace(/[^A-Za-z0-9]/g, '').slice(0, 8).padEnd(8, '0');
    const apiKey = `o311_${prefix}_${randomBytes(32).toString('base64url')}`;
    const em = this.em.fork();
    const client = em.create(Open311Client, {
      name, prefix, secretHash: sha256(apiKey), rateLimitPerMinute: limit, createdBy: admin.userId, createdAt: this.clock.now(),
    });
    await em.flush();
    return { client, apiKey };
  }

  async revoke(id: string): Promise<Open311Client> {
    const em = this.em.fork();
    const client = /^[0-9a-f-]{36}$/i.test(id) ? await em.findOne(Open311Client, { id }) : null;
    if (!client) throw Open311ClientException.notFound(id);
    client.revokedAt ??= this.clock.now();
    await em.flush();
    return client;
  }

  list(): Promise<Open311Client[]> {
    return this.em.fork().find(Open311Client, {}, { orderBy: { createdAt: 'desc' } });
  }

  /** The client of a key; the spec's 403 for a missing, malformed, unknown or revoked one. */
  async authenticate(apiKey: string | null): Promise<Open311Client> {
    if (!apiKey) throw Open311Error.forbidden('api_key is required: ask the regency for an Open311 key (docs/open311.md)');
    const match = KEY_FORMAT.exec(apiKey);
    if (!match) throw Open311Error.forbidden('api_key is not valid');
    const em = this.em.fork();
    const client = await em.findOne(Open311Client, { prefix: match[1] });
    const given = Buffer.from(sha256(apiKey));
    if (!client || given.length !== Buffer.from(client.secretHash).length || !timingSafeEqual(given, Buffer.from(client.secretHash))) {
      throw Open311Error.forbidden('api_key is not valid');
    }
    if (client.revokedAt) throw Open311Error.forbidden('api_key has been revoked');
    const now = this.clock.now();
    if (!client.lastUsedAt || now.getTime() - client.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await em.nativeUpdate(Open311Client, { id: client.id }, { lastUsedAt: now });
    }
    return client;
  }
}
