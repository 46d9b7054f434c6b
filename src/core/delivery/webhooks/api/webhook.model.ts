import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { WebhookDeliveryStatus, WebhookEvent } from './webhook-graphql.enums';

@ObjectType('WebhookEndpoint', { description: 'An OPD system\'s webhook receiver; its secret is shown only at creation and rotation.' })
export class WebhookEndpointModel {
  @Field(() => ID) id!: string;
  @Field() opdCode!: string;
  @Field() url!: string;
  @Field(() => [WebhookEvent]) events!: WebhookEvent[];
  @Field() active!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) disabledAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who or what disabled it (e.g. the receiver answered 410 Gone).' }) disabledReason!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Until then the previous secret signs beside the current one.' }) previousSecretExpiresAt!: Date | null;
  @Field() createdBy!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType('WebhookEndpointCreated')
export class WebhookEndpointCreatedModel {
  @Field(() => WebhookEndpointModel) endpoint!: WebhookEndpointModel;
  @Field({ description: 'Shown once: whsec_ and base64 of 32 random bytes (Standard Webhooks). Verify every webhook with it.' }) secret!: string;
}

@ObjectType('WebhookSecretRotated')
export class WebhookSecretRotatedModel {
  @Field(() => WebhookEndpointModel) endpoint!: WebhookEndpointModel;
  @Field({ description: 'Shown once. The previous secret keeps signing until endpoint.previousSecretExpiresAt.' }) secret!: string;
}

@ObjectType('WebhookDelivery', { description: 'One message for one endpoint, and how its attempts went.' })
export class WebhookDeliveryModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) endpointId!: string;
  @Field(() => ID, { description: 'The webhook-id header: the same on every attempt and redelivery.' }) webhookId!: string;
  @Field(() => ID) ticketId!: string;
  @Field({ description: 'The payload\'s type, e.g. ticket.dispatch, sla.breached.' }) type!: string;
  @Field(() => WebhookDeliveryStatus) status!: WebhookDeliveryStatus;
  @Field(() => Int, { description: 'Attempts made in the current round (a redelivery starts a new round).' }) attempts!: number;
  @Field(() => Int, { nullable: true }) lastStatusCode!: number | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastAttemptAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'While pending: not before then.' }) nextAttemptAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) deadAt!: Date | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}
