import { ChannelAdapter, failure, SendRequest, SendResult } from './channel-adapter';
import { joinUrl, postJson, retryAfterMs } from './platform-http';

/** Where the Bot API is and each bot's token (config: TELEGRAM_API_BASE_URL, TELEGRAM_BOTS). */
export interface TelegramSettings {
  /** `https://api.telegram.org`; a fake server's URL in tests. */
  readonly baseUrl: string;
  /** The bot's token by bot id; null when the bot is not configured. */
  readonly tokenFor: (botId: string) => string | null;
  readonly timeoutMs: number;
}

/**
 * Telegram Bot API: `POST {base}/bot<token>/sendMessage` with
 * `{chat_id, text}`. Telegram has no customer-service window and no
 * templates: a template goes as its rendered text. The token is part of the
 * URL, so neither the URL nor the request is ever put into an error.
 *
 * @example
 * await adapter.send({ accountId: '7012345678', recipient: '123456789', content: { kind: 'text', text: 'Halo' } });
 */
export class TelegramAdapter implements ChannelAdapter {
  readonly platform = 'TELEGRAM' as const;

  constructor(private readonly settings: TelegramSettings) {}

  async send(request: SendRequest): Promise<SendResult> {
    const token = this.settings.tokenFor(request.accountId);
    if (!token) return failure({ retryable: false, message: `No token is configured for Telegram bot ${request.accountId} (TELEGRAM_BOTS)` });
    const answer = await postJson(
      joinUrl(this.settings.baseUrl, `bot${token}/sendMessage`),
      { chat_id: request.recipient, text: request.content.text },
      {},
      this.settings.timeoutMs,
    );
    if (answer.kind === 'no-answer') return failure({ retryable: true, message: answer.error });
    const body = (answer.body ?? {}) as { ok?: boolean; result?: { message_id?: number }; error_code?: number; description?: string; parameters?: { retry_after?: number } };
    if (answer.status >= 200 && answer.status < 300 && body.ok === true && typeof body.result?.message_id === 'number') {
      // A message id is unique per chat only: `<botId>:<chat_id>:<message_id>`, as channel_message keeps it.
      return { ok: true, platformMessageId: `${request.accountId}:${request.recipient}:${body.result.message_id}` };
    }
    const waitS = body.parameters?.retry_after;
    return failure({
      retryable: answer.status >= 500 || answer.status === 429,
      statusCode: answer.status,
      platformCode: typeof body.error_code === 'number' ? String(body.error_code) : null,
      message: `HTTP ${answer.status}: ${body.description ?? 'no description'}`,
      retryAfterMs: typeof waitS === 'number' ? waitS * 1000 : retryAfterMs(answer.retryAfter),
    });
  }
}
