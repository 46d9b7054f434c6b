import { performance } from 'node:perf_hooks';
import { inspect } from 'node:util';
import { Pool, PoolClient } from 'pg';
import { newContext, render, ReplayContext, ReplayPlan, StatementTemplate, Template } from './replay-plan';
import type { LoadResult } from './stats';

export interface BaselineOptions {
  readonly connections: number;
  readonly seconds: number;
  readonly phase: string;
}

/**
 * The floor: the captured statements of one createTicket, replayed with plain
 * `pg` by `connections` workers in a loop, one pool of as many clients. One
 * latency per complete sequence (the captured statements, transaction included),
 * the unit that matches one API request.
 */
export class BaselineLoad {
  private readonly pool: Pool;

  constructor(
    databaseUrl: string,
    private readonly plan: ReplayPlan,
    private readonly capturedNumber: string,
    connections: number,
  ) {
    this.pool = new Pool({ connectionString: databaseUrl, max: connections });
    this.pool.on('error', () => undefined); // an idle client's error surfaces on its next query
  }

  async run(options: BaselineOptions): Promise<LoadResult> {
    const latenciesMs: number[] = [];
    let failure: unknown = null;
    const started = performance.now();
    const deadline = started + options.seconds * 1000;

    const worker = async (): Promise<void> => {
      while (failure === null && performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await this.once();
        } catch (error) {
          failure ??= error;
          return;
        }
        latenciesMs.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: options.connections }, worker));
    const elapsedS = (performance.now() - started) / 1000;
    if (failure !== null) {
      const message = failure instanceof Error ? failure.message : inspect(failure);
      throw new Error(`Baseline ${options.phase} failed after ${latenciesMs.length} sequence(s): ${message}`);
    }
    return { count: latenciesMs.length, elapsedS, latenciesMs };
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  /** One ticket's statements, in the captured order and grouping. */
  private async once(): Promise<void> {
    const ctx = newContext(this.plan);
    for (const step of this.plan.steps) {
      if (step.kind === 'single') {
        await this.execute(this.pool, step.statement, ctx);
        continue;
      }
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        for (const statement of step.statements) await this.execute(client, statement, ctx);
      } catch (error) {
        broken = error instanceof Error ? error : new Error(String(error));
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  private async execute(on: Pool | PoolClient, statement: StatementTemplate, ctx: ReplayContext): Promise<void> {
    const text = render(statement.text, ctx, this.capturedNumber);
    const result =
      statement.values.length === 0
        ? await on.query(text)
        : await on.query(
            text,
            statement.values.map((v) => (v instanceof Template ? render(v, ctx, this.capturedNumber) : v)),
          );
    if (statement.yieldsSequence) {
      // A simple query of several statements (`BEGIN; SELECT nextval(…)`) answers one result each.
      const results = Array.isArray(result) ? (result as Array<{ rows: unknown[] }>) : [result];
      const first = results.flatMap((r) => r.rows ?? [])[0] as Record<string, unknown> | undefined;
      const value = first ? Object.values(first)[0] : undefined;
      const sequence = Number(value);
      if (!Number.isSafeInteger(sequence)) throw new Error(`nextval() answered ${String(value)}`);
      ctx.sequence = sequence;
    }
  }
}
