import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import { atDeliveryEdge } from '../delivery-api.errors';
import { NotificationInbox } from './notification-inbox.service';
import { NotificationPageModel, StaffNotificationModel } from './notification.model';
import type { NotificationRecord } from './staff-notification.repository';

/** The caller's own notifications; nobody reads or marks another's. */
@Resolver()
export class NotificationResolver {
  constructor(private readonly inbox: NotificationInbox) {}

  @Query(() => NotificationPageModel, { description: 'Your notifications, newest first, a page at a time, with your unread count.' })
  myNotifications(
    @CurrentActor() actor: Actor,
    @Args('unreadOnly', { type: () => Boolean, defaultValue: false }) unreadOnly: boolean,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<NotificationPageModel> {
    return atDeliveryEdge(async () => {
      const page = await this.inbox.page(actor.userId, { unreadOnly, first, after: after ?? null });
      return { nodes: page.items.map(toModel), hasNextPage: page.hasNextPage, endCursor: page.endCursor, unreadCount: page.unreadCount };
    });
  }

  @Mutation(() => StaffNotificationModel, { description: 'Marks one of your notifications read (a second call keeps the first time). Not yours: NOT_FOUND.' })
  markNotificationRead(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<StaffNotificationModel> {
    return atDeliveryEdge(async () => toModel(await this.inbox.markRead(actor.userId, id)));
  }

  @Mutation(() => Int, { description: 'Marks all your unread notifications read; returns how many.' })
  markAllNotificationsRead(@CurrentActor() actor: Actor): Promise<number> {
    return this.inbox.markAllRead(actor.userId);
  }
}

/** The GraphQL shape of a notification (also pushed by `notificationAdded`). */
export function toModel(n: NotificationRecord): StaffNotificationModel {
  return {
    id: n.id, messageId: n.messageId, topic: n.topic, ticketId: n.ticketId, ticketNumber: n.ticketNumber,
    title: n.title, body: n.body, severity: n.severity, createdAt: n.createdAt, readAt: n.readAt,
  };
}
