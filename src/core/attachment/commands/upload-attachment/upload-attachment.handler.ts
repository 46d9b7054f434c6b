import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, CLOCK } from '../../../../infra/clock/clock';
import { ATTACHMENT_STORE, type AttachmentStore } from '../../application/attachment-store';
import { DownloadLinks } from '../../application/download-links';
import { blobLock, releaseUnusedBlob } from '../../application/blob-lock';
import { AttachmentException } from '../../domain/attachment.exception';
import { MediaRejected, sanitizeMedia, type SanitizedMedia } from '../../media/media.sanitizer';
import type { UploadAttachmentCommand, UploadedAttachment } from './upload-attachment.command';

/**
 * The upload use case: sniff and sanitize the bytes, store them under their
 * hash, and record who sent what. Blob and row are written under a
 * per-hash lock held until commit, the same lock the cleanup takes before it
 * deletes a blob, so the cleanup never removes bytes a new row is about to name.
 *
 * @example
 * const uploaded = await upload.execute(new UploadAttachmentCommand({ bytes, actor }));
 */
@Injectable()
export class UploadAttachmentHandler {
  private readonly logger = new Logger('Attachments');

  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    private readonly links: DownloadLinks,
  ) {}

  async execute({ bytes, actor }: UploadAttachmentCommand): Promise<UploadedAttachment> {
    const media = sanitize(bytes);
    const sha256 = createHash('sha256').update(media.bytes).digest('hex');
    const id = randomUUID();
    const now = this.clock.now();
    const position = media.position;
    try {
      await this.em.fork().transactional(async (tx) => {
        await blobLock(tx, sha256);
        await this.store.put(sha256, media.bytes);
        await tx.execute(
          `insert into attachment (id, sha256, media_type, kind, size_bytes, uploaded_by, uploader_role, uploader_opd, created_at, latitude, longitude)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [id, sha256, media.mediaType, media.kind, media.bytes.length, actor.userId, actor.role, actor.opdCode, now, position?.latitude ?? null, position?.longitude ?? null],
        );
      });
    } catch (error) {
      // The row did not commit: the blob must not outlive it unless another row names it.
      await releaseUnusedBlob(this.em, this.store, sha256).catch(() => undefined);
      throw error;
    }
    if (media.removed.length) this.logger.log(`attachment ${id} (${media.mediaType}): removed ${media.removed.join(', ')}`);
    const link = this.links.sign(id);
    return {
      id, kind: media.kind, mediaType: media.mediaType, size: media.bytes.length, sha256, createdAt: now, position, url: link.url, urlExpiresAt: link.expiresAt,
    };
  }
}

function sanitize(bytes: Buffer): SanitizedMedia {
  try {
    return sanitizeMedia(bytes);
  } catch (error) {
    if (!(error instanceof MediaRejected)) throw error;
    throw error.reason === 'UNSUPPORTED_TYPE' ? AttachmentException.unsupported(error.message) : AttachmentException.malformed(error.message);
  }
}
