import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiError } from '../../../infra/graphql/api-error';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import { Open311ClientErrorCode, Open311ClientException, Open311Clients } from '../application/open311-clients';
import { CreateOpen311ClientInput, Open311ClientCreatedModel, Open311ClientModel, toOpen311ClientModel } from './open311-client.graphql';

/** Open311 clients and their keys (admins create and revoke; auditors read). */
@Resolver()
export class Open311ClientResolver {
  constructor(private readonly clients: Open311Clients) {}

  @Query(() => [Open311ClientModel], { description: 'Apps with an Open311 key, newest first.' })
  async open311Clients(): Promise<Open311ClientModel[]> {
    return (await this.clients.list()).map(toOpen311ClientModel);
  }

  @Mutation(() => Open311ClientCreatedModel, { description: "A key for a citizens' app on /open311/v2; the key is shown only here." })
  createOpen311Client(@Args('input') input: CreateOpen311ClientInput, @CurrentActor() actor: Actor): Promise<Open311ClientCreatedModel> {
    return atEdge(async () => {
      const { client, apiKey } = await this.clients.create(input, actor);
      return { client: toOpen311ClientModel(client), apiKey };
    });
  }

  @Mutation(() => Open311ClientModel, { description: 'Stops a key at once (its requests get 403); revoking twice keeps the first time.' })
  revokeOpen311Client(@Args('id', { type: () => ID }) id: string): Promise<Open311ClientModel> {
    return atEdge(async () => toOpen311ClientModel(await this.clients.revoke(id)));
  }
}

/** Open311ClientException as the API's error codes. */
async function atEdge<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Open311ClientException) {
      throw new ApiError(error.code === Open311ClientErrorCode.INVALID_INPUT ? 'BAD_USER_INPUT' : error.code, error.message, error.details);
    }
    throw error;
  }
}
