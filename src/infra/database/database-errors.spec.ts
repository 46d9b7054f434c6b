import { ConnectionException, DeadlockException } from '@mikro-orm/core';
import { classifyDatabaseError } from './database-errors';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('classifyDatabaseError', () => {
  it('an unreachable database, however it shows', () => {
    for (const error of [
      new ConnectionException(new Error('connect ECONNREFUSED')),
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')], 'connect failed'),
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('08006'),
      new Error('Connection terminated unexpectedly'),
      new Error('Knex: Timeout acquiring a connection. The pool is probably full.'),
      new Error('wrapped', { cause: pgError('ECONNRESET') }),
    ]) {
      expect({ message: error.message, kind: classifyDatabaseError(error) }).toEqual({ message: error.message, kind: 'UNAVAILABLE' });
    }
  });

  it('races, duplicates and values a column cannot hold', () => {
    expect(classifyDatabaseError(new DeadlockException(pgError('40P01')))).toBe('CONFLICT');
    expect(classifyDatabaseError(pgError('40001'))).toBe('CONFLICT');
    expect(classifyDatabaseError(pgError('23505'))).toBe('DUPLICATE');
    expect(classifyDatabaseError(pgError('22021'))).toBe('INVALID_VALUE');
    expect(classifyDatabaseError(pgError('23514'))).toBe('INVALID_VALUE');
  });

  it('leaves everything else to INTERNAL', () => {
    for (const error of [new Error('undefined is not a function'), pgError('42P01', 'relation "x" does not exist'), null, 'text', 42]) {
      expect(classifyDatabaseError(error)).toBeNull();
    }
  });
});
