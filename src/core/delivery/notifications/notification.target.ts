import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { SqlRunner } from '../../../infra/database/sql-runner';
import type { OutboxRecord } from '../../shared';
import { DeliveryTarget, DeliveryTargets } from '../relay/delivery-target';
import { NotificationPlan, OffAppTarget, planFor } from './notification-audience';
import { StaffNotifications } from './staff-notification.repository';

/**
 * Staff notifications as a delivery target: for each message of the relay's
 * batch that concerns staff, one row per recipient, written in the relay's
 * transaction with one statement per batch (so a message is notified
 * exactly when it is published). Escalation targets without staff accounts
 * (the regional secretary, the regent) are counted and logged: they are
 * phoned, a channel of a later issue.
 *
 * @example
 * // Registered at module start; the relay calls it with each batch:
 * await target.accept(sql, batch); // rows for sla.*, ticket.dispatch, ticket.reassign; nothing for the rest
 */
@Injectable()
export class NotificationTarget implements DeliveryTarget, OnModuleInit {
  readonly name = 'notifications';
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly targets: DeliveryTargets,
  ) {}

  onModuleInit(): void {
    this.targets.register(this);
  }

  async accept(sql: SqlRunner, messages: readonly OutboxRecord[]): Promise<void> {
    const plans = messages.map(planFor).filter((p): p is NotificationPlan => p !== null);
    if (plans.length === 0) return;
    const written = await StaffNotifications.insertPlans(sql, plans);
    const offApp = countOffApp(plans);
    if (Object.keys(offApp).length) {
      this.logger.log({ offApp, messageIds: plans.filter((p) => p.offApp.length).map((p) => p.messageId) }, 'Escalation targets without staff accounts: not notified in the app');
    }
    this.logger.debug({ messages: plans.length, written }, 'Staff notifications written');
  }
}

function countOffApp(plans: readonly NotificationPlan[]): Partial<Record<OffAppTarget, number>> {
  const counts: Partial<Record<OffAppTarget, number>> = {};
  for (const target of plans.flatMap((p) => p.offApp)) counts[target] = (counts[target] ?? 0) + 1;
  return counts;
}
