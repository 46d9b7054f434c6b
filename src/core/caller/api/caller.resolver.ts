import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiError } from '../../../infra/graphql/api-error';
import type { Actor } from '../../actor';
import { CurrentActor } from '../../actor';
import { FlagCallerCommand } from '../commands/flag-caller/flag-caller.command';
import { UnflagCallerCommand } from '../commands/unflag-caller/unflag-caller.command';
import type { CallerFlag } from '../domain/caller-flag.entity';
import { CallerErrorCode, CallerException } from '../domain/caller.exception';
import { CallerHistory, CallerHistoryQuery } from '../queries/caller-history/caller-history.query';
import { CallerFlagInput, CallerFlagModel, CallerHistoryModel, CallerTicketModel, UnflagCallerInput } from './caller.model';

const MAX_HISTORY = 100;
const API_CODE: Record<CallerErrorCode, string> = {
  [CallerErrorCode.INVALID_INPUT]: 'BAD_USER_INPUT',
  [CallerErrorCode.ALREADY_FLAGGED]: 'CONFLICT',
  [CallerErrorCode.NOT_FLAGGED]: 'NOT_FOUND',
};

@Resolver()
export class CallerResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
  ) {}

  @Query(() => CallerHistoryModel, {
    description:
      "A caller's earlier contacts by phone number (normalised like the intake's), newest first, and any prank/hoax flag. " +
      'Every lookup is recorded in the reporter access log (operation Query.callerHistory).',
  })
  async callerHistory(
    @Args('phone') phone: string,
    @Args('limit', { type: () => Int, defaultValue: 20 }) limit: number,
    @CurrentActor() actor: Actor,
  ): Promise<CallerHistoryModel> {
    if (limit < 1 || limit > MAX_HISTORY) throw new ApiError('BAD_USER_INPUT', `limit must be from 1 to ${MAX_HISTORY}`);
    const found = await atCallerEdge(() =>
      this.queryBus.execute<CallerHistoryQuery, CallerHistory>(new CallerHistoryQuery(phone, limit, actor, 'Query.callerHistory')),
    );
    return {
      phone: found.phone,
      flag: found.activeFlag ? toFlagModel(found.activeFlag) : null,
      flags: found.flags.map(toFlagModel),
      history: found.tickets.map((t) => Object.assign(new CallerTicketModel(), t)),
      ticketCount: found.ticketCount,
    };
  }

  @Mutation(() => CallerFlagModel, { description: 'Flags a number as a repeated prank/hoax caller, with why (supervisors). It never blocks a report.' })
  async flagCaller(@Args('input', { type: () => CallerFlagInput }) input: CallerFlagInput, @CurrentActor() actor: Actor): Promise<CallerFlagModel> {
    const flag = await atCallerEdge(() => this.commandBus.execute<FlagCallerCommand, CallerFlag>(new FlagCallerCommand({ ...input, actor })));
    return toFlagModel(flag);
  }

  @Mutation(() => CallerFlagModel, { description: "Clears a number's active flag, with why; it stays in the history." })
  async unflagCaller(@Args('input', { type: () => UnflagCallerInput }) input: UnflagCallerInput, @CurrentActor() actor: Actor): Promise<CallerFlagModel> {
    const flag = await atCallerEdge(() => this.commandBus.execute<UnflagCallerCommand, CallerFlag>(new UnflagCallerCommand({ ...input, actor })));
    return toFlagModel(flag);
  }
}

function toFlagModel(flag: CallerFlag): CallerFlagModel {
  return {
    id: flag.id,
    phone: flag.phone,
    reason: flag.reason,
    flaggedBy: flag.flaggedBy,
    flaggedAt: flag.flaggedAt,
    clearedBy: flag.clearedBy,
    clearedAt: flag.clearedAt,
    clearReason: flag.clearReason,
    active: flag.clearedAt === null,
  };
}

/** The one place a CallerException becomes an API error. */
async function atCallerEdge<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CallerException) throw new ApiError(API_CODE[error.code], error.message, error.details);
    throw error;
  }
}
