import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
// A type-only import: the relation names its entity, so loading this file never loads the ticket domain.
import type { Ticket } from '../../ticket';
import { AttachmentKind } from '../media/media.sanitizer';

/**
 * One upload: a photo, voice note or document. The bytes live in the
 * AttachmentStore under their SHA-256 (the same bytes stored once, however
 * many rows name them); this row is who sent them, what they are, where the
 * photo was taken (EXIF GPS, kept here as proof after the file is stripped)
 * and, once a command references it, the ticket and the event it belongs to.
 * Unbound rows older than ATTACHMENT_ORPHAN_HOURS are deleted by the cleanup job.
 */
@Entity({ tableName: 'attachment' })
@Index({ name: 'attachment_sha256_idx', properties: ['sha256'] })
@Index({ name: 'attachment_ticket_idx', properties: ['ticket', 'createdAt'] })
@Index({
  name: 'attachment_unbound_idx',
  expression: 'create index "attachment_unbound_idx" on "attachment" ("created_at") where "ticket_id" is null',
})
export class Attachment {
  [OptionalProps]?: 'id' | 'latitude' | 'longitude' | 'uploaderOpd' | 'ticket' | 'boundSeq' | 'boundAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Hex SHA-256 of the stored (stripped) bytes: the store's key. */
  @Property({ type: 'text' })
  sha256!: string;

  /** Sniffed from the bytes, never taken from the client. */
  @Property({ type: 'text' })
  mediaType!: string;

  @Enum({ items: () => AttachmentKind, type: 'text' })
  kind!: AttachmentKind;

  @Property({ type: 'integer' })
  sizeBytes!: number;

  /** The uploader's user id (staff username, or the API key's actor id): only they may reference it while unbound. */
  @Property({ type: 'text' })
  uploadedBy!: string;

  @Property({ type: 'text' })
  uploaderRole!: string;

  @Property({ type: 'text', nullable: true })
  uploaderOpd: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  /** The photo's EXIF GPS position (WGS 84), when it had one. */
  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  /** Null until a command binds it; then never changes. */
  @ManyToOne({ entity: 'Ticket', nullable: true, deleteRule: 'no action' })
  ticket: Ticket | null = null;

  /** The seq of the ticket event that bound it. */
  @Property({ type: 'integer', nullable: true })
  boundSeq: number | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  boundAt: Date | null = null;
}

/**
 * The key that signs download URLs when ATTACHMENT_URL_SECRET is unset: made
 * by the first instance to boot and shared by all of them through this row.
 */
@Entity({ tableName: 'attachment_url_key' })
export class AttachmentUrlKey {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id!: number;

  @Property({ type: 'text' })
  secret!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
