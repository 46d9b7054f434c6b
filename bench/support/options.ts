import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Measured seconds of each side (API, then baseline). */
  readonly durationS: number;
  /** Seconds of load before each measured run; not counted. */
  readonly warmupS: number;
  /** Concurrent HTTP connections = concurrent baseline transactions. */
  readonly connections: number;
  /** An existing PostgreSQL database to use instead of a fresh embedded one. */
  readonly databaseUrl: string | null;
  /** Profile the server (node --cpu-prof) during the API run and summarise it. */
  readonly cpuProf: boolean;
}

export const USAGE = `Usage: npm run bench:intake -- [options]

Measures the createTicket mutation of the built server against a plain-pg
replay of the SQL statements it issues, at the same concurrency.

Options (flag, or environment variable; the flag wins):
  --duration <s>       measured seconds per side          BENCH_DURATION     (default 15)
  --warmup <s>         unmeasured warm-up seconds per side BENCH_WARMUP       (default 3)
  --connections <n>    concurrent connections             BENCH_CONNECTIONS  (default 16)
  --cpu-prof           profile the server during the API run and print its hottest functions
  -h, --help           this text

  BENCH_DATABASE_URL   use this PostgreSQL database (migrated, then written to)
                       instead of a fresh embedded PostgreSQL
  DATABASE_POOL_MAX    passed through to the server (app default: 10)
`;

export class UsageError extends Error {}

/** Flags first, then BENCH_* variables, then defaults. */
export function readOptions(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): BenchOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        duration: { type: 'string' },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        'cpu-prof': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) return 'help';
  return {
    durationS: whole('--duration / BENCH_DURATION', values.duration ?? env.BENCH_DURATION, 15, 1),
    warmupS: whole('--warmup / BENCH_WARMUP', values.warmup ?? env.BENCH_WARMUP, 3, 0),
    connections: whole('--connections / BENCH_CONNECTIONS', values.connections ?? env.BENCH_CONNECTIONS, 16, 1),
    databaseUrl: env.BENCH_DATABASE_URL?.trim() || null,
    cpuProf: values['cpu-prof'] === true,
  };
}

export function whole(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new UsageError(`${name} must be a whole number ≥ ${min} (got "${raw}")`);
  }
  return value;
}
