import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ATTACHMENT_SETTINGS, type AttachmentSettings } from '../application/attachment-settings';
import { OrphanCleanup } from './orphan-cleanup';

const NAME = 'attachment-orphan-cleanup';

/**
 * Runs the orphan cleanup every ATTACHMENT_CLEANUP_INTERVAL_MS on this
 * instance when ATTACHMENT_CLEANUP_ENABLED (tests call `OrphanCleanup.sweep`
 * themselves). Registered at run time because the interval is configuration.
 */
@Injectable()
export class OrphanCleanupScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Attachments');
  private running = false;

  constructor(
    private readonly cleanup: OrphanCleanup,
    private readonly registry: SchedulerRegistry,
    @Inject(ATTACHMENT_SETTINGS) private readonly settings: AttachmentSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.cleanupEnabled) return;
    const timer = setInterval(() => void this.run(), this.settings.cleanupIntervalMs);
    timer.unref();
    this.registry.addInterval(NAME, timer);
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('interval', NAME)) this.registry.deleteInterval(NAME);
  }

  private async run(): Promise<void> {
    // One sweep at a time per instance; other instances skip the rows it holds.
    if (this.running) return;
    this.running = true;
    try {
      const { rows, blobs } = await this.cleanup.sweep();
      if (rows) this.logger.log(`deleted ${rows} unreferenced uploads and ${blobs} stored files`);
    } catch (error) {
      this.logger.warn(`attachment cleanup failed (the next interval retries): ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
