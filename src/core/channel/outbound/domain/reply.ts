import { ChannelPlatform } from '../../domain/channel.enums';
import { ChannelException } from '../../domain/channel.exception';
import type { TemplateRecord } from '../application/channel-template.store';
import { customerWindow, templateNote } from './customer-window';
import { baseLanguage, fillable, renderTemplate, TemplateValues } from './milestone';

/** What a call taker asked to send: free text, or a template by key. */
export interface ReplyRequest {
  readonly text: string | null;
  readonly templateKey: string | null;
}

/** The conversation as the reply rule needs it. */
export interface ReplyContext {
  readonly conversationId: string;
  readonly platform: ChannelPlatform;
  readonly lastInboundAt: Date | null;
  readonly language: string | null;
}

/** The message to queue. */
export type ComposedReply =
  | { readonly kind: 'TEXT'; readonly text: string }
  | { readonly kind: 'TEMPLATE'; readonly text: string; readonly templateName: string | null; readonly templateLanguage: string; readonly parameters: string[]; readonly note: string };

/** WhatsApp's limit for a text body. */
export const MAX_REPLY_LENGTH = 4096;

/**
 * The reply rule: inside WhatsApp's 24-hour window free text goes as it is;
 * outside it only an approved template may go (free text is refused with
 * WINDOW_CLOSED, naming the templates that would do). A template may be
 * chosen inside the window too. Other platforms take free text (Telegram has
 * no window; Messenger's own window is the platform's to enforce).
 *
 * @example
 * composeReply(ctx, { text: 'Baik, kami cek.', templateKey: null }, templates, now); // { kind: 'TEXT', text: 'Baik, kami cek.' }
 */
export function composeReply(ctx: ReplyContext, request: ReplyRequest, templates: readonly TemplateRecord[], now: Date, values: TemplateValues = {}): ComposedReply {
  const text = request.text?.trim() ?? '';
  if (text && request.templateKey) throw ChannelException.invalidInput(['send either text or templateKey, not both']);
  if (!text && !request.templateKey) throw ChannelException.invalidInput(['text must not be empty (or name a templateKey)']);
  if (text.length > MAX_REPLY_LENGTH) throw ChannelException.invalidInput([`text must be at most ${MAX_REPLY_LENGTH} characters`]);
  const window = customerWindow(ctx.platform, ctx.lastInboundAt, now);
  const whatsapp = ctx.platform === ChannelPlatform.WHATSAPP;
  if (text) {
    if (whatsapp && !window.open) {
      const approved = [...new Set(templates.filter((t) => t.whatsappName && fillable(t.body, values)).map((t) => t.key))];
      throw ChannelException.windowClosed(ctx.conversationId, window.lastInboundAt, window.closedAt, approved);
    }
    return { kind: 'TEXT', text };
  }
  const language = baseLanguage(ctx.language);
  const template = [language, 'id', 'en'].map((l) => templates.find((t) => t.key === request.templateKey && t.language === l)).find(Boolean);
  if (!template) throw ChannelException.invalidInput([`no template ${request.templateKey}`]);
  if (whatsapp && !template.whatsappName) throw ChannelException.invalidInput([`template ${template.key} has no approved WhatsApp template name`]);
  if (!fillable(template.body, values)) {
    throw ChannelException.invalidInput([`template ${template.key} needs a ticket's number or OPD, which a reply does not have: it goes to the citizen as a milestone once the conversation is linked to a ticket`]);
  }
  const rendered = renderTemplate(template.body, values);
  return {
    kind: 'TEMPLATE',
    text: rendered.text,
    templateName: template.whatsappName,
    templateLanguage: template.language,
    parameters: rendered.parameters,
    note: template.whatsappName ? templateNote(template.whatsappName, window) : `Sent as template ${template.key}`,
  };
}
