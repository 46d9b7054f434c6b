import { UsageError } from './options';

/**
 * Things a bench has started, stopped newest first, each once: on the normal
 * path, on failure and on Ctrl-C.
 */
export class Cleanup {
  private readonly stack: Array<{ name: string; run: () => Promise<void> }> = [];

  push(name: string, run: () => Promise<void>): void {
    this.stack.push({ name, run });
  }

  /** Runs and forgets the named item (it was stopped on the normal path). */
  async now(name: string): Promise<void> {
    const at = this.stack.findIndex((item) => item.name === name);
    if (at >= 0) await this.stack.splice(at, 1)[0].run();
  }

  /** Forgets the named item without running it (someone else stopped it). */
  forget(name: string): void {
    const at = this.stack.findIndex((item) => item.name === name);
    if (at >= 0) this.stack.splice(at, 1);
  }

  async all(): Promise<unknown[]> {
    const errors: unknown[] = [];
    while (this.stack.length > 0) {
      const item = this.stack.pop()!;
      try {
        await item.run();
      } catch (error) {
        errors.push(error);
        process.stderr.write(`bench: stopping ${item.name} failed: ${(error as Error).message ?? error}\n`);
      }
    }
    return errors;
  }
}

/**
 * Runs a bench's `main` and stops what it started on every way out: exit 0
 * when it completed, 1 on an error (or a failed stop), 2 on a bad flag, 130
 * on a signal.
 *
 * @example
 * runBench('bench:sla', (cleanup) => main(cleanup));
 */
export function runBench(name: string, main: (cleanup: Cleanup) => Promise<void>): void {
  const cleanup = new Cleanup();
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `on`, not `once`: Ctrl-C under npm, or `timeout`, can deliver the signal
    // twice, and a second one without a listener would kill the bench before
    // it has stopped PostgreSQL.
    process.on(signal, () => {
      if (interrupted) {
        process.stderr.write(`bench: ${signal} again: still stopping\n`);
        return;
      }
      interrupted = true;
      process.stderr.write(`\nbench: ${signal}: stopping what was started\n`);
      void cleanup.all().finally(() => process.exit(130));
    });
  }
  main(cleanup)
    .then(async () => {
      const errors = await cleanup.all();
      process.exit(errors.length > 0 ? 1 : 0);
    })
    .catch(async (error: unknown) => {
      if (interrupted) return; // the signal handler finishes
      await cleanup.all();
      if (error instanceof UsageError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(2);
      }
      process.stderr.write(`\n${name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
