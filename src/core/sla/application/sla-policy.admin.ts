import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import type { Actor } from '../../actor';
import { entityManagerSql } from '../../../infra/database/sql-runner';
import { OpdDirectory } from '../../opd';
import { TicketState } from '../../ticket';
import { SlaCalendar } from '../domain/sla-calendar.entity';
import { METRIC_DEFAULTS, MetricDefinition, milestoneRank, Milestone, SlaMetricCode } from '../domain/sla-metric';
import { policyMatchKey, SlaPolicy, SlaPolicySource, SlaPolicyVersion } from '../domain/sla-policy.entity';
import { SlaException } from '../domain/sla.exception';
import { POLICY_LEAD_MS, SlaCatalog } from './sla-catalog';
import { LIFECYCLE_PAUSE_STATES } from './sla-defaults';

/** A metric as an admin sends it; omitted parts take the metric's defaults. */
export interface MetricDraft {
  readonly metric: SlaMetricCode;
  readonly start?: Milestone;
  readonly stop?: Milestone;
  readonly pauseStates?: readonly TicketState[];
  readonly calendar: string;
  readonly targetMinutes: number;
  readonly warnings?: readonly number[];
}

export interface PolicyDraft {
  readonly name: string;
  readonly opdCode?: string | null;
  readonly categoryCode?: string | null;
  readonly kind?: string | null;
  readonly priority?: string | null;
  readonly metrics: readonly MetricDraft[];
  readonly effectiveFrom?: Date;
  readonly note?: string;
}

/**
 * Admins' changes to SLA policies. Nothing is edited in place: every change
 * is a new version in force from a date no sooner than POLICY_LEAD_MS ahead,
 * so tickets keep the version they were given and every instance agrees.
 *
 * @example
 * await admin.create({ name: 'Urgent DISHUB complaints', opdCode: 'DISHUB', priority: 'URGENT', metrics: [...] }, actor);
 */
