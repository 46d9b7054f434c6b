import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { AttachmentException } from '../domain/attachment.exception';
import { ATTACHMENT_STORE, type AttachmentStore } from './attachment-store';
import { DownloadLinks } from './download-links';

/** An attachment's bytes, ready to send. */
export interface OpenedAttachment {
  readonly id: string;
  readonly mediaType: string;
  readonly size: number;
  readonly stream: Readable;
  /** Until the link expires: a browser may cache no longer than the link lives. */
  readonly maxAgeSeconds: number;
}

/**
 * Opens an attachment for a download link: the link is checked before the
 * database is asked anything, so a guessed id costs one HMAC. A genuine link
 * to a row the cleanup has since deleted reads as invalid.
 *
 * @example
 * const file = await downloads.open(id, req.query.exp, req.query.sig);
 */
@Injectable()
export class AttachmentDownloads {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    private readonly links: DownloadLinks,
  ) {}

  async open(id: string, exp: unknown, sig: unknown): Promise<OpenedAttachment> {
    const verdict = this.links.verify(id, exp, sig);
    if (verdict === 'EXPIRED') throw AttachmentException.linkExpired();
    if (verdict !== 'OK') throw AttachmentException.linkInvalid();
    const [row] = await this.em.fork().getConnection().execute<Array<{ sha256: string; media_type: string; size_bytes: number }>>(
      `select sha256, media_type, size_bytes from attachment where id = ?`,
      [id],
    );
    const stream = row ? await this.store.get(row.sha256) : null;
    if (!row || !stream) throw AttachmentException.linkInvalid();
    const maxAgeSeconds = Math.max(0, Number(exp) - Math.floor(this.clock.now().getTime() / 1000));
    return { id, mediaType: row.media_type, size: row.size_bytes, stream, maxAgeSeconds };
  }
}
