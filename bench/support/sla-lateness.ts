/**
 * Part B of bench:sla, one phase: two server instances on one database,
 * `due` emergency tickets created through the API whose TRIAGE breach falls
 * inside a window that opens after the last create, a fixed-rate create load
 * beside it, and one instance restarted in the middle of the window.
 *
 * mode "scheduler": the servers sweep as in production (interval + precise timer).
 * mode "interval-only": the baseline; the servers do not sweep
 * (SLA_SWEEP_ENABLED=false) and the bench runs, per instance, the same sweep
 * once a second with no precise timer (IntervalSweeper).
 */
import { OpdDirectory } from '../../src/core/opd';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { SlaCatalog } from '../../src/core/sla/application/sla-catalog';
import { SlaSweeper } from '../../src/core/sla/sweeper/sla-sweeper';
import { SlaMetrics } from '../../src/core/sla/application/sla.metrics';
import { MetricsRegistry } from '../../src/infra/metrics/metrics.registry';
import { buildOrmOptions } from '../../src/bootstrap/mikro-orm.options';
import type { Cleanup } from './cleanup';
import type { SlaBenchOptions } from './sla-options';
import { IntervalSweeper } from './sla-interval-sweeper';
import { countRecorded, LatenessOutcome, readLateness } from './sla-lateness-results';
import { CreatedDue, CreateLoad, CreateLoadResult, createDueTickets, ServerPool } from './sla-load';
import { SigapServer } from './server';

export type SweepMode = 'scheduler' | 'interval-only';

const TRIAGE_MS = 5 * 60_000;
const SWEEP_INTERVAL_MS = 1000;

export interface PhaseResult {
  readonly mode: SweepMode;
  readonly created: CreatedDue;
  /** Milliseconds from the last create's answer to the window's start (must be > 0). */
  readonly slackMs: number;
  /** Relative to the window's start, ms. */
  readonly restart: { readonly drainedAt: number; readonly termAt: number; readonly exitedAt: number; readonly readyAt: number } | null;
  readonly load: CreateLoadResult;
  readonly outcome: LatenessOutcome;
  readonly sweeperErrors: string[];
}

const sleepUntil = (epochMs: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())));

