import { Args, Field, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import { CategoryCatalog } from '../application/category-catalog.service';
import type { OpdCategory } from '../domain/opd-category.entity';
import { CATEGORY_CODE } from '../opd-module.validator';
import { CategoryAdminResult, CategoryChanged, toCategoryFailure } from './opd-results';
import { toCategoryModel } from './opd.mapper';
import { Language } from './opd.model';

@InputType()
export class CategoryRefInput {
  @Field() @Matches(CATEGORY_CODE, { message: 'code must be a category code' }) code!: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion!: number;
}

@InputType()
export class RenameCategoryInput extends CategoryRefInput {
  @Field(() => String, { nullable: true, description: 'New Indonesian name; null restores the name in code' })
  @IsOptional() @IsString() @MaxLength(120) nameId?: string | null;
  @Field(() => String, { nullable: true, description: 'New English name; null restores the name in code' })
  @IsOptional() @IsString() @MaxLength(120) nameEn?: string | null;
}

type Result = typeof CategoryAdminResult;

/** Admin changes without a deploy; the module's code stays the default. */
@Resolver()
export class CategoryAdminResolver {
  constructor(private readonly catalog: CategoryCatalog) {}

  @Mutation(() => CategoryAdminResult, { description: 'Renames a category (admins); omitted languages keep their name.' })
  renameCategory(@Args('input') input: RenameCategoryInput, @CurrentActor() actor: Actor): Promise<Result> {
    const names: { id?: string | null; en?: string | null } = {};
    if (input.nameId !== undefined) names.id = input.nameId;
    if (input.nameEn !== undefined) names.en = input.nameEn;
    return this.run(() => this.catalog.rename(input.code, input.expectedVersion, names, actor.userId));
  }

  @Mutation(() => CategoryAdminResult, { description: 'Stops offering a category to call takers (admins); tickets keep it.' })
  deactivateCategory(@Args('input') input: CategoryRefInput, @CurrentActor() actor: Actor): Promise<Result> {
    return this.run(() => this.catalog.setActive(input.code, input.expectedVersion, false, actor.userId));
  }

  @Mutation(() => CategoryAdminResult, { description: 'Offers a deactivated category again (admins).' })
  activateCategory(@Args('input') input: CategoryRefInput, @CurrentActor() actor: Actor): Promise<Result> {
    return this.run(() => this.catalog.setActive(input.code, input.expectedVersion, true, actor.userId));
  }

  private async run(change: () => Promise<OpdCategory>): Promise<Result> {
    try {
      return Object.assign(new CategoryChanged(), { category: toCategoryModel(await change(), Language.ID) });
    } catch (error) {
      return toCategoryFailure(error);
    }
  }
}
