import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import { OfficialAccounts } from '../application/official-accounts';
import { ChannelPlatform } from '../domain/channel.enums';
import { atChannelEdge } from './channel-api.errors';
import { OfficialAccountModel, RegisterOfficialAccountInput, toOfficialAccountModel, UpdateOfficialAccountInput } from './official-account.graphql';

/** The official-account registry: admins register, edit and deactivate; auditors and supervisors read. */
@Resolver()
export class OfficialAccountResolver {
  constructor(private readonly accounts: OfficialAccounts) {}

  @Query(() => [OfficialAccountModel], { description: 'Official accounts, by platform and name; active ones unless includeInactive.' })
  async officialAccounts(
    @Args('platform', { type: () => ChannelPlatform, nullable: true }) platform?: ChannelPlatform | null,
    @Args('includeInactive', { type: () => Boolean, nullable: true }) includeInactive?: boolean | null,
  ): Promise<OfficialAccountModel[]> {
    return (await this.accounts.list({ platform, includeInactive })).map(toOfficialAccountModel);
  }

  @Mutation(() => OfficialAccountModel, { description: 'Adds an account of the decree; its webhooks are accepted from now on.' })
  registerOfficialAccount(@Args('input') input: RegisterOfficialAccountInput, @CurrentActor() actor: Actor): Promise<OfficialAccountModel> {
    return atChannelEdge(async () => toOfficialAccountModel(await this.accounts.register(input, actor)));
  }

  @Mutation(() => OfficialAccountModel, { description: 'Renames, re-references or (de)activates an account; give the version you saw.' })
  updateOfficialAccount(@Args('input') input: UpdateOfficialAccountInput, @CurrentActor() actor: Actor): Promise<OfficialAccountModel> {
    return atChannelEdge(async () => toOfficialAccountModel(await this.accounts.update(input, actor)));
  }

  @Mutation(() => OfficialAccountModel, { description: 'Stops accepting the account\'s webhooks (answered 200, nothing stored, counted). Its conversations stay.' })
  deactivateOfficialAccount(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @CurrentActor() actor: Actor,
  ): Promise<OfficialAccountModel> {
    return atChannelEdge(async () => toOfficialAccountModel(await this.accounts.update({ id, version, active: false }, actor)));
  }
}
