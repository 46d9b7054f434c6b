import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message the fake Bot API accepted. */
export interface TelegramSent {
  readonly botId: string;
  readonly chatId: string;
  readonly text: string;
  readonly messageId: number;
}

/**
 * A real HTTP server standing in for Telegram's Bot API, started by the test:
 * `POST /bot<token>/sendMessage` with `{chat_id, text}`. An unknown token is
 * refused with 401 Unauthorized and a bad body with 400, as Telegram does;
 * programmed failures (e.g. 429 with `retry_after`) come first.
 *
 * @example
 * const telegram = await FakeTelegramBotApi.start({ '7012345678': '7012345678:AAE-test' });
 * // env: TELEGRAM_API_BASE_URL = telegram.baseUrl
 */
export class FakeTelegramBotApi {
  readonly sent: TelegramSent[] = [];
  readonly refused: Array<{ status: number; description: string }> = [];
  private readonly failures: Array<{ status: number; description: string; retryAfterS?: number }> = [];
  private counter = 100;

  private constructor(
    private readonly server: Server,
    /** token → bot id */
    private readonly bots: ReadonlyMap<string, string>,
  ) {}

  /** `tokens`: bot id → token. */
  static async start(tokens: Record<string, string>): Promise<FakeTelegramBotApi> {
    const server = createServer();
    const fake = new FakeTelegramBotApi(server, new Map(Object.entries(tokens).map(([bot, token]) => [token, bot])));
    server.on('request', (req, res) => fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  failNext(...failures: Array<{ status: number; description: string; retryAfterS?: number }>): void {
    this.failures.push(...failures);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const refuse = (status: number, description: string, retryAfterS?: number): void => {
        this.refused.push({ status, description });
        answer(status, { ok: false, error_code: status, description, ...(retryAfterS ? { parameters: { retry_after: retryAfterS } } : {}) });
      };
      const match = /^\/bot([^/]+)\/sendMessage$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) return refuse(404, 'Not Found');
      const botId = this.bots.get(decodeURIComponent(match[1]));
      if (!botId) return refuse(401, 'Unauthorized');
      let body: { chat_id?: unknown; text?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        return refuse(400, 'Bad Request: the body is not JSON');
      }
      const programmed = this.failures.shift();
      if (programmed) return refuse(programmed.status, programmed.description, programmed.retryAfterS);
      if ((typeof body.chat_id !== 'string' && typeof body.chat_id !== 'number') || body.chat_id === '') return refuse(400, 'Bad Request: chat_id is empty');
      if (typeof body.text !== 'string' || !body.text || body.text.length > 4096) return refuse(400, 'Bad Request: message text is empty');
      const sent = { botId, chatId: String(body.chat_id), text: body.text, messageId: ++this.counter };
      this.sent.push(sent);
      answer(200, { ok: true, result: { message_id: sent.messageId, date: 0, chat: { id: Number(sent.chatId) || sent.chatId, type: 'private' }, text: sent.text } });
    });
  }
}
