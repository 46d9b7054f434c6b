import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TicketState } from '../lifecycle';
import { ACTIVE_EMERGENCY_SQL, ACTIVE_STATES, NO_RUNNING_CLOCK, OPEN_STATE_SQL, OPEN_STATES } from './open-tickets';

describe('open tickets', () => {
  it('spells the open states in SQL as the lifecycle defines them', () => {
    const listed = [...OPEN_STATE_SQL.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...OPEN_STATES].sort());
  });

  it('is the predicate of the partial indexes in the migration', () => {
    const migration = readFileSync(join(__dirname, '../../../infra/database/migrations/Migration20261202171000-caller_lookup.ts'), 'utf8');
    expect(migration).toContain(OPEN_STATE_SQL);
  });

  it('spells the active-emergency condition with the open states but RESOLVED, as its index in the migration', () => {
    // The partial index only serves the SLA board if both name the same states; a new state must reach both.
    const listed = [...ACTIVE_EMERGENCY_SQL.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]).filter((s) => s !== 'EMERGENCY');
    expect(listed.sort()).toEqual([...ACTIVE_STATES].sort());
    expect(ACTIVE_STATES).not.toContain(TicketState.RESOLVED);
    const migration = readFileSync(join(__dirname, '../../../infra/database/migrations/Migration20261203130000-board_emergencies.ts'), 'utf8');
    expect(migration).toContain(`where ${ACTIVE_EMERGENCY_SQL};`);
  });

  it('keeps the no-clock value inside the dates a cursor may carry', () => {
    expect(NO_RUNNING_CLOCK.getUTCFullYear()).toBeLessThan(2200);
  });
});
