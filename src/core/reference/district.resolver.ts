import { EntityManager } from '@mikro-orm/postgresql';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { District } from './district.entity';
import { DistrictModel } from './district.model';

@Resolver(() => DistrictModel)
export class DistrictResolver {
  constructor(private readonly em: EntityManager) {}

  @Query(() => [DistrictModel], { description: 'Districts, in the order call takers pick them.' })
  async districts(
    @Args('includeInactive', { defaultValue: false }) includeInactive: boolean,
  ): Promise<DistrictModel[]> {
    return this.em.fork().find(District, includeInactive ? {} : { active: true }, { orderBy: { sortOrder: 'asc' } });
  }
}
