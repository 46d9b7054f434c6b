import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A message Sigap sends citizens, per key and language, editable by admins.
 * `body` uses the placeholders `{{ticketNumber}}` and `{{opdName}}`; on
 * WhatsApp outside the 24-hour window the approved template `whatsappName`
 * is sent instead, with the placeholders' values as its body parameters in
 * the order they appear in `body` (so the approved text and `body` must use
 * the same placeholders in the same order).
 */
@Entity({ tableName: 'channel_template' })
@Unique({ name: 'channel_template_key_language_unique', properties: ['key', 'language'] })
export class ChannelTemplate {
  [OptionalProps]?: 'id' | 'whatsappName' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** RECEIVED, ROUTED, ON_SITE, RESOLVED (milestones), FOLLOW_UP (reopening a closed window). */
  @Property({ type: 'text' })
  key!: string;

  /** Base language tag: `id`, `en`, `ban`… */
  @Property({ type: 'text' })
  language!: string;

  @Property({ type: 'text' })
  body!: string;

  /** The template's name as approved in WhatsApp Manager; null: none approved (outside the window nothing can be sent). */
  @Property({ type: 'text', nullable: true })
  whatsappName: string | null = null;

  @Property({ type: 'text' })
  updatedBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'integer', version: true })
  version: number = 1;
}
