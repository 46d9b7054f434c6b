import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClientBase } from 'pg';

/**
 * Plain parameterised SQL on whatever connection the caller's transaction
 * holds: the ORM's transaction or a raw pooled client. Statements use `?`
 * placeholders (the ORM's convention); pass arrays and objects as JSON text
 * and cast them in SQL, because the ORM would expand an array into a list.
 *
 * @example
 * const rows = await sql.query<{ n: number }>('select cast(? as int) as n', [1]);
 */
export interface SqlRunner {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * The same, as a named prepared statement when the connection supports it
   * (a raw pg client): PostgreSQL parses and plans it once per connection.
   * For a hot statement whose text never changes; `name` must be unique to it.
   */
  prepared?<T = Record<string, unknown>>(text: string, params: readonly unknown[], name: string): Promise<T[]>;
}

/** The runner of an EntityManager; inside `transactional` it uses that transaction. */
export function entityManagerSql(em: EntityManager): SqlRunner {
  return {
    query: async <T>(text: string, params: readonly unknown[] = []) => em.execute<T[]>(text, [...params]),
  };
}

/** The runner of a raw pg client (the intake's connection). */
export function pgClientSql(client: ClientBase): SqlRunner {
  const numbered = (text: string): string => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  };
  return {
    query: async <T>(text: string, params: readonly unknown[] = []) => (await client.query(numbered(text), [...params])).rows as T[],
    prepared: async <T>(text: string, params: readonly unknown[], name: string) =>
      (await client.query({ name, text: numbered(text), values: [...params] })).rows as T[],
  };
}
