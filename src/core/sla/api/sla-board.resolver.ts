import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import { SlaBoardReader } from '../application/sla-board';
import { SlaBoardModel, toSlaBoardModel } from './sla-board.model';

/** The board as a query; the `slaBoard` subscription pushes the same data on every change. */
@Resolver()
export class SlaBoardResolver {
  constructor(
    private readonly board: SlaBoardReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => SlaBoardModel, { description: 'Open emergencies\' clocks and every breached clock still running, soonest due first (an OPD sees its own).' })
  async slaBoard(@CurrentActor() actor: Actor): Promise<SlaBoardModel> {
    return toSlaBoardModel(await this.board.read(this.clock.now(), actor.restrictedToOpd ?? null));
  }
}
