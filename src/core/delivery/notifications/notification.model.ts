import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NotificationSeverity } from './staff-notification.entity';

registerEnumType(NotificationSeverity, {
  name: 'NotificationSeverity',
  description: 'INFO: a ticket routed to your OPD; EMERGENCY: an emergency routed to it; WARNING: an SLA warning; BREACH: an SLA breach.',
});

@ObjectType('StaffNotification', { description: 'Something you were told: a ticket routed to your OPD, an SLA warning or breach. Never the reporter\'s personal data.' })
export class StaffNotificationModel {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The outbox message it came from (the same id a webhook or subscription event carries).' }) messageId!: string;
  @Field({ description: 'e.g. ticket.dispatch, ticket.reassign, sla.warning, sla.breached' }) topic!: string;
  @Field(() => ID, { nullable: true }) ticketId!: string | null;
  @Field(() => String, { nullable: true }) ticketNumber!: string | null;
  @Field({ description: 'Short, in Indonesian.' }) title!: string;
  @Field() body!: string;
  @Field(() => NotificationSeverity) severity!: NotificationSeverity;
  @Field(() => GraphQLISODateTime, { description: 'When the reported change happened.' }) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) readAt!: Date | null;
}

@ObjectType('NotificationPage', { description: 'A page of your notifications, newest first.' })
export class NotificationPageModel {
  @Field(() => [StaffNotificationModel]) nodes!: StaffNotificationModel[];
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) endCursor!: string | null;
  @Field(() => Int, { description: 'Your unread notifications, all pages together.' }) unreadCount!: number;
}
