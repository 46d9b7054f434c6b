import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres, EmbeddedPostgresError } from '../../src/infra/database/embedded-postgres.launcher';
import { BOOT_TIMEOUT_MS } from '../support/timeouts';

const quiet = { info: () => undefined, warn: () => undefined, debug: () => undefined };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL launcher', () => {
  const dataDir = path.join(os.tmpdir(), `sigap-launcher-${randomBytes(4).toString('hex')}`, 'pg');
  const options = { dataDir, port: 0, database: 'app', persistent: true, logger: quiet };
  let running: EmbeddedPostgres | null = null;

  afterAll(async () => {
    await running?.stop();
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    if (running) fs.rmSync(running.dataDir, { recursive: true, force: true });
  }, BOOT_TIMEOUT_MS);

  it('starts on a free port, keeps data across a restart and leaves no process behind', async () => {
    const first = await EmbeddedPostgres.start(options);
    await query(first.url, 'CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)');
    const pid = first.pid!;
    await first.stop();
    expect(isAlive(pid)).toBe(false);

    running = await EmbeddedPostgres.start(options);
    expect(await query(running.url, 'SELECT v FROM kept')).toEqual([{ v: 42 }]);
  }, BOOT_TIMEOUT_MS);

  it('reports a taken port with the port and the fix', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const other = path.join(os.tmpdir(), `sigap-launcher-${randomBytes(4).toString('hex')}`, 'pg');
    try {
      const attempt = EmbeddedPostgres.start({ ...options, dataDir: other, port });
      await expect(attempt).rejects.toThrow(EmbeddedPostgresError);
      await expect(attempt).rejects.toThrow(new RegExp(`127\\.0\\.0\\.1:${port}.*EMBEDDED_PG_PORT=0`));
    } finally {
      blocker.close();
      fs.rmSync(path.dirname(other), { recursive: true, force: true });
    }
  }, BOOT_TIMEOUT_MS);

  it('stops a server an earlier, killed run left on the same data folder', async () => {
    const orphan = running!;
    const orphanPid = orphan.pid!;
    // A second start on the same folder stands in for a restart after a crash.
    running = await EmbeddedPostgres.start(options);
    expect(isAlive(orphanPid)).toBe(false);
    expect(await query(running.url, 'SELECT v FROM kept')).toEqual([{ v: 42 }]);
    await orphan.stop(); // already gone: must not throw
  }, BOOT_TIMEOUT_MS);
});
