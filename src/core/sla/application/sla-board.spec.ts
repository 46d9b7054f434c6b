import { OFF_BOARD_STATES, OPEN_EMERGENCY_SQL } from './sla-board';

describe('the SLA board', () => {
  it('spells the open-emergency condition with exactly the states that take an emergency off the board', () => {
    // The partial index only serves the query if both name the same states; a new terminal state must reach both.
    const listed = /not in \(([^)]*)\)/.exec(OPEN_EMERGENCY_SQL)![1].split(',').map((s) => s.trim().replace(/'/g, ''));
    expect([...listed].sort()).toEqual([...OFF_BOARD_STATES].sort());
  });
});
