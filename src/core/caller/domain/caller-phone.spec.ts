import { CallerErrorCode } from './caller.exception';
import { callerPhone, flagReason } from './caller-phone';

describe('caller phone and flag reason', () => {
  it('normalises a number as the intake does', () => {
    expect(['0812-3456-7890', '+62 812 3456 7890', '6281234567890'].map(callerPhone)).toEqual(['+6281234567890', '+6281234567890', '+6281234567890']);
    expect(callerPhone('+61 412 345 678')).toBe('+61412345678');
  });

  it('refuses what is not a phone number, and a reason too short or too long', () => {
    expect(() => callerPhone('12')).toThrow(expect.objectContaining({ code: CallerErrorCode.INVALID_INPUT }));
    expect(() => flagReason('  x ')).toThrow(expect.objectContaining({ code: CallerErrorCode.INVALID_INPUT }));
    expect(() => flagReason('x'.repeat(501))).toThrow(expect.objectContaining({ code: CallerErrorCode.INVALID_INPUT }));
    expect(flagReason('  Laporan palsu  ')).toBe('Laporan palsu');
  });
});
