import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ApiError } from '../../infra/graphql/api-error';
import type { Actor } from './actor';

/**
 * What the authorization guard leaves in the GraphQL context: for each root
 * field of the request (by its response key), the actor with the reach its
 * permission grants (`restrictedToOpd`).
 */
export interface ActorContext {
  actors?: Map<string, Actor>;
}

/**
 * Injects the authenticated {@link Actor} of the current root field. The
 * guard has checked the permission; a resolver only applies the actor's
 * reach to its data.
 *
 * @example
 * tickets(@CurrentActor() actor: Actor) { … actor.restrictedToOpd … }
 */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const gql = GqlExecutionContext.create(context);
  const actor = gql.getContext<ActorContext>().actors?.get(gql.getInfo<GraphQLResolveInfo>().path.key as string);
  if (!actor) throw new ApiError('UNAUTHENTICATED', 'Log in first', { reason: 'MISSING' });
  return actor;
});
