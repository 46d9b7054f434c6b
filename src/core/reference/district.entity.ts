import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A kecamatan of the regency. Reference data: seeded once, then edited by
 * admins, so seeding never overwrites a row that exists.
 */
@Entity({ tableName: 'district' })
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
