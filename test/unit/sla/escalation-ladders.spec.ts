import { bpbd } from '../../../modules/bpbd/bpbd.opd';
import { dishub } from '../../../modules/dishub/dishub.opd';
import type { EscalationLevel } from '../../../src/core/opd';
import { CALL_CENTRE_LADDER, rungFor } from '../../../src/core/sla/sweeper/escalation-ladder';

const kinds = (rung: ReturnType<typeof rungFor>) => rung.notify.map((t) => t.kind);

describe('rungFor', () => {
  describe("on BPBD's ladder (0.5, 0.75, 0.9, BREACH)", () => {
    it.each([
      [50, 1, [{ kind: 'OPD_ROLE', role: 'HEAD_OF_DIVISION' }]],
      [74, 1, [{ kind: 'OPD_ROLE', role: 'HEAD_OF_DIVISION' }]],
      [75, 2, [{ kind: 'OPD_HEAD' }]],
      [90, 3, [{ kind: 'OPD_HEAD' }, { kind: 'COMMAND_CENTRE' }]],
      [99, 3, [{ kind: 'OPD_HEAD' }, { kind: 'COMMAND_CENTRE' }]],
    ])('%i%% climbs to the highest rung at or below it: level %i', (pct, level, notify) => {
      expect(rungFor(bpbd.escalation, pct, 'COMPLAINT')).toEqual({ level, notify });
    });

    it('the breach (100%) reaches the Regent', () => {
      expect(rungFor(bpbd.escalation, 100, 'COMPLAINT')).toEqual({
        level: 4,
        notify: [{ kind: 'OPD_HEAD' }, { kind: 'COMMAND_CENTRE' }, { kind: 'REGIONAL_SECRETARY' }, { kind: 'REGENT' }],
      });
    });

    it("below the first rung the OPD's own officers are told (level 0)", () => {
      expect(rungFor(bpbd.escalation, 25, 'EMERGENCY')).toEqual({ level: 0, notify: [{ kind: 'OPD_ROLE', role: 'OPD_OFFICER' }] });
    });
  });

  describe("the call centre's ladder", () => {
    it('tells the command centre at half the target and adds the Regional Secretary at the breach', () => {
      expect(rungFor(CALL_CENTRE_LADDER, 50, 'INFORMATION')).toEqual({ level: 1, notify: [{ kind: 'COMMAND_CENTRE' }] });
      expect(rungFor(CALL_CENTRE_LADDER, 90, 'COMPLAINT')).toEqual({ level: 1, notify: [{ kind: 'COMMAND_CENTRE' }] });
      expect(rungFor(CALL_CENTRE_LADDER, 100, 'COMPLAINT')).toEqual({ level: 2, notify: [{ kind: 'COMMAND_CENTRE' }, { kind: 'REGIONAL_SECRETARY' }] });
    });

    it('does not tell the command centre twice of an emergency breach', () => {
      expect(kinds(rungFor(CALL_CENTRE_LADDER, 100, 'EMERGENCY'))).toEqual(['COMMAND_CENTRE', 'REGIONAL_SECRETARY']);
    });
  });

  describe('the command centre rule', () => {
    // A ladder whose breach rung leaves the command centre out.
    const quiet: EscalationLevel[] = [
      { level: 1, at: { fraction: 0.75 }, notify: [{ kind: 'OPD_ROLE', role: 'HEAD_OF_DIVISION' }] },
      { level: 2, at: 'BREACH', notify: [{ kind: 'OPD_HEAD' }] },
    ];

    it('adds the command centre to every emergency breach', () => {
      expect(rungFor(quiet, 100, 'EMERGENCY')).toEqual({ level: 2, notify: [{ kind: 'OPD_HEAD' }, { kind: 'COMMAND_CENTRE' }] });
    });

    it('even when the ladder has no rung at all', () => {
      expect(rungFor([], 100, 'EMERGENCY')).toEqual({ level: 0, notify: [{ kind: 'OPD_ROLE', role: 'OPD_OFFICER' }, { kind: 'COMMAND_CENTRE' }] });
    });

    it('not to emergency warnings, nor to breaches of other kinds', () => {
      expect(kinds(rungFor(quiet, 90, 'EMERGENCY'))).toEqual(['OPD_ROLE']);
      expect(kinds(rungFor(quiet, 100, 'COMPLAINT'))).toEqual(['OPD_HEAD']);
      expect(kinds(rungFor(quiet, 100, 'INFORMATION'))).toEqual(['OPD_HEAD']);
    });

    it('does not add it twice where the breach rung already names it (Dishub)', () => {
      expect(kinds(rungFor(dishub.escalation, 100, 'EMERGENCY'))).toEqual(['OPD_HEAD', 'COMMAND_CENTRE', 'REGIONAL_SECRETARY']);
    });

    it("never changes the ladder's own notify list", () => {
      const before = JSON.stringify(quiet);
      const rung = rungFor(quiet, 100, 'EMERGENCY');
      rung.notify.push({ kind: 'REGENT' });
      expect(JSON.stringify(quiet)).toBe(before);
      expect(rungFor(quiet, 100, 'COMPLAINT').notify).toEqual([{ kind: 'OPD_HEAD' }]);
    });
  });

  it('chooses by level, whatever order the ladder is listed in', () => {
    const shuffled = [bpbd.escalation[2], bpbd.escalation[0], bpbd.escalation[3], bpbd.escalation[1]];
    for (const pct of [10, 50, 75, 90, 100]) expect(rungFor(shuffled, pct, 'COMPLAINT')).toEqual(rungFor(bpbd.escalation, pct, 'COMPLAINT'));
  });

  it('compares whole percentages, so a fraction like 0.333 fires at 33%', () => {
    const thirds: EscalationLevel[] = [{ level: 1, at: { fraction: 0.333 }, notify: [{ kind: 'OPD_HEAD' }] }];
    expect(rungFor(thirds, 32, 'COMPLAINT').level).toBe(0);
    expect(rungFor(thirds, 33, 'COMPLAINT').level).toBe(1);
  });
});
