import { Client } from 'pg';

/**
 * The floor under any PostgreSQL fan-out: a transaction commits a NOTIFY and
 * a LISTENing connection receives it. Measured in the same run as the
 * delivery, on the same database, `count` times in a row; milliseconds each.
 */
export async function notifyRoundTrips(databaseUrl: string, count: number): Promise<number[]> {
  const listener = new Client({ connectionString: databaseUrl });
  const sender = new Client({ connectionString: databaseUrl });
  await listener.connect();
  await sender.connect();
  try {
    await listener.query('LISTEN sigap_bench_baseline');
    const latencies: number[] = [];
    for (let i = 0; i < count; i++) {
      const arrived = new Promise<number>((resolve) => listener.once('notification', () => resolve(performance.now())));
      const t0 = performance.now();
      await sender.query('BEGIN');
      await sender.query(`SELECT pg_notify('sigap_bench_baseline', $1)`, [String(i)]);
      await sender.query('COMMIT');
      latencies.push((await arrived) - t0);
    }
    return latencies;
  } finally {
    await listener.end();
    await sender.end();
  }
}
