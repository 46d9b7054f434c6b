import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { SlaSweepScheduler } from './sla-sweep.scheduler';
import type { SlaSweeper, SweepResult } from './sla-sweeper';
import { HINT_DELAY_MS, SweepWakeup } from './sweep-wakeup';

// The scheduling logic alone, on fake timers; the sweep itself is tested against PostgreSQL.
describe('SlaSweepScheduler', () => {
  const settings = { sweepEnabled: true, sweepIntervalMs: 1000, sweepBatch: 10 };
  let sweeps: number[];
  let results: SweepResult[];
  let nextDueIn: number | null;
  let failNext: boolean;
  let scheduler: SlaSweepScheduler;
  let wakeup: SweepWakeup;

  const fakeSweeper = {
    sweepOnce: jest.fn(async (): Promise<SweepResult> => {
      sweeps.push(Date.now());
      if (failNext) {
        failNext = false;
        throw new Error('connection reset');
      }
      return results.shift() ?? { claimed: 0, recorded: 0 };
    }),
    nextDue: jest.fn(async () => ({ next: nextDueIn === null ? null : new Date(Date.now() + nextDueIn), now: new Date() })),
  };

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
    sweeps = [];
    results = [];
    nextDueIn = null;
    failNext = false;
    wakeup = new SweepWakeup();
    scheduler = new SlaSweepScheduler(fakeSweeper as unknown as SlaSweeper, new SchedulerRegistry(), settings, wakeup);
  });
  afterEach(async () => {
    await scheduler.beforeApplicationShutdown();
    jest.useRealTimers();
  });

  it('sweeps at boot and then every interval', async () => {
    scheduler.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(3_050);
    expect(sweeps).toEqual([0, 1000, 2000, 3000]);
  });

  it('wakes at a threshold due before the next tick, not a whole interval late', async () => {
    nextDueIn = 300;
    scheduler.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(350);
    expect(sweeps).toEqual([0, 300]);
  });

  it('wakes for a clock written on this instance that falls due before the next tick', async () => {
    scheduler.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(100);
    wakeup.hint(new Date(Date.now() + 200));
    // A later hint does not postpone the earlier wake-up.
    wakeup.hint(new Date(Date.now() + 600));
    await jest.advanceTimersByTimeAsync(300);
    expect(sweeps).toEqual([0, 300 + HINT_DELAY_MS]);
    // One due after the next tick is left to the tick.
    wakeup.hint(new Date(Date.now() + 5_000));
    await jest.advanceTimersByTimeAsync(700);
    expect(sweeps).toEqual([0, 300 + HINT_DELAY_MS, 1000]);
  });

  it('keeps sweeping while batches come back full', async () => {
    results = [{ claimed: 10, recorded: 40 }, { claimed: 10, recorded: 40 }, { claimed: 3, recorded: 3 }];
    scheduler.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10);
    expect(sweeps).toEqual([0, 0, 0]);
  });

  it('retries on the next tick after a failed sweep', async () => {
    failNext = true;
    scheduler.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(1_010);
    expect(sweeps).toEqual([0, 1000]);
  });

  it('does not spin on a due row another instance holds: it looks again shortly', async () => {
    nextDueIn = -5;
    scheduler.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(120);
    expect(sweeps).toEqual([0, 50, 100]);
  });

  it('stops on shutdown: no sweep after it', async () => {
    scheduler.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10);
    await scheduler.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(sweeps).toEqual([0]);
  });

  it('does nothing when disabled', async () => {
    scheduler = new SlaSweepScheduler(fakeSweeper as unknown as SlaSweeper, new SchedulerRegistry(), { ...settings, sweepEnabled: false }, wakeup);
    scheduler.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(sweeps).toEqual([]);
  });
});
