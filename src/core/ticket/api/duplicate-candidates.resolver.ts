import { Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { ApiError } from '../../../infra/graphql/api-error';
import { DuplicateCandidatesQuery, DuplicateSearch } from '../queries/duplicate-candidates/duplicate-candidates.query';
import { DuplicateCandidatesModel, DuplicateDraftInput } from './duplicate-candidates.model';

const MAX_CANDIDATES = 50;

@Resolver()
export class DuplicateCandidatesResolver {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => DuplicateCandidatesModel, {
    description:
      'Open tickets that may report the same incident as a report being taken: the same or a related category (or a similar description) ' +
      "within the category's radius (default 500 m) or in the same village, within its time window (default 48 h; 6 h for emergencies); " +
      'each with a score and reasons. Then markDuplicate merges the later report into the earlier one.',
  })
  async duplicateCandidates(
    @Args('draft', { type: () => DuplicateDraftInput }) draft: DuplicateDraftInput,
    @Args('limit', { type: () => Int, defaultValue: 10 }) limit: number,
  ): Promise<DuplicateCandidatesModel> {
    if (limit < 1 || limit > MAX_CANDIDATES) throw new ApiError('BAD_USER_INPUT', `limit must be from 1 to ${MAX_CANDIDATES}`);
    const hasPoint = draft.latitude != null && draft.longitude != null;
    if ((draft.latitude == null) !== (draft.longitude == null)) throw new ApiError('BAD_USER_INPUT', 'give latitude and longitude together');
    const village = draft.village?.trim() || null;
    const district = draft.district?.trim().toUpperCase() || null;
    if (!hasPoint && !(village && district)) throw new ApiError('BAD_USER_INPUT', 'give coordinates, or a district and a village');
    const search = await this.queryBus.execute<DuplicateCandidatesQuery, DuplicateSearch>(
      new DuplicateCandidatesQuery(
        {
          categoryCode: draft.categoryCode ?? null,
          kind: draft.kind ?? null,
          latitude: draft.latitude ?? null,
          longitude: draft.longitude ?? null,
          district,
          village,
          description: draft.description?.trim() || null,
          reportedAt: draft.reportedAt ?? this.clock.now(),
        },
        limit,
      ),
    );
    return { radiusMeters: search.radiusMeters, windowHours: search.windowHours, candidates: search.candidates.map((c) => ({ ...c, reasons: [...c.reasons] })) };
  }
}
