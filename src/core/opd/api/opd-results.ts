import { createUnionType, Field, Int, ObjectType } from '@nestjs/graphql';
import { OpdErrorCode, OpdException } from '../domain/opd.exception';
import { CategoryModel } from './opd.model';

@ObjectType()
export class CategoryChanged {
  @Field(() => CategoryModel) category!: CategoryModel;
}

@ObjectType()
export class CategoryNotFound {
  @Field() message!: string;
  @Field() code!: string;
}

@ObjectType({ description: 'Another admin changed the category since you read it.' })
export class CategoryVersionConflict {
  @Field() message!: string;
  @Field(() => Int) currentVersion!: number;
}

@ObjectType()
export class InvalidCategoryChange {
  @Field() message!: string;
  @Field(() => [String]) problems!: string[];
}

export const CategoryAdminResult = createUnionType({
  name: 'CategoryAdminResult',
  types: () => [CategoryChanged, CategoryNotFound, CategoryVersionConflict, InvalidCategoryChange] as const,
  resolveType: (value: object) => value.constructor,
});

/** The only place an OpdException becomes API data. */
export function toCategoryFailure(error: unknown): CategoryNotFound | CategoryVersionConflict | InvalidCategoryChange {
  if (!(error instanceof OpdException)) throw error;
  switch (error.code) {
    case OpdErrorCode.CATEGORY_NOT_FOUND:
      return Object.assign(new CategoryNotFound(), { message: error.message, code: error.details.code });
    case OpdErrorCode.VERSION_CONFLICT:
      return Object.assign(new CategoryVersionConflict(), { message: error.message, currentVersion: error.details.currentVersion });
    case OpdErrorCode.INVALID_INPUT:
      return Object.assign(new InvalidCategoryChange(), { message: error.message, problems: error.details.problems });
  }
}
