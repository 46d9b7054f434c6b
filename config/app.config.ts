import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MinLength,
  Max,
  Min,
  ValidationError,
  validateSync,
} from 'class-validator';
import * as path from 'node:path';
import { passwordProblems } from '../src/core/identity/domain/password-rules';
import { type ChannelConfig, loadChannelConfig } from './channels.config';
import { type ChannelOutboundConfig, loadChannelOutboundConfig } from './channel-outbound.config';

/**
 * The environment as Sigap reads it. Every variable is listed in `.env.example`
 * with its default; this class is the only place that knows their names.
 */
class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @IsString()
  HOST = '0.0.0.0';

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'PORT must be a whole number from 1 to 65535 (got "$value")' })
  @Min(1, { message: 'PORT must be from 1 to 65535 (got $value)' })
  @Max(65535, { message: 'PORT must be from 1 to 65535 (got $value)' })
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a postgres:// or postgresql:// URL',
  })
  DATABASE_URL?: string;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'DATABASE_POOL_MAX must be a whole number (got "$value")' })
  @Min(1)
  @Max(200)
  DATABASE_POOL_MAX = 10;

  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'EMBEDDED_PG_PORT must be 0 (pick a free port) or a port number (got "$value")' })
  @Min(0)
  @Max(65535)
  EMBEDDED_PG_PORT = 0;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @IsIn(['json', 'pretty'], { message: 'LOG_FORMAT must be json or pretty' })
  LOG_FORMAT?: 'json' | 'pretty';

  @IsOptional()
  @Transform(({ value }) => toBoolean(value))
  @IsBoolean({ message: 'GRAPHQL_SANDBOX must be true or false (got "$value")' })
  GRAPHQL_SANDBOX?: boolean;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(0)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'WEB_CONCURRENCY must be a whole number of server processes (got "$value")' })
  @Min(1)
  @Max(64)
  WEB_CONCURRENCY = 1;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'REQUEST_BODY_LIMIT_KB must be a whole number of kilobytes' })
  @Min(1)
  REQUEST_BODY_LIMIT_KB = 256;

  @Matches(/^[A-Z]{2,6}$/, { message: 'TICKET_NUMBER_PREFIX must be 2-6 capital letters' })
  TICKET_NUMBER_PREFIX = 'BGL';

  @IsString()
  TIME_ZONE = 'Asia/Makassar';

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'REOPEN_WINDOW_DAYS must be a whole number of days' })
  @Min(0)
  @Max(365)
  REOPEN_WINDOW_DAYS = 14;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'ROLLOUT_LAUNCH_DATE must be a date as YYYY-MM-DD' })
  ROLLOUT_LAUNCH_DATE = '2026-12-01';

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'ROLLOUT_DAYS must be a whole number of days' })
  @Min(1)
  @Max(3650)
  ROLLOUT_DAYS = 100;

  @Transform(({ value }) => toBoolean(value))
  @IsBoolean({ message: 'SLA_SWEEP_ENABLED must be true or false' })
  SLA_SWEEP_ENABLED = true;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'SLA_SWEEP_INTERVAL_MS must be a whole number of milliseconds' })
  @Min(100)
  @Max(60_000)
  SLA_SWEEP_INTERVAL_MS = 1000;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'SLA_SWEEP_BATCH must be a whole number' })
  @Min(1)
  @Max(10_000)
  SLA_SWEEP_BATCH = 500;

  @Transform(({ value }) => toBoolean(value))
  @IsBoolean({ message: 'DELIVERY_RELAY_ENABLED must be true or false' })
  DELIVERY_RELAY_ENABLED = true;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'DELIVERY_POLL_MS must be a whole number of milliseconds' })
  @Min(50)
  @Max(60_000)
  DELIVERY_POLL_MS = 1000;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'DELIVERY_BATCH must be a whole number' })
  @Min(1)
  @Max(5_000)
  DELIVERY_BATCH = 200;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'DELIVERY_MAX_ATTEMPTS must be a whole number' })
  @Min(1)
  @Max(100)
  DELIVERY_MAX_ATTEMPTS = 10;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'DELIVERY_RETRY_BASE_MS must be a whole number of milliseconds' })
  @Min(10)
  @Max(3_600_000)
  DELIVERY_RETRY_BASE_MS = 1000;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'DELIVERY_RETRY_MAX_MS must be a whole number of milliseconds' })
  @Min(10)
  @Max(86_400_000)
  DELIVERY_RETRY_MAX_MS = 600_000;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'OUTBOX_RETENTION_DAYS must be a whole number of days' })
  @Min(1)
  @Max(3650)
  OUTBOX_RETENTION_DAYS = 14;

  @Transform(({ value }) => toBoolean(value))
  @IsBoolean({ message: 'WEBHOOK_DISPATCHER_ENABLED must be true or false' })
  WEBHOOK_DISPATCHER_ENABLED = true;

  @Transform(({ value }) => toBoolean(value))
  @IsBoolean({ message: 'WEBHOOK_ALLOW_PRIVATE_ADDRESSES must be true or false' })
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES = false;

  @Transform(({ value }) => toBoolean(value))
  @IsBoolean({ message: 'WEBHOOK_ALLOW_HTTP must be true or false' })
  WEBHOOK_ALLOW_HTTP = false;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'WEBHOOK_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(100)
  @Max(120_000)
  WEBHOOK_TIMEOUT_MS = 15_000;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'WEBHOOK_MAX_ATTEMPTS must be a whole number' })
  @Min(1)
  @Max(100)
  WEBHOOK_MAX_ATTEMPTS = 16;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'WEBHOOK_RETRY_BASE_MS must be a whole number of milliseconds' })
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_RETRY_BASE_MS = 5_000;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'WEBHOOK_RETRY_MAX_MS must be a whole number of milliseconds' })
  @Min(10)
  @Max(86_400_000)
  WEBHOOK_RETRY_MAX_MS = 21_600_000;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'WEBHOOK_CONCURRENCY must be a whole number of requests in flight' })
  @Min(1)
  @Max(256)
  WEBHOOK_CONCURRENCY = 16;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'WEBHOOK_POLL_MS must be a whole number of milliseconds' })
  @Min(50)
  @Max(60_000)
  WEBHOOK_POLL_MS = 1000;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'WEBHOOK_SECRET_GRACE_HOURS must be a whole number of hours' })
  @Min(0)
  @Max(720)
  WEBHOOK_SECRET_GRACE_HOURS = 24;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'AUTH_TOKEN_SECRET must be at least 32 characters (or unset: a key is made and kept in the database)' })
  AUTH_TOKEN_SECRET?: string;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'AUTH_ACCESS_TOKEN_MINUTES must be a whole number of minutes' })
  @Min(1)
  @Max(60)
  AUTH_ACCESS_TOKEN_MINUTES = 15;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'AUTH_REFRESH_TOKEN_DAYS must be a whole number of days' })
  @Min(1)
  @Max(90)
  AUTH_REFRESH_TOKEN_DAYS = 30;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'AUTH_SCRYPT_LOG_N must be a whole number (scrypt cost 2^N)' })
  @Min(10)
  @Max(20)
  AUTH_SCRYPT_LOG_N = 15;

  @IsOptional()
  @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'BOOTSTRAP_ADMIN_USERNAME must be 3-64 lower-case letters, digits or ._-' })
  BOOTSTRAP_ADMIN_USERNAME?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'LOGIN_RATE_LIMIT_PER_MINUTE must be a whole number' })
  @Min(1)
  @Max(10_000)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'PUBLIC_RATE_LIMIT_PER_MINUTE must be a whole number' })
  @Min(1)
  @Max(100_000)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 120;

  @IsString()
  ATTACHMENTS_DIR = '.data/attachments';

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'ATTACHMENT_MAX_KB must be a whole number of kilobytes' })
  @Min(16)
  @Max(100 * 1024)
  ATTACHMENT_MAX_KB = 16 * 1024;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'ATTACHMENT_URL_TTL_SECONDS must be a whole number of seconds' })
  @Min(10)
  @Max(3600)
  ATTACHMENT_URL_TTL_SECONDS = 300;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'ATTACHMENT_URL_SECRET must be at least 32 characters (or unset: a key is made and kept in the database)' })
  ATTACHMENT_URL_SECRET?: string;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'ATTACHMENT_ORPHAN_HOURS must be a whole number of hours' })
  @Min(1)
  @Max(24 * 30)
  ATTACHMENT_ORPHAN_HOURS = 24;

  @Transform(({ value }) => toBoolean(value))
  @IsBoolean({ message: 'ATTACHMENT_CLEANUP_ENABLED must be true or false' })
  ATTACHMENT_CLEANUP_ENABLED = true;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'ATTACHMENT_CLEANUP_INTERVAL_MS must be a whole number of milliseconds' })
  @Min(1000)
  @Max(86_400_000)
  ATTACHMENT_CLEANUP_INTERVAL_MS = 600_000;

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters (or unset: GET /metrics answers 404)' })
  METRICS_TOKEN?: string;

  @Matches(/^[a-z0-9.-]{1,253}$/, { message: 'OPEN311_JURISDICTION_ID must be a lower-case domain name such as banglikab.go.id' })
  OPEN311_JURISDICTION_ID = 'banglikab.go.id';

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'OPEN311_RATE_LIMIT_PER_MINUTE must be a whole number' })
  @Min(1)
  @Max(10_000)
  OPEN311_RATE_LIMIT_PER_MINUTE = 60;

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'OPEN311_DEDUPE_WINDOW_SECONDS must be a whole number of seconds' })
  @Min(1)
  @Max(86_400)
  OPEN311_DEDUPE_WINDOW_SECONDS = 600;

  @Matches(/^(\*|off|https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*)$/, {
    message: 'OPEN311_ALLOW_ORIGIN must be *, off, or a comma-separated list of origins such as https://app.example.org',
  })
  OPEN311_ALLOW_ORIGIN = '*';

  @Transform(({ value }) => toNumber(value))
  @IsInt({ message: 'OPEN311_BODY_LIMIT_KB must be a whole number of KiB' })
  @Min(16)
  @Max(1024)
  OPEN311_BODY_LIMIT_KB = 64;

  @IsString()
  @MinLength(1)
  OPEN311_CONTACT = 'Diskominfo Kabupaten Bangli, call centre 112';

  @IsOptional()
  @Transform(({ value }) => toBoolean(value))
  @IsBoolean({ message: 'CONSOLE_ENABLED must be true or false (got "$value")' })
  CONSOLE_ENABLED?: boolean;

  @IsString()
  @MinLength(1)
  CONSOLE_DIR = 'console/dist';
}

