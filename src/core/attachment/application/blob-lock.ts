import type { EntityManager } from '@mikro-orm/postgresql';
import type { AttachmentStore } from './attachment-store';

/**
 * A transaction-scoped advisory lock on one blob (by hash): the upload holds
 * it while it writes the blob and its row, the cleanup while it checks that
 * no row names a blob and deletes it. Released at commit or rollback.
 *
 * @example
 * await em.fork().transactional(async (tx) => { await blobLock(tx, sha256); … });
 */
export async function blobLock(tx: EntityManager, sha256: string): Promise<void> {
  await tx.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`attachment-blob:${sha256}`]);
}

/** Deletes the blob when no row names it any more (under its lock). Returns whether it did. */
export async function deleteBlobIfUnused(tx: EntityManager, store: AttachmentStore, sha256: string): Promise<boolean> {
  await blobLock(tx, sha256);
  const [row] = await tx.execute<Array<{ used: boolean }>>(`select exists (select 1 from attachment where sha256 = ?) as used`, [sha256]);
  if (row.used) return false;
  await store.delete(sha256);
  return true;
}

/** After a failed upload: drop its blob unless another upload of the same bytes keeps it. */
export async function releaseUnusedBlob(em: EntityManager, store: AttachmentStore, sha256: string): Promise<void> {
  await em.fork().transactional((tx) => deleteBlobIfUnused(tx, store, sha256));
}
