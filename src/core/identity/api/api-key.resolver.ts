import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import { ApiKeyService } from '../application/api-key.service';
import { IdentityException } from '../domain/identity.exception';
import { atIdentityEdge } from './identity-api.errors';
import { CreateApiKeyInput } from './identity.inputs';
import { toApiKeyModel } from './identity.mapper';
import { ApiKeyCreatedModel, ApiKeyModel } from './identity.model';

/** OPD systems' API keys (admins). */
@Resolver()
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyService) {}

  @Query(() => [ApiKeyModel])
  async apiKeys(): Promise<ApiKeyModel[]> {
    return (await this.keys.list()).map(toApiKeyModel);
  }

  @Mutation(() => ApiKeyCreatedModel, { description: 'A key for one OPD and the listed operations; the secret is shown only here.' })
  createApiKey(@Args('input') input: CreateApiKeyInput, @CurrentActor() actor: Actor): Promise<ApiKeyCreatedModel> {
    return atIdentityEdge(async () => {
      const { key, secret } = await this.keys.create(input, actor);
      return { apiKey: toApiKeyModel(key), secret };
    });
  }

  @Mutation(() => ApiKeyModel, { description: 'Stops a key at once; revoking twice keeps the first time.' })
  revokeApiKey(@Args('id', { type: () => ID }) id: string): Promise<ApiKeyModel> {
    return atIdentityEdge(async () => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw IdentityException.apiKeyNotFound(id);
      return toApiKeyModel(await this.keys.revoke(id));
    });
  }
}
