import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import type { MetricDefinition } from './sla-metric';

/** Who wrote a policy: the core's defaults, an OPD module's, or an admin. */
export enum SlaPolicySource {
  CORE = 'CORE',
  MODULE = 'MODULE',
  ADMIN = 'ADMIN',
}

/**
 * Which tickets a policy is for. Its versions carry the clocks; a ticket uses
 * the version in force when it was created (or last re-evaluated).
 */
@Entity({ tableName: 'sla_policy' })
export class SlaPolicy {
  [OptionalProps]?: 'id' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  opdCode: string | null = null;

  @Property({ type: 'text', nullable: true })
  categoryCode: string | null = null;

  @Property({ type: 'text', nullable: true })
  kind: string | null = null;

  @Property({ type: 'text', nullable: true })
  priority: string | null = null;

  /** opd|category|kind|priority with '*' for "any": one policy per match. */
  @Property({ type: 'text', unique: 'sla_policy_match_key_unique' })
  matchKey!: string;

  @Property({ type: 'text' })
  source!: SlaPolicySource;

  /** The newest version's number; also the optimistic lock for admins. */
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** One version of a policy's clocks, in force from `effectiveFrom`. Never changed once written. */
@Entity({ tableName: 'sla_policy_version' })
export class SlaPolicyVersion {
  [PrimaryKeyProp]?: ['policy', 'version'];
  [OptionalProps]?: 'note';

  @ManyToOne(() => SlaPolicy, { primary: true, deleteRule: 'cascade' })
  policy!: SlaPolicy;

  @PrimaryKey({ type: 'integer' })
  version!: number;

  @Property({ type: 'timestamptz' })
  effectiveFrom!: Date;

  /** False: from `effectiveFrom` the policy no longer applies. */
  @Property({ type: 'boolean' })
  active!: boolean;

  @Property({ type: 'json' })
  metrics!: MetricDefinition[];

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}

/** The match key of a policy's criteria. */
export function policyMatchKey(criteria: { opdCode?: string | null; categoryCode?: string | null; kind?: string | null; priority?: string | null }): string {
  return [criteria.opdCode, criteria.categoryCode, criteria.kind, criteria.priority].map((v) => v ?? '*').join('|');
}
