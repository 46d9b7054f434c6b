import type { DeliveryAnswer } from './fake-meta';

/**
 * A fake of Telegram's webhook sender: Bot API `Update` objects (update_id,
 * message with from, chat, date, text / location / photo / voice) POSTed
 * with `X-Telegram-Bot-Api-Secret-Token`, as setWebhook's `secret_token`
 * makes Telegram do.
 *
 * @example
 * const tg = new FakeTelegram(baseUrl, '123456', 'secret');
 * await tg.deliver(tg.text(1001, 555, 'Lampu jalan mati'));
 */
export class FakeTelegram {
  constructor(
    private readonly baseUrl: string,
    readonly botId: string,
    private readonly secretToken: string,
  ) {}

  text(updateId: number, chatId: number, text: string, at = new Date()): Record<string, unknown> {
    return this.update(updateId, chatId, at, { text });
  }

  location(updateId: number, chatId: number, latitude: number, longitude: number, at = new Date()): Record<string, unknown> {
    return this.update(updateId, chatId, at, { location: { latitude, longitude } });
  }

  voice(updateId: number, chatId: number, fileId: string, at = new Date()): Record<string, unknown> {
    return this.update(updateId, chatId, at, { voice: { duration: 4, mime_type: 'audio/ogg', file_id: fileId, file_unique_id: `u${fileId}`, file_size: 12_000 } });
  }

  async deliver(update: Record<string, unknown>, secret: string | null = this.secretToken, botId = this.botId): Promise<DeliveryAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (secret !== null) headers['x-telegram-bot-api-secret-token'] = secret;
    const started = performance.now();
    const res = await fetch(`${this.baseUrl}/webhooks/telegram/${botId}`, { method: 'POST', headers, body: JSON.stringify(update) });
    return { status: res.status, body: await res.text(), ms: performance.now() - started };
  }

  private update(updateId: number, chatId: number, at: Date, content: Record<string, unknown>): Record<string, unknown> {
    return {
      update_id: updateId,
      message: {
        message_id: updateId % 100_000,
        from: { id: chatId, is_bot: false, first_name: 'Made', last_name: 'Warga', language_code: 'id' },
        chat: { id: chatId, first_name: 'Made', last_name: 'Warga', type: 'private' },
        date: Math.floor(at.getTime() / 1000),
        ...content,
      },
    };
  }
}
