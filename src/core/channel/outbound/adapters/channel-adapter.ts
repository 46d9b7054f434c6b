/**
 * The platforms Sigap can answer on. X/Twitter is out of scope (paid tier);
 * TikTok and YouTube stay manual.
 */
export type OutboundPlatform = 'WHATSAPP' | 'MESSENGER' | 'INSTAGRAM' | 'TELEGRAM';

/** A free-form message: allowed inside WhatsApp's 24-hour customer-service window, and always on Telegram. */
export interface TextMessage {
  readonly kind: 'text';
  readonly text: string;
}

/**
 * A pre-approved template: what WhatsApp accepts outside the window. Other
 * platforms have no template concept and send `text` (the rendered template)
 * instead; Messenger and Instagram tag it as an account update.
 */
export interface TemplateMessage {
  readonly kind: 'template';
  /** The template's name as approved in WhatsApp Manager. */
  readonly name: string;
  /** The template's language code as approved (e.g. `id`, `en`). */
  readonly language: string;
  /** Values for the body's {{1}}, {{2}}… in order. */
  readonly parameters: readonly string[];
  /** The same message rendered, for platforms without templates. */
  readonly text: string;
}

export type OutboundContent = TextMessage | TemplateMessage;

/** One message to send: from which official account, to whom. */
export interface SendRequest {
  /** The platform's id of the official account: WhatsApp phone_number_id, Page id, Instagram account id, Telegram bot id. */
  readonly accountId: string;
  /** The platform's id of the citizen: WhatsApp wa_id, PSID, Instagram-scoped id, Telegram chat id. */
  readonly recipient: string;
  readonly content: OutboundContent;
}

/**
 * Why a send failed, as the dispatcher needs it: a retryable failure (5xx,
 * 429, a platform rate limit, no answer) is tried again with backoff; a
 * permanent one (other 4xx: bad recipient, closed window, bad token) is
 * dead-lettered at once, since repeating it cannot help.
 */
export interface SendFailure {
  readonly retryable: boolean;
  /** HTTP status, null when the platform never answered. */
  readonly statusCode: number | null;
  /** The platform's own error code (Graph `error.code`, Telegram `error_code`), when it gave one. */
  readonly platformCode: string | null;
  /** WhatsApp 131047 / Messenger 10+2018278: free text outside the 24-hour window. */
  readonly windowClosed: boolean;
  /** For people and logs; never carries the token. */
  readonly message: string;
  /** The platform asked to wait this long (Retry-After, Telegram's retry_after). */
  readonly retryAfterMs: number | null;
}

export type SendResult =
  | { readonly ok: true; readonly platformMessageId: string }
  | { readonly ok: false; readonly failure: SendFailure };

/**
 * One platform's send API. Implementations never throw for anything the
 * platform or the network does: every outcome is a {@link SendResult}.
 *
 * @example
 * const result = await adapter.send({ accountId: '1234567890', recipient: '6281234567890', content: { kind: 'text', text: 'Halo' } });
 * if (!result.ok && result.failure.retryable) { ... } // backoff
 */
export interface ChannelAdapter {
  readonly platform: OutboundPlatform;
  send(request: SendRequest): Promise<SendResult>;
}

/** A failure from a plain description; the adapters use it for the shapes they classify. */
export function failure(p: Partial<SendFailure> & Pick<SendFailure, 'retryable' | 'message'>): SendResult {
  return {
    ok: false,
    failure: {
      retryable: p.retryable,
      statusCode: p.statusCode ?? null,
      platformCode: p.platformCode ?? null,
      windowClosed: p.windowClosed ?? false,
      message: p.message.slice(0, 500),
      retryAfterMs: p.retryAfterMs ?? null,
    },
  };
}
