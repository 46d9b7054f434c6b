import { Inject } from '@nestjs/common';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DateTime } from 'luxon';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { CategoryCatalog } from '../application/category-catalog.service';
import { CategorySuggester } from '../application/category-suggester';
import { ApiError } from '../../../infra/graphql/api-error';
import { ROLLOUT_SETTINGS, RolloutSettings } from '../application/rollout-settings';
import { toCategoryModel, toOpdModel } from './opd.mapper';
import { CategoryModel, CategorySuggestionModel, CategoryVersionModel, Language, OpdModel, RolloutModel } from './opd.model';

const KIND = /^(COMPLAINT|EMERGENCY)$/;

@Resolver(() => OpdModel)
export class OpdResolver {
  constructor(
    private readonly catalog: CategoryCatalog,
    private readonly suggester: CategorySuggester,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROLLOUT_SETTINGS) private readonly rolloutSettings: RolloutSettings,
  ) {}

  @Query(() => [OpdModel], { description: 'The OPDs enabled in this deployment.' })
  async opds(@Args('language', { type: () => Language, defaultValue: Language.ID }) language: Language): Promise<OpdModel[]> {
    return (await this.catalog.opds()).map((o) => toOpdModel(o, language));
  }

  @Query(() => OpdModel, { nullable: true })
  async opd(
    @Args('code') code: string,
    @Args('language', { type: () => Language, defaultValue: Language.ID }) language: Language,
  ): Promise<OpdModel | null> {
    const opd = await this.catalog.opd(code.trim().toUpperCase());
    return opd ? toOpdModel(opd, language) : null;
  }

  @ResolveField(() => [CategoryModel])
  async categories(@Parent() opd: OpdModel): Promise<CategoryModel[]> {
    return (await this.catalog.categories({ opdCode: opd.code })).map((c) => toCategoryModel(c, opd.language));
  }

  @Query(() => [CategoryModel], {
    name: 'categories',
    description: 'Active categories (all, or of one OPD and/or kind), names in the language asked.',
  })
  async listCategories(
    @Args('opd', { type: () => String, nullable: true }) opd: string | null,
    @Args('kind', { type: () => String, nullable: true, description: 'COMPLAINT or EMERGENCY' }) kind: string | null,
    @Args('language', { type: () => Language, defaultValue: Language.ID }) language: Language,
    @Args('includeInactive', { defaultValue: false }) includeInactive: boolean,
  ): Promise<CategoryModel[]> {
    if (kind && !KIND.test(kind)) throw new ApiError('BAD_USER_INPUT', 'kind must be COMPLAINT or EMERGENCY');
    const rows = await this.catalog.categories({ opdCode: opd?.trim().toUpperCase(), kind, includeInactive });
    return rows.map((c) => toCategoryModel(c, language));
  }

  @Query(() => [CategorySuggestionModel], { description: "Categories ranked for a call taker's free text." })
  async categorySuggestions(
    @Args('text') text: string,
    @Args('language', { type: () => Language, defaultValue: Language.ID }) language: Language,
    @Args('limit', { type: () => Int, defaultValue: 5 }) limit: number,
  ): Promise<CategorySuggestionModel[]> {
    if (text.length > 2000) throw new ApiError('BAD_USER_INPUT', 'text must be at most 2,000 characters');
    if (limit < 1 || limit > 20) throw new ApiError('BAD_USER_INPUT', 'limit must be from 1 to 20');
    // The index is the boot's; the database says which categories are active now (an admin may switch one off).
    const active = new Map((await this.catalog.categories({})).map((row) => [row.code, row]));
    return this.suggester.rank(text, language, { limit, only: new Set(active.keys()) }).flatMap(({ category, score, confidence }) => {
      const row = active.get(category.code);
      return row ? [{ category: toCategoryModel(row, language), score, confidence }] : [];
    });
  }

  @Query(() => [CategoryVersionModel], { description: 'Every version of a category: code syncs and admin changes.' })
  async categoryHistory(@Args('code') code: string): Promise<CategoryVersionModel[]> {
    return this.catalog.history(code.trim().toUpperCase());
  }

  @Query(() => RolloutModel, { description: 'Progress of the 100-day rollout of all OPDs.' })
  async rollout(): Promise<RolloutModel> {
    const opds = await this.catalog.opds();
    const launch = DateTime.fromISO(this.rolloutSettings.launchDate, { zone: this.rolloutSettings.timeZone });
    const deadline = launch.plus({ days: this.rolloutSettings.days });
    const today = DateTime.fromJSDate(this.clock.now(), { zone: this.rolloutSettings.timeZone }).startOf('day');
    return {
      opdsLive: opds.filter((o) => o.onboardingStatus === 'LIVE').length,
      opdsPlanned: opds.filter((o) => o.onboardingStatus !== 'LIVE').length,
      launchDate: this.rolloutSettings.launchDate,
      deadline: deadline.toISODate()!,
      daysLeft: Math.max(0, Math.round(deadline.diff(today, 'days').days)),
      opds: opds
        .map((o) => {
          const goLive = DateTime.fromISO(o.goLiveDate, { zone: this.rolloutSettings.timeZone });
          const daysToGoLive = Math.round(goLive.diff(today, 'days').days);
          return {
            code: o.code,
            nameId: o.nameId,
            nameEn: o.nameEn,
            onboardingStatus: o.onboardingStatus,
            goLiveDate: o.goLiveDate,
            daysToGoLive,
            due: o.onboardingStatus !== 'LIVE' && daysToGoLive <= 0,
            afterDeadline: goLive > deadline,
          };
        })
        .sort((a, b) => a.goLiveDate.localeCompare(b.goLiveDate) || a.code.localeCompare(b.code)),
    };
  }
}
