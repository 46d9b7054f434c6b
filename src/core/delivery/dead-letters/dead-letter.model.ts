import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

// The payload is left out on purpose: it holds ids only today, but an admin
// screen has no need of it and a future topic might carry more.
@ObjectType('OutboxDeadLetter', { description: 'An outbox message the relay gave up on after its last attempt.' })
export class OutboxDeadLetterModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'e.g. ticket.dispatch, sla.breached' }) topic!: string;
  @Field({ description: 'e.g. ticket' }) aggregateType!: string;
  @Field(() => ID) aggregateId!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => Int, { description: 'Failed attempts.' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'The last attempt\'s error, prefixed with the delivery target that failed.' }) lastError!: string | null;
  @Field(() => GraphQLISODateTime) deadAt!: Date;
}

@ObjectType('OutboxReplay')
export class OutboxReplayModel {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime, { description: 'From now the relay attempts it afresh.' }) replayedAt!: Date;
}
