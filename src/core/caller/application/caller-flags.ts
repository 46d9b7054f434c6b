import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../actor';
import { CallerFlag } from '../domain/caller-flag.entity';
import { CallerException } from '../domain/caller.exception';

/** The `caller_flag` table: this domain's only storage. */
@Injectable()
export class CallerFlags {
  constructor(private readonly em: EntityManager) {}

  /** Every flag of the number, newest first (the active one, if any, first). */
  history(phone: string): Promise<CallerFlag[]> {
    return this.em.fork().find(CallerFlag, { phone }, { orderBy: { flaggedAt: 'desc', id: 'desc' } });
  }

  async flag(phone: string, reason: string, actor: Actor, now: Date): Promise<CallerFlag> {
    const em = this.em.fork();
    const active = await em.findOne(CallerFlag, { phone, clearedAt: null });
    if (active) throw CallerException.alreadyFlagged(phone, active.flaggedAt);
    const flag = em.create(CallerFlag, { phone, reason, flaggedBy: actor.userId, flaggedByRole: actor.role, flaggedAt: now });
    try {
      await em.flush();
    } catch (error) {
      // Two supervisors at once: the partial unique index lets one win.
      if (error instanceof UniqueConstraintViolationException) throw CallerException.alreadyFlagged(phone, now);
      throw error;
    }
    return flag;
  }

  async clear(phone: string, reason: string, actor: Actor, now: Date): Promise<CallerFlag> {
    const em = this.em.fork();
    // Conditional on still being active: of two concurrent clears, one finds nothing.
    const rows = await em.getConnection().execute<Array<{ id: string }>>(
      `update caller_flag set cleared_by = ?, cleared_at = ?, clear_reason = ? where phone = ? and cleared_at is null returning id`,
      [actor.userId, now, reason, phone],
    );
    if (rows.length === 0) throw CallerException.notFlagged(phone);
    return em.findOneOrFail(CallerFlag, { id: rows[0].id });
  }
}