/** Typed, validated configuration; built once at startup by {@link loadAppConfig}. */
export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly bodyLimitKb: number;
    /** Server processes sharing the port (Node runs JavaScript on one core per process). */
    readonly workers: number;
  };
  readonly database: {
    /** A server named by the operator; when absent Sigap runs its own embedded PostgreSQL. */
    readonly url: string | null;
    readonly poolMax: number;
    readonly embedded: { readonly dataDir: string; readonly port: number };
  };
  readonly log: { readonly level: string; readonly format: 'json' | 'pretty' };
  readonly graphql: { readonly sandbox: boolean };
  readonly shutdownTimeoutMs: number;
  readonly tickets: {
    readonly numberPrefix: string;
    readonly timeZone: string;
    readonly reopenWindowMs: number;
  };
  /** The programme's promise: every OPD live within `days` of `launchDate`. */
  readonly rollout: { readonly launchDate: string; readonly days: number };
  /** The SLA sweeper: on by default; tests drive sweeps themselves. */
  readonly sla: { readonly sweepEnabled: boolean; readonly sweepIntervalMs: number; readonly sweepBatch: number };
  /** The outbox relay: on by default; tests drive it themselves unless they ask. */
  readonly delivery: {
    readonly relayEnabled: boolean;
    /** The backstop interval; a committed message wakes the relays at once (LISTEN/NOTIFY). */
    readonly pollMs: number;
    readonly batch: number;
    /** Failed attempts before a message is dead-lettered. */
    readonly maxAttempts: number;
    readonly retryBaseMs: number;
    readonly retryMaxMs: number;
    /** Published messages are kept this long (subscriptions resume within it), then pruned. */
    readonly retentionMs: number;
    /** Outbound webhooks to OPD systems: on by default; tests drive the dispatcher themselves unless they ask. */
    readonly webhooks: {
      readonly dispatcherEnabled: boolean;
      /** Receivers on private, loopback and other special addresses (tests, local development). */
      readonly allowPrivateAddresses: boolean;
      /** http:// endpoints besides https://. */
      readonly allowHttp: boolean;
      readonly timeoutMs: number;
      /** Attempts before a delivery is dead-lettered. */
      readonly maxAttempts: number;
      readonly retryBaseMs: number;
      readonly retryMaxMs: number;
      /** Requests in flight per instance (never two of one endpoint's ticket). */
      readonly concurrency: number;
      /** The backstop interval; committed deliveries wake the dispatchers at once (LISTEN/NOTIFY). */
      readonly pollMs: number;
      /** Finished deliveries (delivered, dead, cancelled) are kept this long, like published outbox messages. */
      readonly retentionMs: number;
      /** How long the previous secret keeps signing after a rotation. */
      readonly secretGraceMs: number;
    };
  };
  readonly auth: {
    /** null: a key is generated at first boot and kept in the database, shared by every instance. */
    readonly tokenSecret: string | null;
    readonly accessTokenMs: number;
    readonly refreshTokenMs: number;
    /** scrypt cost as log2(N); 15 = 32 MiB per hash. */
    readonly scryptLogN: number;
    /** Both or neither: the first admin, created when no admin exists. */
    readonly bootstrapAdmin: { readonly username: string; readonly password: string } | null;
    readonly loginLimitPerMinute: number;
    readonly publicLimitPerMinute: number;
  };
  /** GET /metrics: null (no token configured) turns the route off. */
  readonly metrics: { readonly token: string | null };
  /** Uploaded photos, voice notes and documents (POST /attachments). */
  readonly attachments: {
    /** Absolute folder of the local store (content-addressed by SHA-256). */
    readonly dir: string;
    readonly maxBytes: number;
    /** How long a signed download URL stays valid. */
    readonly urlTtlMs: number;
    /** null: a key is generated at first boot and kept in the database, shared by every instance. */
    readonly urlSecret: string | null;
    /** Uploads never referenced by a ticket are deleted after this long. */
    readonly orphanAfterMs: number;
    /** The cleanup job: on by default; every instance may run it (rows are claimed). */
    readonly cleanupEnabled: boolean;
    readonly cleanupIntervalMs: number;
  };
  /**
   * The call-centre console (console/), built into `dir` and served at `/`. On unless NODE_ENV=test
   * (the API's own tests need no build); when on, a missing build stops the boot.
   */
  readonly console: { readonly enabled: boolean; readonly dir: string };
  /** The Open311 GeoReport v2 server under /open311/v2 (docs/open311.md). */
  readonly open311: {
    /** The one jurisdiction served; a request naming another gets 404. */
    readonly jurisdictionId: string;
    /** Requests per minute of a client's key, unless its own limit says otherwise. */
    readonly rateLimitPerMinute: number;
    /** The same POST from the same device within this span is one ticket. */
    readonly dedupeWindowMs: number;
    /** Access-Control-Allow-Origin: '*', a list of origins, or null (no header). */
    readonly allowOrigins: readonly string[] | null;
    readonly bodyLimitKb: number;
    /** The discovery document's contact. */
    readonly contact: string;
  };
  /** Social-media intake and replies (docs/channels.md; variables in config/channels.config.ts). */
  readonly channels: ChannelConfig;
  /** Replies and milestones to citizens: the dispatcher (config/channel-outbound.config.ts). */
  readonly channelOutbound: ChannelOutboundConfig;
}

