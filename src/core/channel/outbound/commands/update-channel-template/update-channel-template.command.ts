import type { Actor } from '../../../../actor';

/** What UpdateChannelTemplateCommand is built from. */
export interface UpdateChannelTemplateParams {
  /** RECEIVED, ROUTED, ON_SITE, RESOLVED, FOLLOW_UP. */
  readonly key: string;
  /** Base language tag: `id`, `en`, `ban`… */
  readonly language: string;
  /** The text, with `{{ticketNumber}}` and `{{opdName}}` where they belong. */
  readonly body: string;
  /** The approved WhatsApp template's name; null: none (outside the window nothing is sent on WhatsApp). */
  readonly whatsappName: string | null;
  /** The version read; null creates the (key, language) template or overwrites it unchecked. */
  readonly expectedVersion: number | null;
  readonly actor: Actor;
}

/** An admin creates or edits what citizens are told, per key and language. */
export class UpdateChannelTemplateCommand {
  readonly key: string;
  readonly language: string;
  readonly body: string;
  readonly whatsappName: string | null;
  readonly expectedVersion: number | null;
  readonly actor: Actor;

  constructor(p: UpdateChannelTemplateParams) {
    this.key = p.key;
    this.language = p.language;
    this.body = p.body;
    this.whatsappName = p.whatsappName;
    this.expectedVersion = p.expectedVersion;
    this.actor = p.actor;
  }
}
