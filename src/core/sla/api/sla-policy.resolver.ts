import { Args, Field, GraphQLISODateTime, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import { MetricDraft, SlaPolicyAdmin } from '../application/sla-policy.admin';
import { SlaReevaluation } from '../application/sla-reevaluation';
import { atSlaEdge } from './sla-api.errors';
import { ChangeSlaPolicyInput, CreateSlaPolicyInput, DeactivateSlaPolicyInput, ReevaluateSlaInput, SlaMetricInput } from './sla.inputs';
import { toSlaPolicyModel } from './sla.mapper';
import { SlaPolicyModel } from './sla.model';

@ObjectType('SlaReevaluation')
export class SlaReevaluationModel {
  @Field(() => Int, { description: 'Open tickets whose clocks now follow the policies in force at pinnedAt.' }) tickets!: number;
  @Field(() => GraphQLISODateTime) pinnedAt!: Date;
}

/** SLA policies: anyone may read them; admins change them (as new versions). */
@Resolver()
export class SlaPolicyResolver {
  constructor(
    private readonly admin: SlaPolicyAdmin,
    private readonly reevaluation: SlaReevaluation,
  ) {}

  @Query(() => [SlaPolicyModel], { description: 'Every SLA policy with its versions; the most specific match wins per clock.' })
  async slaPolicies(): Promise<SlaPolicyModel[]> {
    return (await this.admin.list()).map(({ policy, versions }) => toSlaPolicyModel(policy, versions));
  }

  @Mutation(() => SlaPolicyModel, { description: 'Adds a policy (admins). In force from effectiveFrom (at least a minute ahead).' })
  createSlaPolicy(@Args('input') input: CreateSlaPolicyInput, @CurrentActor() actor: Actor): Promise<SlaPolicyModel> {
    return atSlaEdge(async () => {
      const policy = await this.admin.create({ ...input, metrics: input.metrics.map(draft) }, actor);
      return this.model(policy.id);
    });
  }

  @Mutation(() => SlaPolicyModel, { description: 'A new version of a policy\'s clocks (admins); tickets keep the version they were given.' })
  changeSlaPolicy(@Args('input') input: ChangeSlaPolicyInput, @CurrentActor() actor: Actor): Promise<SlaPolicyModel> {
    return atSlaEdge(async () => {
      await this.admin.change(input.id, input.expectedVersion, input.metrics.map(draft), input.effectiveFrom, input.note, actor);
      return this.model(input.id);
    });
  }

  @Mutation(() => SlaPolicyModel, { description: 'Stops a policy from effectiveFrom (admins); less specific policies apply instead.' })
  deactivateSlaPolicy(@Args('input') input: DeactivateSlaPolicyInput, @CurrentActor() actor: Actor): Promise<SlaPolicyModel> {
    return atSlaEdge(async () => {
      await this.admin.deactivate(input.id, input.expectedVersion, input.effectiveFrom, input.note, actor);
      return this.model(input.id);
    });
  }

  @Mutation(() => SlaReevaluationModel, {
    description: 'Moves open tickets to the policies in force now (admins); recorded in each ticket\'s history with the reason.',
  })
  reevaluateSla(@Args('input') input: ReevaluateSlaInput, @CurrentActor() actor: Actor): Promise<SlaReevaluationModel> {
    return atSlaEdge(() => this.reevaluation.run({ ticketIds: input.ticketIds, opdCode: input.opdCode }, input.reason.trim(), actor));
  }

  private async model(id: string): Promise<SlaPolicyModel> {
    const [found] = await this.admin.list(id);
    return toSlaPolicyModel(found.policy, found.versions);
  }
}

const draft = (m: SlaMetricInput): MetricDraft => ({ ...m });