export async function runLatenessPhase(
  mode: SweepMode,
  url: string,
  options: SlaBenchOptions,
  cleanup: Cleanup,
  step: (line: string) => void,
): Promise<PhaseResult> {
  const tag = mode === 'scheduler' ? 'sched' : 'intv';
  const env = {
    SLA_SWEEP_ENABLED: mode === 'scheduler' ? 'true' : 'false',
    SLA_SWEEP_INTERVAL_MS: String(SWEEP_INTERVAL_MS),
    SLA_SWEEP_BATCH: String(options.batch),
  };
  const start = (name: string): Promise<SigapServer> => SigapServer.start({ label: `${tag}-${name}`, databaseUrl: url, env });
  const pool = new ServerPool();

  // The bench's own sweepers (baseline only), one per instance.
  let orm: MikroORM | null = null;
  const sweepers = new Map<string, IntervalSweeper>();
  const sweeperErrors: string[] = [];
  const startSweeper = (name: string): void => {
    if (!orm) return;
    const sweeper = new IntervalSweeper(new SlaSweeper(orm.em, new SlaCatalog({ now: () => new Date() }, new OpdDirectory(orm.em)), new SlaMetrics(new MetricsRegistry({ processMetrics: false }))), SWEEP_INTERVAL_MS, options.batch);
    sweepers.set(name, sweeper);
    sweeper.start();
  };
  const stopSweeper = async (name: string): Promise<void> => {
    const sweeper = sweepers.get(name);
    sweepers.delete(name);
    if (!sweeper) return;
    await sweeper.stop();
    sweeperErrors.push(...sweeper.errors);
  };
  if (mode === 'interval-only') {
    orm = await MikroORM.init(buildOrmOptions(url, 4));
    const opened = orm;
    cleanup.push(`${tag} sweepers`, async () => {
      for (const name of [...sweepers.keys()]) await stopSweeper(name);
      await opened.close(true);
    });
  }

  for (const name of ['a', 'b']) {
    step(`starting instance ${name} (${mode === 'scheduler' ? 'sweeps: interval 1 s + precise timer' : 'SLA_SWEEP_ENABLED=false; the bench sweeps once a second for it'})`);
    pool.add(name, await start(name));
    cleanup.push(`${tag} server ${name}`, () => pool.get(name).stop());
    startSweeper(name);
  }

  // The plan: breach i at windowStart + (i + ½) · window / due.
  const windowStart = Math.ceil((Date.now() + options.leadS * 1000) / 1000) * 1000;
  const windowEnd = windowStart + options.windowS * 1000;
  const spacing = (options.windowS * 1000) / options.due;
  const plannedDueMs = Array.from({ length: options.due }, (_, i) => Math.round(windowStart + (i + 0.5) * spacing));
  const reportedAts = plannedDueMs.map((due) => new Date(due - TRIAGE_MS));
  const at = (epochMs: number): string => `${new Date(epochMs).toISOString().slice(11, 23)}Z`;

  step(`create load: ${options.rate} complaint(s)/s, spread over both instances, until the results are read`);
  const load = CreateLoad.start(pool, options.rate);
  cleanup.push(`${tag} create load`, async () => void (await load.stop()));
  step(`creating ${options.due} emergencies (${options.concurrency} at a time); breaches planned ${at(windowStart)}–${at(windowEnd)}, every ${spacing.toFixed(1)} ms`);
  const created = await createDueTickets(pool, reportedAts, options.concurrency);
  const createdMs = Date.now();
  const slackMs = windowStart - createdMs;
  step(
    `created in ${((created.lastAt - created.firstAt) / 1000).toFixed(1)} s; the window opens ${(slackMs / 1000).toFixed(1)} s later` +
      (slackMs <= 0 ? '  ← TOO LATE: raise --lead' : ''),
  );

  const progress = new Client({ connectionString: url });
  await progress.connect();
  cleanup.push(`${tag} progress connection`, () => progress.end());
  const report = async (label: string): Promise<void> =>
    step(`${label}: ${await countRecorded(progress, created.ids)}/${options.due} breaches recorded (load: ${load.snapshot()})`);

  let restart: PhaseResult['restart'] = null;
  await sleepUntil(windowStart);
  await report('window open');
  if (options.restart) {
    await sleepUntil(windowStart + (options.windowS * 1000) / 2);
    const old = pool.get('b');
    const drainedStart = Date.now();
    await pool.drain('b');
    const drainedAt = Date.now();
    await stopSweeper('b');
    const termAt = Date.now();
    if (old.pid !== undefined) process.kill(old.pid, 'SIGTERM');
    await old.stop(); // waits for the exit (a second signal is ignored), and requires exit code 0
    const exitedAt = Date.now();
    step(`restart: instance b out of rotation (${drainedAt - drainedStart} ms to drain), SIGTERM, exited after ${exitedAt - termAt} ms; starting it again`);
    const fresh = await start('b');
    const readyAt = Date.now();
    pool.restore('b', fresh);
    startSweeper('b');
    step(`restart: instance b ready again after ${readyAt - exitedAt} ms (down ${readyAt - termAt} ms in all)`);
    restart = { drainedAt: drainedAt - windowStart, termAt: termAt - windowStart, exitedAt: exitedAt - windowStart, readyAt: readyAt - windowStart };
  }
  await sleepUntil(windowEnd);
  await report('window closed');
  await sleepUntil(windowEnd + options.marginS * 1000);
  await report(`+${options.marginS} s`);

  const loadResult = await load.stop();
  cleanup.forget(`${tag} create load`);
  await cleanup.now(`${tag} progress connection`);
  for (const name of ['a', 'b']) {
    await pool.get(name).settle();
    await cleanup.now(`${tag} server ${name}`);
  }
  if (orm) await cleanup.now(`${tag} sweepers`);

  const outcome = await readLateness(
    url,
    created.ids,
    plannedDueMs,
    createdMs,
    restart ? { fromMs: windowStart + restart.termAt, toMs: windowStart + restart.readyAt } : null,
  );
  return { mode, created, slackMs, restart, load: loadResult, outcome, sweeperErrors };
}
