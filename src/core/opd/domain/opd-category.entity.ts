import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import type { AttributeDefinition, DuplicateRule } from '../opd-module.contract';
import { Opd } from './opd.entity';

/**
 * A category as synced from its OPD module, plus what admins changed without
 * a deploy (a name override, deactivation). A category removed from code is
 * marked `inCode = false`, never deleted: tickets keep pointing at it.
 */
@Entity({ tableName: 'opd_category' })
@Index({ name: 'opd_category_opd_idx', properties: ['opd'] })
export class OpdCategory {
  [PrimaryKeyProp]?: 'code';
  [OptionalProps]?: 'nameIdOverride' | 'nameEnOverride' | 'adminActive' | 'inCode' | 'version' | 'descriptionId' | 'descriptionEn' | 'active' | 'names' | 'duplicateRule';

  @PrimaryKey({ type: 'text' })
  code!: string;

  @ManyToOne(() => Opd, { deleteRule: 'restrict' })
  opd!: Opd;

  /** The names in the module's code (the default). */
  @Property({ type: 'text' })
  nameId!: string;

  @Property({ type: 'text' })
  nameEn!: string;

  /** An admin's rename; null = use the code's name. */
  @Property({ type: 'text', nullable: true })
  nameIdOverride: string | null = null;

  @Property({ type: 'text', nullable: true })
  nameEnOverride: string | null = null;

  @Property({ type: 'text', nullable: true })
  descriptionId: string | null = null;

  @Property({ type: 'text', nullable: true })
  descriptionEn: string | null = null;

  @Property({ type: 'text' })
  defaultKind!: string;

  @Property({ type: 'text' })
  defaultPriority!: string;

  @Property({ type: 'boolean' })
  fieldResponse!: boolean;

  @Property({ type: 'json' })
  keywords!: { id: string[]; en: string[] };

  @Property({ type: 'json' })
  attributes!: AttributeDefinition[];

  /** The module's duplicate rule (radius, window, related categories); null: the defaults. */
  @Property({ type: 'json', nullable: true })
  duplicateRule: DuplicateRule | null = null;

  /** An admin may switch a category off (and on again) without a deploy. */
  @Property({ type: 'boolean', default: true })
  adminActive: boolean = true;

  /** False when the category is gone from the module's code. */
  @Property({ type: 'boolean', default: true })
  inCode: boolean = true;

  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: 'text' })
  definitionHash!: string;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  /** Offered to call takers: still in code and not switched off by an admin. */
  get active(): boolean {
    return this.adminActive && this.inCode;
  }

  /** The names to show: an admin's rename wins over the module's. */
  get names(): { id: string; en: string } {
    return { id: this.nameIdOverride ?? this.nameId, en: this.nameEnOverride ?? this.nameEn };
  }
}
