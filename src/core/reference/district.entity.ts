import { Check, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A kecamatan of the regency. Reference data: seeded once, then edited by
 * admins, so seeding never overwrites a row that exists.
 */
@Entity({ tableName: 'district' })
@Check({ name: 'district_code_check', expression: "code ~ '^[A-Z][A-Z0-9_-]{1,31}$'" })
export class District {
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'smallint', default: 0 })
  sortOrder: number = 0;
}
