import { EntityManager } from '@mikro-orm/postgresql';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { entityManagerSql } from '../../../infra/database/sql-runner';
import { SLA_SETTINGS, SlaSettings } from './sla-settings';
import { foldComplianceDeltas } from './sla-compliance.repository';

const INTERVAL_NAME = 'sla-compliance-fold';
/** How often the deltas are folded. The report reads unfolded deltas too, so this bounds their number, not correctness. */
export const COMPLIANCE_FOLD_INTERVAL_MS = 30_000;

/**
 * Moves the compliance deltas the clock triggers append into the day rows,
 * on every instance that sweeps (the SQL function takes an advisory lock, so
 * only one folds at a time; the others return at once).
 */
@Injectable()
export class SlaComplianceFolder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SlaComplianceFolder');
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly registry: SchedulerRegistry,
    @Inject(SLA_SETTINGS) private readonly settings: SlaSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.sweepEnabled) return;
    this.registry.addInterval(INTERVAL_NAME, setInterval(() => void this.foldOnce(), COMPLIANCE_FOLD_INTERVAL_MS));
  }

  /** One fold now (also for tests and the bench); resolves with the number of (day, OPD, metric) rows touched. */
  foldOnce(): Promise<number> {
    this.running ??= foldComplianceDeltas(entityManagerSql(this.em.fork()))
      .catch((error: unknown) => {
        // A database outage: the deltas stay and the next interval folds them.
        this.logger.warn(`compliance fold failed: ${(error as Error).message}`);
        return 0;
      })
      .finally(() => (this.running = null));
    return this.running as Promise<number>;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('interval', INTERVAL_NAME)) this.registry.deleteInterval(INTERVAL_NAME);
    await this.running;
  }
}
