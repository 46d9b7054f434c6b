import { Injectable } from '@nestjs/common';
import type { SqlRunner } from '../../../infra/database/sql-runner';
import type { OutboxRecord } from '../../shared';

/**
 * Something the outbox relay hands each message to, inside the relay's
 * transaction: it writes its own durable rows (a webhook delivery per
 * endpoint, a notification per recipient), so a message is handed over
 * exactly once with its publication, or not at all. Slow work (HTTP) happens
 * later, from those rows. Messages arrive in publication order.
 *
 * @example
 * class AuditTarget implements DeliveryTarget {
 *   readonly name = 'audit';
 *   async accept(sql: SqlRunner, messages: readonly OutboxRecord[]) {
 *     await sql.query('insert into audit_copy select * from jsonb_to_recordset(cast(? as jsonb)) ...', [JSON.stringify(messages)]);
 *   }
 * }
 */
export interface DeliveryTarget {
  /** Short and stable: it names the target in logs and metrics. */
  readonly name: string;
  /** Takes over `messages` on the relay's transaction; throwing fails the batch's attempt. */
  accept(sql: SqlRunner, messages: readonly OutboxRecord[], now: Date): Promise<void>;
}

/**
 * The targets the relay delivers to. Targets register themselves when their
 * module starts (`onModuleInit`), so the relay knows none of them by name.
 */
@Injectable()
export class DeliveryTargets {
  private readonly targets: DeliveryTarget[] = [];

  register(target: DeliveryTarget): void {
    if (this.targets.some((t) => t.name === target.name)) throw new Error(`Delivery target ${target.name} is registered twice`);
    this.targets.push(target);
  }

  all(): readonly DeliveryTarget[] {
    return this.targets;
  }
}
