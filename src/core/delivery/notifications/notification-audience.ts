import type { EscalationTarget } from '../../opd';
import type { OutboxRecord } from '../../shared';
import { TicketCommand } from '../../ticket';
import { NotificationSeverity } from './staff-notification.entity';
import { notificationText } from './notification-text';

/** Staff roles a notification can reach in the app. */
export type RecipientRole = 'OPD_OFFICER' | 'FIELD_UNIT' | 'OPD_HEAD' | 'SUPERVISOR';

/**
 * A group of people to tell: the active staff of `role`, in `opdCode` (the
 * ticket's OPD) or, when null, in any OPD (supervisors belong to none).
 */
export interface Audience {
  readonly role: RecipientRole;
  readonly opdCode: string | null;
}

/** Escalation targets that have no staff accounts: phoned, not notified in the app (a later issue). */
export type OffAppTarget = 'REGIONAL_SECRETARY' | 'REGENT';

/**
 * What one outbox message becomes for people: its text, and who receives it.
 * The relay target turns every plan of a batch into rows in one statement.
 */
export interface NotificationPlan {
  readonly messageId: string;
  readonly topic: string;
  readonly ticketId: string | null;
  readonly ticketNumber: string | null;
  readonly title: string;
  readonly body: string;
  readonly severity: NotificationSeverity;
  readonly createdAt: Date;
  readonly audiences: readonly Audience[];
  /** Targets the ladder named that cannot be told in the app. */
  readonly offApp: readonly OffAppTarget[];
}

/**
 * A ticket's outbox topic is `ticket.<event type>` and its event type is the
 * command's name, so routing is `ticket.dispatch` and `ticket.reassign`
 * (made from the command list, so a rename cannot silently stop them).
 */
export const DISPATCH_TOPIC = `ticket.${TicketCommand.DISPATCH.toLowerCase()}` as 'ticket.dispatch';
export const REASSIGN_TOPIC = `ticket.${TicketCommand.REASSIGN.toLowerCase()}` as 'ticket.reassign';

/** Topics that concern staff; every other message (ticket.created, ticket.add_note, …) is nobody's notification. */
export const NOTIFIED_TOPICS = ['sla.warning', 'sla.breached', DISPATCH_TOPIC, REASSIGN_TOPIC] as const;
type NotifiedTopic = (typeof NOTIFIED_TOPICS)[number];

/**
 * Who an SLA escalation target is, as staff accounts of the ticket's OPD.
 * There is no head-of-division role in Sigap: a ladder's HEAD_OF_DIVISION is
 * told through the OPD's head (OPD_HEAD), the nearest role above officers.
 * COMMAND_CENTRE is Diskominfo's command centre: every SUPERVISOR.
 *
 * @example
 * audienceOf({ kind: 'OPD_ROLE', role: 'HEAD_OF_DIVISION' }, 'DISHUB'); // { role: 'OPD_HEAD', opdCode: 'DISHUB' }
 * audienceOf({ kind: 'REGENT' }, 'DISHUB'); // 'REGENT' (no staff account: counted, not notified)
 */
export function audienceOf(target: EscalationTarget, opdCode: string | null): Audience | OffAppTarget | null {
  switch (target.kind) {
    case 'OPD_ROLE':
      if (!opdCode) return null;
      return { role: target.role === 'HEAD_OF_DIVISION' ? 'OPD_HEAD' : target.role, opdCode };
    case 'OPD_HEAD':
      return opdCode ? { role: 'OPD_HEAD', opdCode } : null;
    case 'COMMAND_CENTRE':
      return { role: 'SUPERVISOR', opdCode: null };
    case 'REGIONAL_SECRETARY':
    case 'REGENT':
      return target.kind;
    default:
      // A kind this version does not know (a newer ladder): nobody in the app, rather than a failed delivery.
      return null;
  }
}

/**
 * The notification plan of one outbox message, or null when it concerns no
 * one. SLA messages go to their `notify` targets; a ticket dispatched or
 * reassigned goes to the officers of its OPD (a reassignment stays in the
 * OPD, and its message does not name the new assignee). The command centre hears
 * of every emergency breach even if a message's targets forgot it (the
 * ladder adds it; this keeps the promise if a ladder changes).
 *
 * @example
 * planFor({ id, topic: 'sla.breached', payload: { ticketId, number: 'BGL-…', kind: 'EMERGENCY', opdCode: 'BPBD',
 *   metric: 'ON_SITE', thresholdPct: 100, notify: [{ kind: 'OPD_HEAD' }] }, … });
 * // audiences: [{ role: 'OPD_HEAD', opdCode: 'BPBD' }, { role: 'SUPERVISOR', opdCode: null }], severity BREACH
 */
export function planFor(message: OutboxRecord): NotificationPlan | null {
  if (!(NOTIFIED_TOPICS as readonly string[]).includes(message.topic)) return null;
  const topic = message.topic as NotifiedTopic;
  const p = message.payload;
  const opdCode = text(p.opdCode);
  const emergency = p.kind === 'EMERGENCY';
  const audiences: Audience[] = [];
  const offApp: OffAppTarget[] = [];
  if (topic === DISPATCH_TOPIC || topic === REASSIGN_TOPIC) {
    if (opdCode) audiences.push({ role: 'OPD_OFFICER', opdCode });
  } else {
    for (const target of targets(p.notify)) {
      const found = audienceOf(target, opdCode);
      if (typeof found === 'string') offApp.push(found);
      else if (found) audiences.push(found);
    }
    if (topic === 'sla.breached' && emergency) audiences.push({ role: 'SUPERVISOR', opdCode: null });
  }
  const unique = dedupe(audiences);
  const uniqueOffApp = [...new Set(offApp)];
  if (unique.length === 0 && uniqueOffApp.length === 0) return null;
  const number = text(p.number);
  const severity = topic === 'sla.breached' ? NotificationSeverity.BREACH
    : topic === 'sla.warning' ? NotificationSeverity.WARNING
      : emergency ? NotificationSeverity.EMERGENCY : NotificationSeverity.INFO;
  return {
    messageId: message.id,
    topic,
    ticketId: text(p.ticketId),
    ticketNumber: number,
    ...notificationText({ topic, number, opdCode, emergency, metric: text(p.metric), thresholdPct: typeof p.thresholdPct === 'number' ? p.thresholdPct : null }),
    severity,
    createdAt: message.createdAt,
    audiences: unique,
    offApp: uniqueOffApp,
  };
}

function targets(value: unknown): EscalationTarget[] {
  return Array.isArray(value) ? value.filter((t): t is EscalationTarget => typeof t === 'object' && t !== null && typeof (t as { kind?: unknown }).kind === 'string') : [];
}

function dedupe(audiences: readonly Audience[]): Audience[] {
  const seen = new Map(audiences.map((a) => [`${a.role}|${a.opdCode ?? ''}`, a]));
  return [...seen.values()];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}
