import { Logger } from '@nestjs/common';
import { classifyDatabaseError } from '../../../infra/database/database-errors';
import type { ChannelIntake } from '../application/channel-intake';
import type { ChannelMetrics } from '../channel.metrics';
import type { ChannelSettings } from '../channel-settings';
import { ChannelPlatform } from '../domain/channel.enums';
import { MalformedPayload, parseMetaDelivery } from './meta-payload';
import { sameSecret, verifyMetaSignature } from './meta-signature';
import { parseTelegramUpdate } from './telegram-payload';

/** The parts of a Fastify request the webhook routes read. */
interface WebhookRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly query: unknown;
  readonly params: unknown;
  /** The raw bytes: these routes' own content-type parser keeps the Buffer. */
  readonly body: unknown;
}

/** The parts of a Fastify reply the webhook routes write. */
interface WebhookReply {
  code(status: number): WebhookReply;
  header(name: string, value: string): WebhookReply;
  send(payload?: string): unknown;
}

type Handler = (request: WebhookRequest, reply: WebhookReply) => Promise<unknown>;
type ParserDone = (error: Error | null, body?: unknown) => void;

/** The parts of a Fastify instance (an encapsulated plugin context) the routes use. */
export interface WebhookServer {
  removeAllContentTypeParsers(): void;
  addContentTypeParser(type: string, options: { parseAs: 'buffer'; bodyLimit: number }, parser: (request: unknown, body: Buffer, done: ParserDone) => void): void;
  get(path: string, handler: Handler): void;
  post(path: string, options: { bodyLimit: number }, handler: Handler): void;
}

/** Where the platforms call. */
export const META_WEBHOOK_PATH = '/webhooks/meta';
export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram/:botId';

const logger = new Logger('ChannelWebhooks');

/**
 * The platforms' webhook routes, as a Fastify plugin of their own: inside it
 * every body is kept as the raw Buffer (Meta's signature is over the exact
 * bytes; the rest of the app keeps Fastify's JSON parser) and the body limit
 * is CHANNEL_WEBHOOK_BODY_LIMIT_KB (a 413 would make Meta retry for days).
 * Each POST answers 200 after its one durable write; forged requests get
 * 401 and nothing is read from them. Logs never include bodies, headers or
 * secrets.
 *
 * @example
 * await app.register(channelWebhookRoutes(app.get(ChannelIntake), settings, app.get(ChannelMetrics)));
 */
export function channelWebhookRoutes(intake: ChannelIntake, settings: ChannelSettings, metrics: ChannelMetrics): (server: WebhookServer) => Promise<void> {
  const bots = new Map(settings.telegramBots.map((b) => [b.botId, b]));
  return async (server) => {
    server.removeAllContentTypeParsers();
    server.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: settings.webhookBodyLimitBytes }, (_req, body, done) => done(null, body));

    // The handshake has no signature: it proves the verify token instead.
    server.get(META_WEBHOOK_PATH, async (request, reply) => {
      const query = (request.query ?? {}) as Record<string, unknown>;
      if (!settings.meta) return reply.code(404).send('Meta is not configured');
      const challenge = typeof query['hub.challenge'] === 'string' ? query['hub.challenge'] : '';
      const token = typeof query['hub.verify_token'] === 'string' ? query['hub.verify_token'] : undefined;
      if (query['hub.mode'] === 'subscribe' && challenge && sameSecret(token, settings.meta.verifyToken)) {
        return reply.code(200).header('content-type', 'text/plain; charset=utf-8').send(challenge);
      }
      metrics.refused.inc({ platform: 'META', reason: 'bad_verify_token' });
      return reply.code(403).send('verify token does not match');
    });

    server.post(META_WEBHOOK_PATH, { bodyLimit: settings.webhookBodyLimitBytes }, async (request, reply) => {
      const started = process.hrtime.bigint();
      if (!settings.meta) {
        metrics.refused.inc({ platform: 'META', reason: 'not_configured' });
        return reply.code(404).send('Meta is not configured');
      }
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!verifyMetaSignature(raw, request.headers['x-hub-signature-256'], settings.meta.appSecret)) {
        metrics.refused.inc({ platform: 'META', reason: 'bad_signature' });
        return reply.code(401).send('X-Hub-Signature-256 does not match');
      }
      let parsed: ReturnType<typeof parseMetaDelivery>;
      try {
        parsed = parseMetaDelivery(JSON.parse(raw.toString('utf8')));
      } catch (error) {
        if (!(error instanceof SyntaxError) && !(error instanceof MalformedPayload)) throw error;
        metrics.refused.inc({ platform: 'META', reason: 'malformed' });
        return reply.code(400).send('not a Meta webhook notification');
      }
      if (parsed.malformed) metrics.refused.inc({ platform: 'META', reason: 'malformed' }, parsed.malformed);
      // One delivery may mix WhatsApp, Messenger and Instagram only across apps; group by platform anyway.
      const platforms = new Set([...parsed.messages.map((m) => m.platform), ...parsed.statuses.map((s) => s.platform)]);
      for (const platform of platforms) {
        const done = await write(reply, () => intake.record(platform, parsed.messages.filter((m) => m.platform === platform), parsed.statuses.filter((s) => s.platform === platform)));
        if (!done) return reply;
      }
      metrics.webhookSeconds.observe({ platform: [...platforms][0] ?? 'META' }, Number(process.hrtime.bigint() - started) / 1e9);
      return reply.code(200).header('content-type', 'text/plain; charset=utf-8').send('EVENT_RECEIVED');
    });

    server.post(TELEGRAM_WEBHOOK_PATH, { bodyLimit: settings.webhookBodyLimitBytes }, async (request, reply) => {
      const started = process.hrtime.bigint();
      const botId = String((request.params as { botId?: string }).botId ?? '');
      const bot = bots.get(botId);
      // An unknown bot id and a wrong token answer alike: the URL reveals nothing.
      if (!bot || !sameSecret(request.headers['x-telegram-bot-api-secret-token'], bot.secretToken)) {
        metrics.refused.inc({ platform: ChannelPlatform.TELEGRAM, reason: 'bad_secret' });
        return reply.code(401).send('X-Telegram-Bot-Api-Secret-Token does not match');
      }
      let body: unknown;
      try {
        body = JSON.parse((Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)).toString('utf8'));
      } catch {
        metrics.refused.inc({ platform: ChannelPlatform.TELEGRAM, reason: 'malformed' });
        return reply.code(400).send('not a Telegram update');
      }
      const update = parseTelegramUpdate(body, botId);
      if (update.kind === 'malformed') {
        // 200 all the same: Telegram would repeat a refused update, and this one will never read better.
        metrics.refused.inc({ platform: ChannelPlatform.TELEGRAM, reason: 'malformed' });
      } else if (update.kind === 'message') {
        const done = await write(reply, () => intake.record(ChannelPlatform.TELEGRAM, [update.message], []));
        if (!done) return reply;
      }
      metrics.webhookSeconds.observe({ platform: ChannelPlatform.TELEGRAM }, Number(process.hrtime.bigint() - started) / 1e9);
      return reply.code(200).send('ok');
    });
  };
}

/** Runs the durable write; a database outage answers 503 (the platform retries), anything else 500. */
async function write(reply: WebhookReply, work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (classifyDatabaseError(error) === 'UNAVAILABLE') {
      logger.warn('Storing a webhook delivery failed: database unavailable; the platform will retry');
      reply.code(503).header('retry-after', '5').send('temporarily unavailable');
    } else {
      logger.error({ err: error }, 'Storing a webhook delivery failed');
      reply.code(500).send('internal error');
    }
    return false;
  }
}
