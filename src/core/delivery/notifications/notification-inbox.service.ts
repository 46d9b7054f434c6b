import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { entityManagerSql } from '../../../infra/database/sql-runner';
import { DeliveryException } from '../delivery.exception';
import { NotificationRecord, StaffNotifications } from './staff-notification.repository';

/** One page of a user's notifications, newest first. */
export interface NotificationPage {
  readonly items: NotificationRecord[];
  readonly hasNextPage: boolean;
  /** Opaque: pass as `after` for the next page. */
  readonly endCursor: string | null;
  /** All the user's unread notifications, every page together. */
  readonly unreadCount: number;
}

export const MAX_NOTIFICATION_PAGE = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Staff notifications as their recipients read them, and as screens are
 * pushed them. A user only ever reaches their own: someone else's
 * notification is not found (its existence is not confirmed).
 *
 * @example
 * const page = await inbox.page('ayu', { unreadOnly: true, first: 20, after: null });
 * await inbox.markRead('ayu', page.items[0].id);
 * const fresh = await inbox.notificationsFor(publishedMessageIds); // one query per published batch
 */
@Injectable()
export class NotificationInbox {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async page(username: string, options: { unreadOnly: boolean; first: number; after: string | null }): Promise<NotificationPage> {
    if (!Number.isInteger(options.first) || options.first < 1 || options.first > MAX_NOTIFICATION_PAGE) {
      throw DeliveryException.invalidInput(`first must be from 1 to ${MAX_NOTIFICATION_PAGE}`);
    }
    const after = options.after === null ? null : decodeCursor(options.after);
    const sql = entityManagerSql(this.em.fork());
    const [{ items, hasNextPage }, unreadCount] = await Promise.all([
      StaffNotifications.page(sql, username, { ...options, after }),
      StaffNotifications.unreadCount(sql, username),
    ]);
    return { items, hasNextPage, endCursor: items.length ? encodeCursor(items[items.length - 1].id) : null, unreadCount };
  }

  async markRead(username: string, id: string): Promise<NotificationRecord> {
    if (!UUID.test(id)) throw DeliveryException.notFound('notification', id);
    const marked = await StaffNotifications.markRead(entityManagerSql(this.em.fork()), username, id, this.clock.now());
    if (!marked) throw DeliveryException.notFound('notification', id);
    return marked;
  }

  markAllRead(username: string): Promise<number> {
    return StaffNotifications.markAllRead(entityManagerSql(this.em.fork()), username, this.clock.now());
  }

  /**
   * The notifications the relay wrote for these outbox messages (say, the
   * batch just published), each with its recipient's username (the actor id
   * a subscription is authenticated as), in one query.
   */
  notificationsFor(messageIds: readonly string[]): Promise<NotificationRecord[]> {
    return StaffNotifications.forMessages(entityManagerSql(this.em.fork()), messageIds.filter((id) => UUID.test(id)));
  }
}

// The cursor is the last notification's id, wrapped so clients treat it as opaque.
function encodeCursor(id: string): string {
  return Buffer.from(`n:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const id = decoded.startsWith('n:') ? decoded.slice(2) : '';
  if (!UUID.test(id)) throw DeliveryException.invalidInput('after is not a cursor of myNotifications');
  return id;
}
