/**
 * Preloaded (`node -r`) into the CAPTURE run of the server only, never into
 * the measured one: appends every statement the server sends through `pg`
 * (MikroORM → knex → pg.Client#query) to the JSON-lines file named by
 * SIGAP_BENCH_SQL_TAP, with a number per connection. Written synchronously,
 * so once an HTTP response has arrived, every statement of that request is
 * in the file.
 */
import * as fs from 'node:fs';
import * as pg from 'pg';

export interface TappedStatement {
  /** Which pg connection sent it (1, 2, … in order of first use). */
  conn: number;
  text: string;
  values: unknown[];
}

const file = process.env.SIGAP_BENCH_SQL_TAP;
if (file) {
  type Query = (this: pg.Client, ...args: unknown[]) => unknown;
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  const connections = new WeakMap<object, number>();
  let nextConnection = 1;

  proto.query = function tappedQuery(this: pg.Client, ...args: unknown[]): unknown {
    const [config, values] = args;
    const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
    if (typeof text === 'string') {
      let conn = connections.get(this);
      if (conn === undefined) connections.set(this, (conn = nextConnection++));
      const params = Array.isArray(values) ? values : ((config as { values?: unknown[] }).values ?? []);
      const entry: TappedStatement = { conn, text, values: params };
      fs.appendFileSync(file, `${JSON.stringify(entry)}\n`);
    }
    return original.apply(this, args);
  };
}
