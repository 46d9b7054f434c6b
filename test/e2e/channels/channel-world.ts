import { Client } from 'pg';
import { MetricsRegistry } from '../../../src/infra/metrics/metrics.registry';
import { FakeMeta } from '../../support/fake-meta';
import { FakeTelegram } from '../../support/fake-telegram';
import { ManualClock } from '../../support/manual-clock';
import { startTestApp, TestApp } from '../../support/test-app';
import { listenForSockets } from '../../support/ws-client';

export const APP_SECRET = 'e2e-meta-app-secret-0123456789';
export const VERIFY_TOKEN = 'e2e-verify-token';
export const WA_PHONE_ID = '109876543210001';
export const PAGE_ID = '550000000000001';
export const BOT_ID = '7000001';
export const BOT_SECRET = 'tg_secret-e2e';
export const ADMIN = { userId: 'adm-channels', role: 'ADMIN' };

/** The app with Meta and one Telegram bot configured, listening on loopback, and the fakes pointed at it. */
export interface ChannelWorld {
  t: TestApp;
  meta: FakeMeta;
  telegram: FakeTelegram;
  wsUrl: string;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  metric(name: string, labels: Record<string, string>): Promise<number>;
  register(platform: string, accountId: string, displayName: string): Promise<{ id: string; version: number }>;
  close(): Promise<void>;
}

export async function startChannelWorld(env: Record<string, string> = {}): Promise<ChannelWorld> {
  const t = await startTestApp(
    { META_APP_SECRET: APP_SECRET, META_VERIFY_TOKEN: VERIFY_TOKEN, META_ACCESS_TOKEN: 'EAAG-e2e-access', TELEGRAM_BOTS: `${BOT_ID}=${BOT_ID}:AAE2E=${BOT_SECRET}`, ...env },
    new ManualClock('2026-12-03T01:00:00Z'),
  );
  const wsUrl = await listenForSockets(t.app);
  const base = wsUrl.replace(/^ws/, 'http').replace(/\/graphql$/, '');
  const db = new Client({ connectionString: t.db.url });
  await db.connect();
  return {
    t,
    wsUrl,
    meta: new FakeMeta(base, APP_SECRET),
    telegram: new FakeTelegram(base, BOT_ID, BOT_SECRET),
    sql: async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[],
    metric: async (name, labels) => {
      const text = await t.app.get(MetricsRegistry).metrics();
      const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
      // A series with labels (`name{…} v`) or without (`name v`).
      const line = text.split('\n').find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && want.every((w) => l.includes(w)));
      return line ? Number(line.split(' ').pop()) : 0;
    },
    register: async (platform, accountId, displayName) => {
      const res = await t.gql<{ registerOfficialAccount: { id: string; version: number } }>(
        'mutation R($input: RegisterOfficialAccountInput!) { registerOfficialAccount(input: $input) { id version } }',
        { input: { platform, accountId, displayName, decreeRef: 'Kep. Bupati Bangli No. 100/2026' } },
        ADMIN,
      );
      if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
      return res.body.data.registerOfficialAccount;
    },
    close: async () => {
      await db.end();
      await t.close();
    },
  };
}
