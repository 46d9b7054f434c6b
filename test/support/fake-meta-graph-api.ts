import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../src/infra/clock/clock';

/** One message the fake Graph API accepted. */
export interface GraphSent {
  readonly api: 'whatsapp' | 'send-api';
  /** The account in the path: phone_number_id, Page id or Instagram account id. */
  readonly accountId: string;
  /** wa_id (WhatsApp) or recipient.id (Messenger, Instagram). */
  readonly to: string;
  readonly type: 'text' | 'template';
  /** The text body (text messages; the Send API's message.text). */
  readonly text: string | null;
  readonly template: { name: string; language: string; parameters: string[] } | null;
  /** Send API only: RESPONSE, MESSAGE_TAG… and the tag. */
  readonly messagingType: string | null;
  readonly tag: string | null;
  /** The id the fake answered with. */
  readonly messageId: string;
  readonly body: Record<string, unknown>;
}

/** A failure the fake answers with instead of accepting. */
export interface GraphFailure {
  readonly status: number;
  readonly code?: number;
  readonly subcode?: number;
  readonly message?: string;
  readonly retryAfter?: string;
}

const WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * A real HTTP server standing in for Meta's Graph API (WhatsApp Cloud API and
 * the Messenger/Instagram Send API), started by the test. It checks what the
 * adapters send as Meta does: the Bearer token (190 otherwise), the body's
 * shape (100 "Invalid parameter" otherwise), and, when given a clock, the
 * WhatsApp 24-hour window: free text to a user who has not written within
 * 24 hours is refused with 131047, as Meta does. Accepted messages are
 * recorded and answered with a fresh `wamid.` / `m_` id.
 *
 * @example
 * const graph = await FakeMetaGraphApi.start({ accessToken: 'EAAG-test', clock });
 * graph.userWrote('106540352242922', '6281234567890', clock.now());
 * // env: META_GRAPH_BASE_URL = graph.baseUrl
 */
export class FakeMetaGraphApi {
  readonly sent: GraphSent[] = [];
  /** Requests refused (bad token, bad shape, closed window, programmed failures). */
  readonly refused: Array<{ status: number; code: number | null; body: unknown }> = [];
  private readonly failures: GraphFailure[] = [];
  private readonly lastInbound = new Map<string, Date>();
  private readonly waiters = new Set<() => void>();
  private counter = 0;

  private constructor(
    private readonly server: Server,
    private readonly options: { accessToken: string; clock?: Clock; version: string },
  ) {}

