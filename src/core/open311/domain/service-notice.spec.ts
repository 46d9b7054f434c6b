import { expectedAt, PromiseClock, serviceNotice } from './service-notice';

const clock = (p: Partial<PromiseClock>): PromiseClock => ({ metric: 'RESOLVE', status: 'PENDING', targetMinutes: 2400, calendar: 'WORKING_DAYS', dueAt: null, ...p });

describe('service notice and expected time', () => {
  it('says the target of the fix in words', () => {
    expect(serviceNotice([clock({})], 'en')).toBe('Target: resolved within 5 working days');
    expect(serviceNotice([clock({})], 'id')).toBe('Target: diselesaikan dalam 5 hari kerja');
    expect(serviceNotice([clock({ targetMinutes: 720 })], 'en')).toBe('Target: resolved within 12 working hours');
  });

  it('falls back to the arrival on site for emergencies', () => {
    const clocks = [clock({ metric: 'ACKNOWLEDGE', targetMinutes: 15, calendar: '24x7' }), clock({ metric: 'ON_SITE', targetMinutes: 120, calendar: '24x7' })];
    expect(serviceNotice(clocks, 'en')).toBe('Target: a team on site within 2 hours');
    expect(serviceNotice([clock({ metric: 'ACKNOWLEDGE', targetMinutes: 15, calendar: '24x7' })], 'id')).toBe('Target: ditanggapi OPD dalam 15 menit');
    expect(serviceNotice([], 'en')).toBeNull();
  });

  it('shows a due time only while the clock runs', () => {
    const due = new Date('2026-12-09T08:00:00Z');
    expect(expectedAt([clock({ status: 'RUNNING', dueAt: due })])).toEqual(due);
    expect(expectedAt([clock({ status: 'PAUSED', dueAt: due })])).toBeNull();
    expect(expectedAt([clock({ status: 'PENDING' })])).toBeNull();
  });
});
