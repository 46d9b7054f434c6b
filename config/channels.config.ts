/**
 * Social-media channel settings (issue 13, docs/channels.md), read from the
 * environment by {@link loadChannelConfig} inside `loadAppConfig`. Secrets are
 * kept here only; they are never returned by the API and never logged (the
 * `toJSON` of {@link ChannelSecrets} hides them from a logged config).
 */

/** One Telegram bot: its id (the part of the token before ':'), token and webhook secret. */
export interface TelegramBotConfig {
  readonly botId: string;
  readonly token: string;
  /** What Telegram sends in `X-Telegram-Bot-Api-Secret-Token` (set with setWebhook's `secret_token`). */
  readonly secretToken: string;
}

/** Meta's app credentials: WhatsApp Cloud API, Messenger and Instagram share one app and one webhook. */
export interface MetaAppConfig {
  /** Signs every webhook (`X-Hub-Signature-256`). */
  readonly appSecret: string;
  /** Answers the GET handshake (`hub.verify_token`). */
  readonly verifyToken: string;
  /** Calls the Graph API (replies, media). */
  readonly accessToken: string;
}

export interface ChannelConfig {
  /** null: Meta is not configured; /webhooks/meta answers 404. */
  readonly meta: MetaAppConfig | null;
  readonly metaGraphBaseUrl: string;
  readonly telegramBots: readonly TelegramBotConfig[];
  readonly telegramApiBaseUrl: string;
  /** The webhook routes' own body limit: Meta batches up to 1000 updates (WhatsApp payloads up to ~3 MB). */
  readonly webhookBodyLimitBytes: number;
  /** The first-response SLA for a social message: minutes from the first unanswered message to the first reply. */
  readonly firstResponseMs: number;
}

const TELEGRAM_SECRET = /^[A-Za-z0-9_-]{1,256}$/;
const BOT_ID = /^\d{1,20}$/;

/**
 * Validates the channel variables; returns the typed settings and a list of
 * problems (each names its variable, never a secret's value).
 *
 * @example
 * loadChannelConfig({ TELEGRAM_BOTS: '123=123:abc=s3cret' }).config.telegramBots[0].botId; // '123'
 */
export function loadChannelConfig(env: Record<string, string | undefined>): { config: ChannelConfig; problems: string[] } {
  const problems: string[] = [];
  const metaVars = ['META_APP_SECRET', 'META_VERIFY_TOKEN', 'META_ACCESS_TOKEN'] as const;
  const setMeta = metaVars.filter((v) => env[v]);
  let meta: MetaAppConfig | null = null;
  if (setMeta.length > 0 && setMeta.length < metaVars.length) {
    problems.push(`${metaVars.join(', ')} go together: set all three or none (missing: ${metaVars.filter((v) => !env[v]).join(', ')})`);
  } else if (setMeta.length === metaVars.length) {
    if (env.META_APP_SECRET!.length < 16) problems.push('META_APP_SECRET must be at least 16 characters (the App Secret from the Meta app dashboard)');
    if (env.META_VERIFY_TOKEN!.length < 8) problems.push('META_VERIFY_TOKEN must be at least 8 characters');
    meta = hideSecrets({ appSecret: env.META_APP_SECRET!, verifyToken: env.META_VERIFY_TOKEN!, accessToken: env.META_ACCESS_TOKEN! });
  }

  const metaGraphBaseUrl = baseUrl(env, 'META_GRAPH_BASE_URL', 'https://graph.facebook.com/v21.0', problems);
  const telegramApiBaseUrl = baseUrl(env, 'TELEGRAM_API_BASE_URL', 'https://api.telegram.org', problems);

  const telegramBots: TelegramBotConfig[] = [];
  for (const [i, entry] of (env.TELEGRAM_BOTS ?? '').split(',').map((s) => s.trim()).filter(Boolean).entries()) {
    const parts = entry.split('=');
    const where = `TELEGRAM_BOTS entry ${i + 1}`;
    if (parts.length !== 3) {
      problems.push(`${where} must be <botId>=<botToken>=<secretToken>`);
      continue;
    }
    const [botId, token, secretToken] = parts;
    if (!BOT_ID.test(botId)) problems.push(`${where}: the bot id must be digits (the part of the token before ':')`);
    else if (!token.startsWith(`${botId}:`)) problems.push(`${where}: the bot token must start with "${botId}:"`);
    else if (!TELEGRAM_SECRET.test(secretToken)) problems.push(`${where}: the secret token must be 1-256 of A-Z a-z 0-9 _ - (Telegram's rule)`);
    else if (telegramBots.some((b) => b.botId === botId)) problems.push(`${where}: bot ${botId} is listed twice`);
    else telegramBots.push(hideSecrets({ botId, token, secretToken }));
  }

  const limitKb = wholeNumber(env, 'CHANNEL_WEBHOOK_BODY_LIMIT_KB', 4096, 64, 16_384, problems);
  const firstResponseMinutes = wholeNumber(env, 'CHANNEL_FIRST_RESPONSE_MINUTES', 15, 1, 7 * 24 * 60, problems);
  return {
    config: {
      meta,
      metaGraphBaseUrl,
      telegramBots,
      telegramApiBaseUrl,
      webhookBodyLimitBytes: limitKb * 1024,
      firstResponseMs: firstResponseMinutes * 60_000,
    },
    problems,
  };
}

/** Secrets stay readable in code but print as [hidden] in a logged or serialised config. */
function hideSecrets<T extends object>(value: T): T {
  Object.defineProperty(value, 'toJSON', { enumerable: false, value: () => '[hidden]' });
  return Object.freeze(value);
}

function baseUrl(env: Record<string, string | undefined>, name: string, fallback: string, problems: string[]): string {
  const value = env[name] || fallback;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    return value.replace(/\/+$/, '');
  } catch {
    problems.push(`${name} must be an http(s) URL such as ${fallback}`);
    return fallback;
  }
}

function wholeNumber(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw.trim())) {
    problems.push(`${name} must be a whole number (got "${raw}")`);
    return fallback;
  }
  const n = Number(raw.trim());
  if (n < min || n > max) problems.push(`${name} must be from ${min} to ${max} (got ${n})`);
  return n;
}