  static async start(options: { accessToken: string; clock?: Clock; version?: string }): Promise<FakeMetaGraphApi> {
    const server = createServer();
    const fake = new FakeMetaGraphApi(server, { version: 'v21.0', ...options });
    server.on('request', (req, res) => fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** What META_GRAPH_BASE_URL should be. */
  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/${this.options.version}`;
  }

  /** The citizen wrote to the account at `at`: WhatsApp's window is open for 24 hours from then. */
  userWrote(accountId: string, user: string, at: Date): void {
    this.lastInbound.set(`${accountId}:${user}`, at);
  }

  /** The next requests fail like this, in order. */
  failNext(...failures: GraphFailure[]): void {
    this.failures.push(...failures);
  }

  to(user: string): GraphSent[] {
    return this.sent.filter((s) => s.to === user);
  }

  /** Resolves once `count` messages have been accepted; rejects after `timeoutMs` (a bound on a hang, not a wait). */
  waitForSent(count: number, timeoutMs: number): Promise<GraphSent[]> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.sent.length < count) return;
        cleanup();
        resolve(this.sent);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`The fake Graph API accepted ${this.sent.length} of ${count} messages within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      const refuse = (status: number, code: number, message: string, extra: { subcode?: number; retryAfter?: string } = {}): void => {
        const body = { error: { message, type: 'OAuthException', code, ...(extra.subcode ? { error_subcode: extra.subcode } : {}), fbtrace_id: 'AFakeTrace' } };
        this.refused.push({ status, code, body });
        answer(status, body, extra.retryAfter ? { 'retry-after': extra.retryAfter } : {});
      };
      const match = new RegExp(`^/${this.options.version}/([^/]+)/messages$`).exec(req.url ?? '');
      if (req.method !== 'POST' || !match) return refuse(400, 100, `Unknown path components: ${req.url}`);
      if (req.headers.authorization !== `Bearer ${this.options.accessToken}`) return refuse(401, 190, 'Invalid OAuth access token - Cannot parse access token');
      if (!String(req.headers['content-type']).startsWith('application/json')) return refuse(400, 100, 'Expected a JSON body');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return refuse(400, 100, 'The body is not JSON');
      }
      const programmed = this.failures.shift();
      if (programmed) return refuse(programmed.status, programmed.code ?? 2, programmed.message ?? 'Programmed failure', { subcode: programmed.subcode, retryAfter: programmed.retryAfter });
      const accountId = decodeURIComponent(match[1]);
      const sent = body.messaging_product === 'whatsapp' ? this.whatsapp(accountId, body) : this.sendApi(accountId, body);
      if ('refuse' in sent) return refuse(400, sent.refuse.code, sent.refuse.message, { subcode: sent.refuse.subcode });
      this.sent.push(sent);
      for (const wake of this.waiters) wake();
      if (sent.api === 'whatsapp') {
        return answer(200, { messaging_product: 'whatsapp', contacts: [{ input: sent.to, wa_id: sent.to }], messages: [{ id: sent.messageId }] });
      }
      answer(200, { recipient_id: sent.to, message_id: sent.messageId });
    });
  }

  private whatsapp(accountId: string, body: Record<string, unknown>): GraphSent | { refuse: { code: number; message: string; subcode?: number } } {
    const to = body.to;
    if (typeof to !== 'string' || !/^\d{6,15}$/.test(to)) return { refuse: { code: 100, message: 'Invalid parameter: to' } };
    if (body.recipient_type !== undefined && body.recipient_type !== 'individual') return { refuse: { code: 100, message: 'Invalid parameter: recipient_type' } };
    const base = { api: 'whatsapp' as const, accountId, to, messagingType: null, tag: null, body, messageId: `wamid.FAKE${++this.counter}` };
    if (body.type === 'text') {
      const text = (body.text as { body?: unknown } | undefined)?.body;
      if (typeof text !== 'string' || text.length === 0 || text.length > 4096) return { refuse: { code: 100, message: 'Invalid parameter: text.body' } };
      if (this.options.clock) {
        const last = this.lastInbound.get(`${accountId}:${to}`);
        if (!last || this.options.clock.now().getTime() - last.getTime() > WINDOW_MS) {
          return { refuse: { code: 131047, message: 'Re-engagement message: more than 24 hours have passed since the recipient last replied' } };
        }
      }
      return { ...base, type: 'text', text, template: null };
    }
    if (body.type === 'template') {
      const t = body.template as { name?: unknown; language?: { code?: unknown }; components?: Array<{ type?: string; parameters?: Array<{ type?: string; text?: unknown }> }> } | undefined;
      if (typeof t?.name !== 'string' || typeof t.language?.code !== 'string') return { refuse: { code: 132000, message: 'Template name or language missing' } };
      const parameters = (t.components ?? []).filter((c) => c.type === 'body').flatMap((c) => c.parameters ?? []);
      if (parameters.some((p) => p.type !== 'text' || typeof p.text !== 'string')) return { refuse: { code: 132000, message: 'Template parameters must be text' } };
      return { ...base, type: 'template', text: null, template: { name: t.name, language: t.language.code, parameters: parameters.map((p) => String(p.text)) } };
    }
    return { refuse: { code: 100, message: `Unsupported message type ${String(body.type)}` } };
  }

  private sendApi(accountId: string, body: Record<string, unknown>): GraphSent | { refuse: { code: number; message: string; subcode?: number } } {
    const to = (body.recipient as { id?: unknown } | undefined)?.id;
    if (typeof to !== 'string' || !to) return { refuse: { code: 100, message: 'Invalid parameter: recipient.id' } };
    const text = (body.message as { text?: unknown } | undefined)?.text;
    if (typeof text !== 'string' || !text || text.length > 2000) return { refuse: { code: 100, message: 'Invalid parameter: message.text' } };
    const messagingType = body.messaging_type;
    if (messagingType !== 'RESPONSE' && messagingType !== 'UPDATE' && messagingType !== 'MESSAGE_TAG') return { refuse: { code: 100, message: 'Invalid parameter: messaging_type' } };
    if (messagingType === 'MESSAGE_TAG' && typeof body.tag !== 'string') return { refuse: { code: 100, message: 'A MESSAGE_TAG needs a tag' } };
    return { api: 'send-api', accountId, to, type: 'text', text, template: null, messagingType, tag: typeof body.tag === 'string' ? body.tag : null, body, messageId: `m_FAKE${++this.counter}` };
  }
}
