/**
 * Things a bench has started, stopped newest first, each once: on the normal
 * path, on failure and on Ctrl-C. (bench:sla's copy of the list that
 * intake.bench.ts keeps inline.)
 */
export class Cleanup {
  private readonly stack: Array<{ name: string; run: () => Promise<void> }> = [];

  push(name: string, run: () => Promise<void>): void {
    this.stack.push({ name, run });
  }

  /** Runs and forgets the named item (it was stopped on the normal path). */
  async now(name: string): Promise<void> {
    const at = this.stack.findIndex((item) => item.name === name);
    if (at >= 0) await this.stack.splice(at, 1)[0]!.run();
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
