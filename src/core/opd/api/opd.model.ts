import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum Language {
  ID = 'id',
  EN = 'en',
}
registerEnumType(Language, { name: 'Language', description: 'id (Indonesian) or en (English)' });

@ObjectType('OpdContact')
export class OpdContactModel {
  @Field() label!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
}

@ObjectType('AttributeValue')
export class AttributeValueModel {
  @Field() key!: string;
  @Field() name!: string;
}

@ObjectType('CategoryAttribute', { description: 'A question the call taker asks (an Open311 service attribute).' })
export class CategoryAttributeModel {
  @Field() code!: string;
  @Field({ description: 'string, number, datetime, text, singlevaluelist or multivaluelist' }) datatype!: string;
  @Field() required!: boolean;
  @Field(() => Int) order!: number;
  @Field() description!: string;
  @Field(() => [AttributeValueModel]) values!: AttributeValueModel[];
}

@ObjectType('Category')
export class CategoryModel {
  @Field() code!: string;
  @Field({ description: 'The responsible OPD' }) opdCode!: string;
  @Field({ description: 'In the requested language; an admin rename wins over the module' }) name!: string;
  @Field() nameId!: string;
  @Field() nameEn!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field({ description: 'COMPLAINT or EMERGENCY' }) defaultKind!: string;
  @Field() defaultPriority!: string;
  @Field() fieldResponse!: boolean;
  @Field(() => [String], { description: 'In the requested language' }) keywords!: string[];
  @Field(() => [CategoryAttributeModel]) attributes!: CategoryAttributeModel[];
  @Field({ description: 'Offered to call takers: not deactivated by an admin and still in code' }) active!: boolean;
  @Field({ description: 'False once the module no longer declares it' }) inCode!: boolean;
  @Field(() => Int, { description: 'Send it back as expectedVersion with an admin change' }) version!: number;
}

@ObjectType('Opd', { description: 'A regional government agency (Organisasi Perangkat Daerah).' })
export class OpdModel {
  @Field() code!: string;
  @Field() name!: string;
  @Field() nameId!: string;
  @Field() nameEn!: string;
  @Field() description!: string;
  @Field(() => [OpdContactModel]) contacts!: OpdContactModel[];
  @Field(() => [String], { nullable: true, description: 'District codes; null for the whole regency' }) coverageDistricts!: string[] | null;
  @Field({ description: 'PLANNED, ONBOARDING or LIVE' }) onboardingStatus!: string;
  @Field() goLiveDate!: string;
  @Field({ description: 'Still enabled in config/' }) enabled!: boolean;
  /** Carried for the categories field resolver. */
  language!: Language;
}

@ObjectType('CategorySuggestion')
export class CategorySuggestionModel {
  @Field(() => CategoryModel) category!: CategoryModel;
  @Field({ description: 'Higher is a better match; comparable within one answer only' }) score!: number;
  @Field({
    description:
      'How sure the ranking is that this is the category, from 0 to 1: high when the words match it strongly and ' +
      'no other category shares them. The confidences of one answer add up to at most 1; an empty answer means nothing matched.',
  })
  confidence!: number;
}

@ObjectType('RolloutOpd', { description: 'One OPD on the rollout board.' })
export class RolloutOpdModel {
  @Field() code!: string;
  @Field() nameId!: string;
  @Field() nameEn!: string;
  @Field({ description: 'PLANNED, ONBOARDING or LIVE' }) onboardingStatus!: string;
  @Field({ description: 'YYYY-MM-DD, planned or actual' }) goLiveDate!: string;
  @Field(() => Int, { description: 'Days from today (WITA) to its go-live date; negative once the date has passed' }) daysToGoLive!: number;
  @Field({ description: 'Not live, and its go-live date has come (today or earlier)' }) due!: boolean;
  @Field({ description: 'Its go-live date falls after the rollout deadline' }) afterDeadline!: boolean;
}

@ObjectType('Rollout', { description: 'The promise: every OPD live within the rollout days of the launch.' })
export class RolloutModel {
  @Field(() => Int) opdsLive!: number;
  @Field(() => Int, { description: 'Known OPDs not live yet (planned or onboarding)' }) opdsPlanned!: number;
  @Field() launchDate!: string;
  @Field() deadline!: string;
  @Field(() => Int, { description: 'Days until the deadline (0 once passed), counted in WITA' }) daysLeft!: number;
  @Field(() => [RolloutOpdModel], { description: 'Every known OPD, by go-live date then code' }) opds!: RolloutOpdModel[];
}

@ObjectType('CategoryVersion')
export class CategoryVersionModel {
  @Field(() => Int) version!: number;
  @Field() change!: string;
  @Field(() => String, { nullable: true }) actorId!: string | null;
  @Field(() => GraphQLISODateTime) recordedAt!: Date;
}
