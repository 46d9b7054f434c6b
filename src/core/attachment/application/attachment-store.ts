import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live, by their SHA-256 (hex): the same bytes are
 * stored once. The local folder store is the default; an object store (S3,
 * MinIO) can replace it behind this interface. Every method is idempotent:
 * putting existing bytes or deleting missing ones is not an error.
 *
 * @example
 * { provide: ATTACHMENT_STORE, useFactory: () => new LocalAttachmentStore('/var/lib/sigap/attachments') }
 */
export interface AttachmentStore {
  put(sha256: string, bytes: Buffer): Promise<void>;
  /** The bytes as a stream, or null when nothing is stored under the hash. */
  get(sha256: string): Promise<Readable | null>;
  delete(sha256: string): Promise<void>;
  exists(sha256: string): Promise<boolean>;
}

export const ATTACHMENT_STORE = Symbol('ATTACHMENT_STORE');
