import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('District', { description: 'A kecamatan (district) of the regency.' })
export class DistrictModel {
  @Field({ description: 'Stable code, e.g. KINTAMANI.' })
  code!: string;

  @Field()
  name!: string;

  @Field()
  active!: boolean;
}
