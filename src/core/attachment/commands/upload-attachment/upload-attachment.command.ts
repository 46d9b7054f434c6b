import type { Actor } from '../../../actor';

/** What UploadAttachmentCommand is built from. */
export interface UploadAttachmentParams {
  /** The file as received; its type is sniffed from these bytes alone. */
  readonly bytes: Buffer;
  readonly actor: Actor;
}

/**
 * Stores one photo, voice note or document, unbound until a ticket command
 * references it.
 *
 * @example
 * new UploadAttachmentCommand({ bytes: await file.toBuffer(), actor });
 */
export class UploadAttachmentCommand {
  readonly bytes: Buffer;
  readonly actor: Actor;

  constructor(p: UploadAttachmentParams) {
    this.bytes = p.bytes;
    this.actor = p.actor;
  }
}

/** What the uploader gets back: the id to reference, and a link to check what was stored. */
export interface UploadedAttachment {
  readonly id: string;
  readonly kind: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: Date;
  readonly position: { readonly latitude: number; readonly longitude: number } | null;
  readonly url: string;
  readonly urlExpiresAt: Date;
}
