import type { SqlRunner } from '../../../infra/database/sql-runner';
import { STAFF_RELATION_SQL } from '../../identity';
import type { NotificationPlan } from './notification-audience';
import type { NotificationSeverity } from './staff-notification.entity';

/**
 * A notification as its recipient (and the screens pushing it) see it.
 * `username` is the recipient's actor id (what `Actor.userId` holds).
 */
export interface NotificationRecord {
  readonly id: string;
  readonly userId: string;
  readonly username: string;
  readonly messageId: string;
  readonly topic: string;
  readonly ticketId: string | null;
  readonly ticketNumber: string | null;
  readonly title: string;
  readonly body: string;
  readonly severity: NotificationSeverity;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

interface Row {
  id: string;
  user_id: string;
  username: string;
  message_id: string;
  topic: string;
  ticket_id: string | null;
  ticket_number: string | null;
  title: string;
  body: string;
  severity: NotificationSeverity;
  created_at: Date;
  read_at: Date | null;
}

const COLUMNS = 'n.id, n.user_id, s.username, n.message_id, n.topic, n.ticket_id, n.ticket_number, n.title, n.body, n.severity, n.created_at, n.read_at';
const STAFF = `(${STAFF_RELATION_SQL})`;

/**
 * The staff_notification table's SQL. Every function runs on the caller's
 * connection or transaction. A user is named by username (the actor id), so
 * callers never look the account up first.
 *
 * @example
 * const inserted = await StaffNotifications.insertPlans(sql, plans); // one statement per batch
 * const page = await StaffNotifications.page(sql, 'ayu', { unreadOnly: true, first: 20, after: null });
 */
export const StaffNotifications = {
  /**
   * One row per active recipient of each plan, in one INSERT … SELECT:
   * audiences are joined to the staff accounts, and the unique (user,
   * message) key drops a second delivery. Returns the rows written.
   */
  async insertPlans(sql: SqlRunner, plans: readonly NotificationPlan[]): Promise<number> {
    const audiences = plans.flatMap((p) => p.audiences.map((a) => ({ message_id: p.messageId, role: a.role, opd_code: a.opdCode })));
    if (audiences.length === 0) return 0;
    const messages = plans.map((p) => ({
      message_id: p.messageId, topic: p.topic, ticket_id: p.ticketId, ticket_number: p.ticketNumber,
      title: p.title, body: p.body, severity: p.severity, created_at: p.createdAt.toISOString(),
    }));
    const [{ n }] = await sql.query<{ n: string }>(
      `with m as (
         select * from jsonb_to_recordset(cast(? as jsonb)) as m(message_id uuid, topic text, ticket_id uuid, ticket_number text,
           title text, body text, severity text, created_at timestamptz)
       ), a as (
         select * from jsonb_to_recordset(cast(? as jsonb)) as a(message_id uuid, role text, opd_code text)
       ), inserted as (
         insert into staff_notification (id, user_id, message_id, topic, ticket_id, ticket_number, title, body, severity, created_at)
         select distinct on (s.user_id, m.message_id)
                gen_random_uuid(), s.user_id, m.message_id, m.topic, m.ticket_id, m.ticket_number, m.title, m.body, m.severity, m.created_at
           from a
           join m on m.message_id = a.message_id
           join ${STAFF} s on s.active and s.role = a.role and (a.opd_code is null or s.opd_code = a.opd_code)
          order by s.user_id, m.message_id
         on conflict on constraint staff_notification_once_unique do nothing
         returning 1
       )
       select count(*) as n from inserted`,
      [JSON.stringify(messages), JSON.stringify(audiences)],
    );
    return Number(n);
  },

  /** The notifications written for these outbox messages, oldest message first. */
  async forMessages(sql: SqlRunner, messageIds: readonly string[]): Promise<NotificationRecord[]> {
    if (messageIds.length === 0) return [];
    const rows = await sql.query<Row>(
      `select ${COLUMNS} from staff_notification n join ${STAFF} s on s.user_id = n.user_id
        where n.message_id = any(cast(? as uuid[])) order by n.created_at, n.id`,
      [`{${messageIds.join(',')}}`],
    );
    return rows.map(toRecord);
  },

  /**
   * One page of a user's notifications, newest first. `after` is the id of
   * the last notification of the previous page (the cursor); a cursor that
   * is not the user's gives an empty page.
   */
  async page(sql: SqlRunner, username: string, options: { unreadOnly: boolean; first: number; after: string | null }): Promise<{ items: NotificationRecord[]; hasNextPage: boolean }> {
    const rows = await sql.query<Row>(
      `select ${COLUMNS} from staff_notification n join ${STAFF} s on s.user_id = n.user_id
        where s.username = ? and (not cast(? as boolean) or n.read_at is null)
          and (cast(? as uuid) is null or (n.created_at, n.id) < (select c.created_at, c.id from staff_notification c where c.id = cast(? as uuid) and c.user_id = n.user_id))
        order by n.created_at desc, n.id desc
        limit ?`,
      [username, options.unreadOnly, options.after, options.after, options.first + 1],
    );
    return { items: rows.slice(0, options.first).map(toRecord), hasNextPage: rows.length > options.first };
  },

  async unreadCount(sql: SqlRunner, username: string): Promise<number> {
    const [{ n }] = await sql.query<{ n: string }>(
      `select count(*) as n from staff_notification n join ${STAFF} s on s.user_id = n.user_id where s.username = ? and n.read_at is null`,
      [username],
    );
    return Number(n);
  },

  /** Marks one of the user's notifications read (a second call keeps the first time); null when it is not theirs. */
  async markRead(sql: SqlRunner, username: string, id: string, now: Date): Promise<NotificationRecord | null> {
    const rows = await sql.query<Row>(
      `update staff_notification n set read_at = coalesce(n.read_at, ?)
         from ${STAFF} s
        where s.user_id = n.user_id and s.username = ? and n.id = ?
        returning ${COLUMNS}`,
      [now, username, id],
    );
    return rows.length ? toRecord(rows[0]) : null;
  },

  /** Marks every unread notification of the user read; returns how many. */
  async markAllRead(sql: SqlRunner, username: string, now: Date): Promise<number> {
    const rows = await sql.query<{ id: string }>(
      `update staff_notification n set read_at = ?
         from ${STAFF} s
        where s.user_id = n.user_id and s.username = ? and n.read_at is null
        returning n.id`,
      [now, username],
    );
    return rows.length;
  },
};

function toRecord(r: Row): NotificationRecord {
  return {
    id: r.id,
    userId: r.user_id,
    username: r.username,
    messageId: r.message_id,
    topic: r.topic,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    title: r.title,
    body: r.body,
    severity: r.severity,
    createdAt: new Date(r.created_at),
    readAt: r.read_at ? new Date(r.read_at) : null,
  };
}
