import { loadAppConfig } from './app.config';
import { loadChannelConfig } from './channels.config';

describe('channel configuration', () => {
  it('defaults: no Meta app, no bots, 4 MiB webhook bodies, a 15-minute first response', () => {
    const { config, problems } = loadChannelConfig({});
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      meta: null, telegramBots: [], metaGraphBaseUrl: 'https://graph.facebook.com/v21.0', telegramApiBaseUrl: 'https://api.telegram.org',
      webhookBodyLimitBytes: 4096 * 1024, firstResponseMs: 15 * 60_000,
    });
  });

  it('takes the three Meta secrets together or not at all, naming what is missing but no value', () => {
    const { problems } = loadChannelConfig({ META_APP_SECRET: 'a-very-secret-app-secret' });
    expect(problems).toEqual([expect.stringMatching(/set all three or none \(missing: META_VERIFY_TOKEN, META_ACCESS_TOKEN\)/)]);
    expect(problems.join()).not.toContain('a-very-secret-app-secret');
    expect(() => loadAppConfig({ META_VERIFY_TOKEN: 'verify-me-please' })).toThrow(/META_APP_SECRET, META_VERIFY_TOKEN, META_ACCESS_TOKEN go together/);
  });

  it('reads Telegram bots as <botId>=<token>=<secret> and refuses malformed ones', () => {
    const ok = loadChannelConfig({ TELEGRAM_BOTS: '111=111:AAA-bbb=sec_1, 222=222:CCC=sec-2' });
    expect(ok.problems).toEqual([]);
    expect(ok.config.telegramBots.map((b) => [b.botId, b.token, b.secretToken])).toEqual([['111', '111:AAA-bbb', 'sec_1'], ['222', '222:CCC', 'sec-2']]);
    const bad = loadChannelConfig({ TELEGRAM_BOTS: '111=999:x=s,abc=abc:x=s,333=333:x=bad secret!,444' });
    expect(bad.problems).toHaveLength(4);
  });

  it('never prints a secret when the configuration is serialised (logged)', () => {
    const config = loadAppConfig({
      META_APP_SECRET: 'app-secret-0123456789', META_VERIFY_TOKEN: 'verify-token-x', META_ACCESS_TOKEN: 'EAAG-access-token',
      TELEGRAM_BOTS: '111=111:bot-token-value=tg-secret-value',
    });
    expect(config.channels.meta?.appSecret).toBe('app-secret-0123456789');
    const text = JSON.stringify(config);
    for (const secret of ['app-secret-0123456789', 'verify-token-x', 'EAAG-access-token', 'bot-token-value', 'tg-secret-value']) expect(text).not.toContain(secret);
  });

  it('checks base URLs and limits', () => {
    expect(loadChannelConfig({ META_GRAPH_BASE_URL: 'ftp://x' }).problems).toEqual([expect.stringMatching(/META_GRAPH_BASE_URL must be an http\(s\) URL/)]);
    expect(loadChannelConfig({ META_GRAPH_BASE_URL: 'http://127.0.0.1:9/v21.0/' }).config.metaGraphBaseUrl).toBe('http://127.0.0.1:9/v21.0');
    expect(loadChannelConfig({ CHANNEL_WEBHOOK_BODY_LIMIT_KB: '10' }).problems).toHaveLength(1);
    expect(loadChannelConfig({ CHANNEL_FIRST_RESPONSE_MINUTES: 'soon' }).problems).toHaveLength(1);
  });
});
