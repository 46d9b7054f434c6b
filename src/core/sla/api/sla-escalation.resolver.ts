import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiError } from '../../../infra/graphql/api-error';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import { EscalationQueries } from '../application/escalation-queries';
import { SlaCompliance } from '../application/sla-compliance';
import { atSlaEdge } from './sla-api.errors';
import { SlaMetric } from './sla-graphql.enums';
import { EscalationFilterInput, SlaComplianceInput } from './sla.inputs';
import { toSlaEscalationModel } from './sla.mapper';
import { SlaComplianceModel, SlaEscalationModel, SlaOpdComplianceModel } from './sla.model';

/** Escalations (warnings and breaches), their acknowledgement, and the compliance report. */
@Resolver()
export class SlaEscalationResolver {
  constructor(
    private readonly queries: EscalationQueries,
    private readonly compliance: SlaCompliance,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => [SlaEscalationModel], { description: 'Newest first.' })
  async escalations(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => EscalationFilterInput, nullable: true }) filter?: EscalationFilterInput,
  ): Promise<SlaEscalationModel[]> {
    const scoped = { ...(filter ?? {}), ...(actor.restrictedToOpd && { opdCode: actor.restrictedToOpd }) };
    if (actor.restrictedToOpd && filter?.opdCode && filter.opdCode !== actor.restrictedToOpd) return [];
    return (await this.queries.list(scoped)).map(toSlaEscalationModel);
  }

  @Mutation(() => SlaEscalationModel, { description: 'Records who took charge of an escalation; a second call keeps the first.' })
  acknowledgeEscalation(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<SlaEscalationModel> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ApiError('BAD_USER_INPUT', 'id must be an escalation id (UUID)');
    return atSlaEdge(async () => toSlaEscalationModel(await this.queries.acknowledge(id, actor)));
  }

  @Query(() => SlaComplianceModel, { description: 'Met and breached counts, median and 90th percentile per clock, for tickets reported in [from, to).' })
  async slaCompliance(@Args('input') input: SlaComplianceInput, @CurrentActor() actor: Actor): Promise<SlaComplianceModel> {
    if (input.to <= input.from) throw new ApiError('BAD_USER_INPUT', 'to must be after from');
    if (actor.restrictedToOpd && input.opdCode && input.opdCode !== actor.restrictedToOpd) {
      throw new ApiError('FORBIDDEN', `You may report on ${actor.restrictedToOpd} only`);
    }
    if (actor.restrictedToOpd) input = Object.assign(input, { opdCode: actor.restrictedToOpd });
    const metrics = await this.compliance.report(input, this.clock.now());
    return {
      opdCode: input.opdCode ?? null,
      categoryCode: input.categoryCode ?? null,
      from: input.from,
      to: input.to,
      metrics: metrics.map((m) => ({ ...m, metric: m.metric as SlaMetric })),
    };
  }
}

/** `SlaCompliance.byOpd`: the report's figures per OPD, read only when asked (one grouped query). */
@Resolver(() => SlaComplianceModel)
export class SlaComplianceByOpdResolver {
  constructor(
    private readonly compliance: SlaCompliance,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ResolveField(() => [SlaOpdComplianceModel], {
    description: 'The same figures for each OPD with clocks in the period, by OPD code (the report\'s OPD only, when it names one).',
  })
  async byOpd(@Parent() report: SlaComplianceModel): Promise<SlaOpdComplianceModel[]> {
    // The parent already carries the actor's scope: an OPD's head asked for its own OPD only.
    const query = { from: report.from, to: report.to, opdCode: report.opdCode ?? undefined, categoryCode: report.categoryCode ?? undefined };
    const rows = await this.compliance.reportByOpd(query, this.clock.now());
    return rows.map((row) => ({ opdCode: row.opdCode, metrics: row.metrics.map((m) => ({ ...m, metric: m.metric as SlaMetric })) }));
  }
}
