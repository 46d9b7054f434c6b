import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import type { AttachmentStore } from '../application/attachment-store';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Attachments in a local folder: `<dir>/ab/cd/abcd…` (two levels of fan-out
 * keep folders small). A write goes to a temporary name and is renamed into
 * place, so a reader never sees half a file, and two writers of the same
 * bytes both end with the same whole file.
 *
 * @example
 * const store = new LocalAttachmentStore(config.attachments.dir);
 * await store.put(sha, bytes);
 */
export class LocalAttachmentStore implements AttachmentStore {
  constructor(private readonly dir: string) {}

  async put(sha256: string, bytes: Buffer): Promise<void> {
    const file = this.pathOf(sha256);
    if (await this.exists(sha256)) return;
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o640 });
    await rename(temporary, file);
  }

  async get(sha256: string): Promise<Readable | null> {
    if (!(await this.exists(sha256))) return null;
    return createReadStream(this.pathOf(sha256));
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  /** The only way to a path: a hash that is not 64 hex digits never becomes one (no traversal). */
  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
    return path.join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}
