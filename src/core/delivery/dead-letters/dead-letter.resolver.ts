import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import { atDeliveryEdge } from '../delivery-api.errors';
import { DeadLetterDesk } from './dead-letter-desk.service';
import { OutboxDeadLetterModel, OutboxReplayModel } from './dead-letter.model';

/** Dead letters of the outbox, for admins. */
@Resolver()
export class DeadLetterResolver {
  constructor(private readonly desk: DeadLetterDesk) {}

  @Query(() => [OutboxDeadLetterModel], { description: 'Messages the relay gave up on, newest dead first.' })
  outboxDeadLetters(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<OutboxDeadLetterModel[]> {
    return atDeliveryEdge(async () => (await this.desk.list(first, offset)).map((d) => ({
      id: d.id, topic: d.topic, aggregateType: d.aggregateType, aggregateId: d.aggregateId,
      createdAt: d.createdAt, attempts: d.attempts, lastError: d.lastError, deadAt: d.deadAt,
    })));
  }

  @Mutation(() => OutboxReplayModel, { description: 'Puts a dead letter back for a fresh round of attempts. Unknown or not dead: NOT_FOUND.' })
  replayOutboxMessage(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<OutboxReplayModel> {
    return atDeliveryEdge(() => this.desk.replay(id, actor));
  }
}
