import * as path from 'node:path';
import { ConfigError, loadAppConfig } from './app.config';

describe('loadAppConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadAppConfig({}, '/srv/sigap');
    expect(config).toMatchObject({
      env: 'development',
      http: { host: '0.0.0.0', port: 3000, bodyLimitKb: 256, workers: 1 },
      database: { url: null, poolMax: 10, embedded: { dataDir: path.resolve('/srv/sigap/.data/postgres'), port: 0 } },
      log: { level: 'info', format: 'pretty' },
      graphql: { sandbox: true },
      tickets: { numberPrefix: 'BGL', timeZone: 'Asia/Makassar', reopenWindowMs: 14 * 86_400_000 },
    });
  });

  it('types numbers and booleans, and treats blank values as unset', () => {
    const config = loadAppConfig({ PORT: '8080', GRAPHQL_SANDBOX: 'false', DATABASE_POOL_MAX: '', NODE_ENV: 'production' });
    expect(config.http.port).toBe(8080);
    expect(config.graphql.sandbox).toBe(false);
    expect(config.database.poolMax).toBe(10);
    expect(config.log.format).toBe('json');
  });

  it('reads the attachment settings: a folder under the project, 16 MiB, 5-minute links, 24 h for orphans', () => {
    expect(loadAppConfig({}, '/srv/sigap').attachments).toEqual({
      dir: path.resolve('/srv/sigap/.data/attachments'), maxBytes: 16 * 1024 * 1024, urlTtlMs: 300_000, urlSecret: null,
      orphanAfterMs: 24 * 3_600_000, cleanupEnabled: true, cleanupIntervalMs: 600_000,
    });
    expect(() => loadAppConfig({ ATTACHMENT_URL_SECRET: 'short' })).toThrow(/ATTACHMENT_URL_SECRET must be at least 32 characters/);
  });

  it('turns GET /metrics off without a token, and refuses a short one', () => {
    expect(loadAppConfig({}).metrics.token).toBeNull();
    expect(loadAppConfig({ METRICS_TOKEN: 'a-long-enough-scrape-token' }).metrics.token).toBe('a-long-enough-scrape-token');
    expect(() => loadAppConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
  });

  it('turns the sandbox off in production unless asked for', () => {
    expect(loadAppConfig({ NODE_ENV: 'production' }).graphql.sandbox).toBe(false);
    expect(loadAppConfig({ NODE_ENV: 'production', GRAPHQL_SANDBOX: 'true' }).graphql.sandbox).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be from 1 to 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ GRAPHQL_SANDBOX: 'maybe' }, /GRAPHQL_SANDBOX must be true or false/],
    [{ TICKET_NUMBER_PREFIX: 'bgl' }, /TICKET_NUMBER_PREFIX/],
  ])('names the bad variable in %j', (env, message) => {
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    expect(() => loadAppConfig(env)).toThrow(message);
  });

  it('reports every bad variable at once', () => {
    try {
      loadAppConfig({ PORT: 'abc', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });

  it('checks the bootstrap admin password with the password rules before anything starts', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadAppConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ BOOTSTRAP_ADMIN_USERNAME: 'putu', BOOTSTRAP_ADMIN_PASSWORD: 'putu-kintamani-2026' })).toEqual([
      'BOOTSTRAP_ADMIN_PASSWORD: must not contain the username',
    ]);
    expect(problems({ BOOTSTRAP_ADMIN_USERNAME: 'putu', BOOTSTRAP_ADMIN_PASSWORD: 'aaaaaaaaaaaaaaaa' })).toEqual([
      'BOOTSTRAP_ADMIN_PASSWORD: too few different characters',
    ]);
    expect(problems({ BOOTSTRAP_ADMIN_USERNAME: 'putu', BOOTSTRAP_ADMIN_PASSWORD: 'kopi-kintamani-2026!' })).toEqual([]);
  });

  it('reads the webhook settings: safe by default, development switches explicit', () => {
    expect(loadAppConfig({}).delivery.webhooks).toEqual({
      dispatcherEnabled: true, allowPrivateAddresses: false, allowHttp: false, timeoutMs: 15_000, maxAttempts: 16,
      retryBaseMs: 5_000, retryMaxMs: 21_600_000, concurrency: 16, pollMs: 1000, secretGraceMs: 24 * 3_600_000, retentionMs: 14 * 24 * 3_600_000,
    });
    const dev = loadAppConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true', WEBHOOK_ALLOW_HTTP: 'yes', WEBHOOK_RETRY_BASE_MS: '9000', WEBHOOK_RETRY_MAX_MS: '100' }).delivery.webhooks;
    expect(dev).toMatchObject({ allowPrivateAddresses: true, allowHttp: true, retryBaseMs: 9000, retryMaxMs: 9000 });
    expect(() => loadAppConfig({ WEBHOOK_TIMEOUT_MS: '15s', WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'maybe' })).toThrow(/WEBHOOK_TIMEOUT_MS[\s\S]*WEBHOOK_ALLOW_PRIVATE_ADDRESSES|WEBHOOK_ALLOW_PRIVATE_ADDRESSES[\s\S]*WEBHOOK_TIMEOUT_MS/);
  });
});
