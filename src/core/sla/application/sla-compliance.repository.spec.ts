import { splitMonths } from './sla-compliance.repository';

describe('splitMonths', () => {
  it('keeps a period within one month as days', () => {
    expect(splitMonths('2026-10-03', '2026-10-20')).toEqual({ months: ['2026-10-03', '2026-10-03'], before: ['2026-10-03', '2026-10-20'], after: ['2026-10-20', '2026-10-20'] });
    expect(splitMonths('2026-10-03', '2026-11-01')).toEqual({ months: ['2026-10-03', '2026-10-03'], before: ['2026-10-03', '2026-11-01'], after: ['2026-11-01', '2026-11-01'] });
  });

  it('takes whole months from the month rows and the days around them from the day rows', () => {
    expect(splitMonths('2026-10-01', '2026-11-01')).toEqual({ months: ['2026-10-01', '2026-11-01'], before: ['2026-10-01', '2026-10-01'], after: ['2026-11-01', '2026-11-01'] });
    expect(splitMonths('2025-12-03', '2026-12-03')).toEqual({ months: ['2026-01-01', '2026-12-01'], before: ['2025-12-03', '2026-01-01'], after: ['2026-12-01', '2026-12-03'] });
  });
});