@Injectable()
export class SlaPolicyAdmin {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: SlaCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly opds: OpdDirectory,
  ) {}

  /** Every policy with its versions, or just the one with `id`. */
  async list(id?: string): Promise<Array<{ policy: SlaPolicy; versions: SlaPolicyVersion[] }>> {
    const em = this.em.fork();
    const [policies, versions] = await Promise.all([
      em.find(SlaPolicy, id ? { id } : {}, { orderBy: { matchKey: 'asc' } }),
      em.find(SlaPolicyVersion, id ? { policy: id } : {}, { orderBy: { version: 'asc' } }),
    ]);
    return policies.map((policy) => ({ policy, versions: versions.filter((v) => v.policy.id === policy.id) }));
  }

  async create(draft: PolicyDraft, actor: Actor): Promise<SlaPolicy> {
    const now = this.clock.now();
    const policy = await this.em.fork().transactional(async (tx) => {
      const criteria = await this.criteria(tx, draft);
      const matchKey = policyMatchKey(criteria);
      if (await tx.count(SlaPolicy, { matchKey })) {
        throw SlaException.invalidInput([`a policy for ${matchKey} exists already: change that one`]);
      }
      const metrics = await this.metrics(tx, draft.metrics);
      const created = tx.create(SlaPolicy, { name: draft.name.trim(), ...criteria, matchKey, source: SlaPolicySource.ADMIN, version: 1, createdAt: now, updatedAt: now });
      tx.create(SlaPolicyVersion, {
        policy: created, version: 1, effectiveFrom: this.effectiveFrom(draft.effectiveFrom, null), active: true, metrics, note: draft.note ?? null, createdBy: actor.userId, createdAt: now,
      });
      return created;
    });
    this.catalog.invalidate();
    return policy;
  }

  /** A new version with new clocks; the policy becomes the admins' (code no longer updates it). */
  change(id: string, expectedVersion: number, metrics: readonly MetricDraft[], effectiveFrom: Date | undefined, note: string | undefined, actor: Actor): Promise<SlaPolicy> {
    return this.newVersion(id, expectedVersion, actor, note, effectiveFrom, async (tx) => ({ active: true, metrics: await this.metrics(tx, metrics) }));
  }

  deactivate(id: string, expectedVersion: number, effectiveFrom: Date | undefined, note: string | undefined, actor: Actor): Promise<SlaPolicy> {
    return this.newVersion(id, expectedVersion, actor, note, effectiveFrom, async () => ({ active: false, metrics: [] }));
  }

  private async newVersion(
    id: string,
    expectedVersion: number,
    actor: Actor,
    note: string | undefined,
    effectiveFrom: Date | undefined,
    content: (tx: EntityManager) => Promise<{ active: boolean; metrics: MetricDefinition[] }>,
  ): Promise<SlaPolicy> {
    const now = this.clock.now();
    const policy = await this.em.fork().transactional(async (tx) => {
      const policy = await tx.findOne(SlaPolicy, { id });
      if (!policy) throw SlaException.policyNotFound(id);
      if (policy.version !== expectedVersion) throw SlaException.versionConflict(`Policy ${policy.name}`, policy.version);
      const latest = await tx.findOneOrFail(SlaPolicyVersion, { policy, version: policy.version });
      const version = policy.version + 1;
      tx.create(SlaPolicyVersion, {
        policy, version, effectiveFrom: this.effectiveFrom(effectiveFrom, latest.effectiveFrom), ...(await content(tx)), note: note ?? null, createdBy: actor.userId, createdAt: now,
      });
      // The conditional update is the optimistic lock: a concurrent admin's change makes it match nothing.
      const updated = await tx.nativeUpdate(SlaPolicy, { id, version: expectedVersion }, { version, source: SlaPolicySource.ADMIN, updatedAt: now });
      if (updated !== 1) throw SlaException.versionConflict(`Policy ${policy.name}`, version);
      return tx.findOneOrFail(SlaPolicy, { id }, { refresh: true });
    });
    this.catalog.invalidate();
    return policy;
  }

  /** No sooner than the lead (every instance's cache has turned over), never before the previous version. */
  private effectiveFrom(requested: Date | undefined, previous: Date | null): Date {
    const earliest = new Date(Math.max(this.clock.now().getTime() + POLICY_LEAD_MS, previous ? previous.getTime() : 0));
    if (!requested) return earliest;
    if (requested < earliest) {
      throw SlaException.invalidInput([`effectiveFrom must be ${earliest.toISOString()} or later (changes apply to tickets created after every instance has seen them)`]);
    }
    return requested;
  }

  private async criteria(tx: EntityManager, draft: PolicyDraft) {
    let opdCode = draft.opdCode ?? null;
    const categoryCode = draft.categoryCode ?? null;
    if (categoryCode) {
      const owner = await this.opds.categoryOwner(categoryCode, entityManagerSql(tx));
      if (!owner) throw SlaException.invalidInput([`categoryCode: no category ${categoryCode}`]);
      if (opdCode && opdCode !== owner) throw SlaException.invalidInput([`categoryCode: ${categoryCode} belongs to ${owner}, not ${opdCode}`]);
      opdCode = owner;
    } else if (opdCode) {
      if (!(await this.opds.exists(opdCode, entityManagerSql(tx)))) throw SlaException.invalidInput([`opdCode: no OPD ${opdCode}`]);
    }
    return { opdCode, categoryCode, kind: draft.kind ?? null, priority: draft.priority ?? null };
  }

  private async metrics(tx: EntityManager, drafts: readonly MetricDraft[]): Promise<MetricDefinition[]> {
    const problems: string[] = [];
    const calendars = new Set((await tx.find(SlaCalendar, {}, { fields: ['code'] })).map((c) => c.code));
    const seen = new Set<string>();
    const metrics = drafts.map((draft, i) => {
      const at = `metrics[${i}] (${draft.metric})`;
      if (seen.has(draft.metric)) problems.push(`${at}: metric given twice`);
      seen.add(draft.metric);
      const metric: MetricDefinition = {
        metric: draft.metric,
        start: draft.start ?? METRIC_DEFAULTS[draft.metric].start,
        stop: draft.stop ?? METRIC_DEFAULTS[draft.metric].stop,
        pauseStates: [...(draft.pauseStates ?? LIFECYCLE_PAUSE_STATES)],
        calendar: draft.calendar,
        targetMinutes: draft.targetMinutes,
        warnings: [...(draft.warnings ?? [0.5, 0.75, 0.9])].sort((a, b) => a - b),
      };
      if (milestoneRank(metric.start) >= milestoneRank(metric.stop)) problems.push(`${at}: start ${metric.start} must come before stop ${metric.stop}`);
      if (!calendars.has(metric.calendar)) problems.push(`${at}: no calendar ${metric.calendar}`);
      // Records are keyed by whole percent: 0.004 or 0.996 would be no warning at all.
      if (metric.warnings.some((w) => !(w >= 0.01 && w <= 0.99))) problems.push(`${at}: warnings must be fractions from 0.01 to 0.99`);
      return metric;
    });
    if (problems.length) throw SlaException.invalidInput(problems);
    return metrics;
  }
}
