import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export enum CategoryChange {
  /** The module's code changed the definition (at a boot). */
  CODE_SYNC = 'CODE_SYNC',
  CODE_REMOVED = 'CODE_REMOVED',
  ADMIN_RENAME = 'ADMIN_RENAME',
  ADMIN_DEACTIVATE = 'ADMIN_DEACTIVATE',
  ADMIN_ACTIVATE = 'ADMIN_ACTIVATE',
}

/**
 * Every version a category ever had, with who or what changed it, so a
 * ticket's category can be read as it was when the ticket was handled.
 */
@Entity({ tableName: 'opd_category_version' })
export class OpdCategoryVersion {
  [OptionalProps]?: 'actorId';

  @PrimaryKey({ type: 'text' })
  categoryCode!: string;

  @PrimaryKey({ type: 'integer' })
  version!: number;

  @Enum({ items: () => CategoryChange, type: 'text' })
  change!: CategoryChange;

  @Property({ type: 'text', nullable: true })
  actorId: string | null = null;

  /** The full row as it became with this version. */
  @Property({ type: 'json' })
  snapshot!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  recordedAt!: Date;
}
