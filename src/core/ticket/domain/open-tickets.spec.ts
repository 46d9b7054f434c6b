import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NO_RUNNING_CLOCK, OPEN_STATE_SQL, OPEN_STATES } from './open-tickets';

describe('open tickets', () => {
  it('spells the open states in SQL as the lifecycle defines them', () => {
    const listed = [...OPEN_STATE_SQL.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...OPEN_STATES].sort());
  });

  it('is the predicate of the partial indexes in the migration', () => {
    const migration = readFileSync(join(__dirname, '../../../infra/database/migrations/Migration20261202171000-caller_lookup.ts'), 'utf8');
    expect(migration).toContain(OPEN_STATE_SQL);
  });

  it('keeps the no-clock value inside the dates a cursor may carry', () => {
    expect(NO_RUNNING_CLOCK.getUTCFullYear()).toBeLessThan(2200);
  });
});