/** Thrown when the environment is invalid; its message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment once and returns typed configuration.
 *
 * @example
 * const config = loadAppConfig({ PORT: '8080' });
 * config.http.port; // 8080
 * loadAppConfig({ PORT: 'abc' }); // throws ConfigError naming PORT
 */
export function loadAppConfig(
  env: Record<string, string | undefined> = process.env,
  projectRoot: string = PROJECT_ROOT,
): AppConfig {
  // Empty strings mean "unset" (a blank line in .env), so defaults apply.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const vars = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const errors = validateSync(vars, { skipMissingProperties: false, forbidUnknownValues: false });
  const channels = loadChannelConfig(present);
  const outbound = loadChannelOutboundConfig(present);
  const problems = [...errors.flatMap(describe), ...channels.problems, ...outbound.problems];
  if (problems.length > 0) throw new ConfigError(problems);
  if (!vars.BOOTSTRAP_ADMIN_USERNAME !== !vars.BOOTSTRAP_ADMIN_PASSWORD) {
    throw new ConfigError(['BOOTSTRAP_ADMIN_USERNAME and BOOTSTRAP_ADMIN_PASSWORD go together: set both or neither']);
  }
  if (vars.BOOTSTRAP_ADMIN_USERNAME && vars.BOOTSTRAP_ADMIN_PASSWORD) {
    // The same rules as every password change, before any migration runs.
    const problems = passwordProblems(vars.BOOTSTRAP_ADMIN_PASSWORD, vars.BOOTSTRAP_ADMIN_USERNAME);
    if (problems.length) throw new ConfigError(problems.map((p) => `BOOTSTRAP_ADMIN_PASSWORD: ${p.replace(/^password: /, '')}`));
  }

  const production = vars.NODE_ENV === 'production';
  return {
    env: vars.NODE_ENV as AppConfig['env'],
    http: { host: vars.HOST, port: vars.PORT, bodyLimitKb: vars.REQUEST_BODY_LIMIT_KB, workers: vars.WEB_CONCURRENCY },
    database: {
      url: vars.DATABASE_URL ?? null,
      poolMax: vars.DATABASE_POOL_MAX,
      embedded: {
        dataDir: path.resolve(projectRoot, vars.EMBEDDED_PG_DIR),
        port: vars.EMBEDDED_PG_PORT,
      },
    },
    log: {
      level: vars.LOG_LEVEL,
      format: vars.LOG_FORMAT ?? (vars.NODE_ENV === 'development' ? 'pretty' : 'json'),
    },
    graphql: { sandbox: vars.GRAPHQL_SANDBOX ?? !production },
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS,
    tickets: {
      numberPrefix: vars.TICKET_NUMBER_PREFIX,
      timeZone: vars.TIME_ZONE,
      reopenWindowMs: vars.REOPEN_WINDOW_DAYS * 24 * 60 * 60 * 1000,
    },
    rollout: { launchDate: vars.ROLLOUT_LAUNCH_DATE, days: vars.ROLLOUT_DAYS },
    sla: { sweepEnabled: vars.SLA_SWEEP_ENABLED, sweepIntervalMs: vars.SLA_SWEEP_INTERVAL_MS, sweepBatch: vars.SLA_SWEEP_BATCH },
    delivery: {
      relayEnabled: vars.DELIVERY_RELAY_ENABLED,
      pollMs: vars.DELIVERY_POLL_MS,
      batch: vars.DELIVERY_BATCH,
      maxAttempts: vars.DELIVERY_MAX_ATTEMPTS,
      retryBaseMs: vars.DELIVERY_RETRY_BASE_MS,
      retryMaxMs: Math.max(vars.DELIVERY_RETRY_MAX_MS, vars.DELIVERY_RETRY_BASE_MS),
      retentionMs: vars.OUTBOX_RETENTION_DAYS * 24 * 60 * 60_000,
      webhooks: {
        dispatcherEnabled: vars.WEBHOOK_DISPATCHER_ENABLED,
        allowPrivateAddresses: vars.WEBHOOK_ALLOW_PRIVATE_ADDRESSES,
        allowHttp: vars.WEBHOOK_ALLOW_HTTP,
        timeoutMs: vars.WEBHOOK_TIMEOUT_MS,
        maxAttempts: vars.WEBHOOK_MAX_ATTEMPTS,
        retryBaseMs: vars.WEBHOOK_RETRY_BASE_MS,
        retryMaxMs: Math.max(vars.WEBHOOK_RETRY_MAX_MS, vars.WEBHOOK_RETRY_BASE_MS),
        concurrency: vars.WEBHOOK_CONCURRENCY,
        pollMs: vars.WEBHOOK_POLL_MS,
        retentionMs: vars.OUTBOX_RETENTION_DAYS * 24 * 60 * 60_000,
        secretGraceMs: vars.WEBHOOK_SECRET_GRACE_HOURS * 60 * 60_000,
      },
    },
    auth: {
      tokenSecret: vars.AUTH_TOKEN_SECRET ?? null,
      accessTokenMs: vars.AUTH_ACCESS_TOKEN_MINUTES * 60_000,
      refreshTokenMs: vars.AUTH_REFRESH_TOKEN_DAYS * 24 * 60 * 60_000,
      scryptLogN: vars.AUTH_SCRYPT_LOG_N,
      bootstrapAdmin:
        vars.BOOTSTRAP_ADMIN_USERNAME && vars.BOOTSTRAP_ADMIN_PASSWORD
          ? { username: vars.BOOTSTRAP_ADMIN_USERNAME, password: vars.BOOTSTRAP_ADMIN_PASSWORD }
          : null,
      loginLimitPerMinute: vars.LOGIN_RATE_LIMIT_PER_MINUTE,
      publicLimitPerMinute: vars.PUBLIC_RATE_LIMIT_PER_MINUTE,
    },
    metrics: { token: vars.METRICS_TOKEN ?? null },
    attachments: {
      dir: path.resolve(projectRoot, vars.ATTACHMENTS_DIR),
      maxBytes: vars.ATTACHMENT_MAX_KB * 1024,
      urlTtlMs: vars.ATTACHMENT_URL_TTL_SECONDS * 1000,
      urlSecret: vars.ATTACHMENT_URL_SECRET ?? null,
      orphanAfterMs: vars.ATTACHMENT_ORPHAN_HOURS * 60 * 60_000,
      cleanupEnabled: vars.ATTACHMENT_CLEANUP_ENABLED,
      cleanupIntervalMs: vars.ATTACHMENT_CLEANUP_INTERVAL_MS,
    },
    console: {
      enabled: vars.CONSOLE_ENABLED ?? vars.NODE_ENV !== 'test',
      dir: path.resolve(projectRoot, vars.CONSOLE_DIR),
    },
    open311: {
      jurisdictionId: vars.OPEN311_JURISDICTION_ID,
      rateLimitPerMinute: vars.OPEN311_RATE_LIMIT_PER_MINUTE,
      dedupeWindowMs: vars.OPEN311_DEDUPE_WINDOW_SECONDS * 1000,
      allowOrigins: vars.OPEN311_ALLOW_ORIGIN === 'off' ? null : vars.OPEN311_ALLOW_ORIGIN.split(','),
      bodyLimitKb: vars.OPEN311_BODY_LIMIT_KB,
      contact: vars.OPEN311_CONTACT,
    },
    channels: channels.config,
    channelOutbound: outbound.config,
  };
}

/** The repository root: config/ sits at the top, in source and in dist/. */
export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(from: string): string {
  // dist/config/app.config.js and config/app.config.ts both live one or two
  // levels below the folder holding package.json.
  const up = path.basename(path.dirname(from)) === 'dist' ? '../..' : '..';
  return path.resolve(from, up);
}

// One line per variable: the type check first, since a range check on a
// non-number only repeats it.
const FIRST_CHECKS = ['isInt', 'isBoolean', 'isIn', 'matches', 'isString'];

function describe(error: ValidationError): string[] {
  const constraints = error.constraints ?? {};
  const key = FIRST_CHECKS.find((k) => k in constraints) ?? Object.keys(constraints)[0];
  const message = key ? constraints[key] : undefined;
  const own = message ? [message.startsWith(error.property) ? message : `${error.property}: ${message}`] : [];
  return [...own, ...(error.children ?? []).flatMap(describe)];
}

function toNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return /^-?\d+$/.test(value.trim()) ? Number(value) : value;
}

function toBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(lower)) return true;
  if (['false', '0', 'no'].includes(lower)) return false;
  return value;
}
