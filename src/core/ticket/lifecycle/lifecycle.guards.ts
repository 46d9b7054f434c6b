import { GuardName, LifecycleGuard } from './lifecycle.types';

/**
 * Implementations of the guards named in the lifecycle table. Kept apart from
 * the table so the table stays serialisable data and each guard is testable.
 *
 * @example
 * LIFECYCLE_GUARDS.hasOpd(snapshot, context); // true once an OPD is assigned
 */
export const LIFECYCLE_GUARDS: Readonly<Record<GuardName, LifecycleGuard>> = {
  // Only information requests can be closed by a plain answer; complaints and
  // emergencies need an OPD to act.
  isInformation: (s) => s.kind === 'INFORMATION',
  hasOpd: (s) => s.opdCode !== null,
  // Tickets that need someone on site must go through EN_ROUTE/ON_SITE so
  // response times are measured; only desk work may resolve straight away.
  noFieldResponse: (s) => !s.fieldResponse,
  // Inclusive bound: a citizen complaining exactly at the deadline is in time.
  withinReopenWindow: (s, c) =>
    s.resolvedAt !== null && c.now.getTime() - s.resolvedAt.getTime() <= c.reopenWindowMs,
};
