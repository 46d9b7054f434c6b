import { Entity, OptionalProps, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * An OPD as last synced from its module. The module's code is the source of
 * truth; this row lets tickets reference the OPD and keeps it when a module
 * is disabled (history survives).
 */
@Entity({ tableName: 'opd' })
export class Opd {
  [PrimaryKeyProp]?: 'code';
  [OptionalProps]?: 'inCode' | 'version';

  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  nameId!: string;

  @Property({ type: 'text' })
  nameEn!: string;

  @Property({ type: 'text' })
  descriptionId!: string;

  @Property({ type: 'text' })
  descriptionEn!: string;

  @Property({ type: 'json' })
  contacts!: Array<{ label: string; phone?: string; email?: string }>;

  /** null: the whole regency; otherwise district codes. */
  @Property({ type: 'json', nullable: true })
  coverageDistricts: string[] | null = null;

  @Property({ type: 'text' })
  onboardingStatus!: string;

  @Property({ type: 'date' })
  goLiveDate!: string;

  /** The module's SLA targets and escalation ladder as declared (read by the SLA engine). */
  @Property({ type: 'json' })
  policy!: Record<string, unknown>;

  /** False once the module is no longer enabled in config/. */
  @Property({ type: 'boolean', default: true })
  inCode: boolean = true;

  /** Bumped whenever the synced definition changes. */
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: 'text' })
  definitionHash!: string;

  @Property({ type: 'timestamptz' })
  syncedAt!: Date;
}
