import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { ATTACHMENT_SETTINGS, type AttachmentSettings } from '../application/attachment-settings';
import { ATTACHMENT_STORE, type AttachmentStore } from '../application/attachment-store';
import { deleteBlobIfUnused } from '../application/blob-lock';

/** Rows per transaction: small enough that a batch's blob deletions finish quickly under their locks. */
export const CLEANUP_BATCH = 200;

/**
 * Deletes uploads no ticket references once they are older than
 * ATTACHMENT_ORPHAN_HOURS: the rows, and each blob no remaining row names.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so several instances share
 * the work and a command binding an upload right now (it holds the row lock)
 * is skipped, not raced. Blob deletion happens inside the claiming
 * transaction under the blob's lock (see blob-lock.ts); if that transaction
 * then fails to commit, its rows come back pointing at deleted blobs and are
 * claimed again on the next run (they were orphans anyway).
 *
 * @example
 * await cleanup.sweep(); // { rows: 12, blobs: 9 }
 */
@Injectable()
export class OrphanCleanup {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ATTACHMENT_SETTINGS) private readonly settings: AttachmentSettings,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
  ) {}

  async sweep(): Promise<{ rows: number; blobs: number }> {
    const cutoff = new Date(this.clock.now().getTime() - this.settings.orphanAfterMs);
    const total = { rows: 0, blobs: 0 };
    for (;;) {
      const batch = await this.sweepBatch(cutoff);
      total.rows += batch.rows;
      total.blobs += batch.blobs;
      if (batch.rows < CLEANUP_BATCH) return total;
    }
  }

  private sweepBatch(cutoff: Date): Promise<{ rows: number; blobs: number }> {
    return this.em.fork().transactional(async (tx) => {
      const claimed = await tx.execute<Array<{ id: string; sha256: string }>>(
        `select id, sha256 from attachment where ticket_id is null and created_at < ? order by created_at limit ? for update skip locked`,
        [cutoff, CLEANUP_BATCH],
      );
      if (claimed.length === 0) return { rows: 0, blobs: 0 };
      await tx.execute(`delete from attachment where id in (select cast(value as uuid) from jsonb_array_elements_text(cast(? as jsonb)))`, [
        JSON.stringify(claimed.map((r) => r.id)),
      ]);
      let blobs = 0;
      // Sorted: two instances lock blobs in the same order and never deadlock.
      for (const sha256 of [...new Set(claimed.map((r) => r.sha256))].sort()) {
        if (await deleteBlobIfUnused(tx, this.store, sha256)) blobs++;
      }
      return { rows: claimed.length, blobs };
    });
  }
}
