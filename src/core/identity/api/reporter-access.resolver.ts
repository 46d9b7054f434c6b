import { EntityManager } from '@mikro-orm/postgresql';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { ReporterAccess } from '../domain/reporter-access.entity';
import { ReporterAccessFilterInput } from './identity.inputs';
import { ReporterAccessModel } from './identity.model';

/** The privacy log: who read which reporter's identity, newest first (auditors). */
@Resolver()
export class ReporterAccessResolver {
  constructor(private readonly em: EntityManager) {}

  @Query(() => [ReporterAccessModel])
  async reporterAccessLog(@Args('filter', { type: () => ReporterAccessFilterInput, nullable: true }) filter?: ReporterAccessFilterInput): Promise<ReporterAccessModel[]> {
    const where: Record<string, unknown> = {};
    if (filter?.ticketId) where.ticketId = filter.ticketId;
    if (filter?.actorId) where.actorId = filter.actorId;
    return this.em.fork().find(ReporterAccess, where, { orderBy: { accessedAt: 'desc', id: 'desc' }, limit: filter?.first ?? 100 });
  }
}
