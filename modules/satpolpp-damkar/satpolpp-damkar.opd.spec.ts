import { ENABLED_OPD_MODULES } from '../../config/opd-modules';
import { describeOpdContract, suggestCategories } from '../../src/core/opd/testing';
import { satpolppDamkar } from './satpolpp-damkar.opd';

describeOpdContract(satpolppDamkar, { minCategories: 5, requireEmergencyAndOrdinary: true, alongside: ENABLED_OPD_MODULES });

describe('SATPOLPP-DAMKAR', () => {
  // What a call taker's search runs over: this module's categories and those of every other enabled module.
  const all = [...ENABLED_OPD_MODULES.filter((m) => m.code !== satpolppDamkar.code), satpolppDamkar].flatMap((m) => m.categories);
  const first = (text: string, language: 'id' | 'en') => suggestCategories(all, text, language)[0]?.category.code;
  const target = (metric: string, category: string) =>
    satpolppDamkar.sla.find((t) => t.metric === metric && t.category === category);

  it('rolls to fires and rescues faster than the 2-hour promise, around the clock', () => {
    expect(target('ACKNOWLEDGE', 'KEBAKARAN_BANGUNAN')).toMatchObject({ targetMinutes: 5, calendar: '24x7' });
    expect(target('ON_SITE', 'KEBAKARAN_BANGUNAN')).toMatchObject({ targetMinutes: 45, calendar: '24x7' });
    expect(target('ON_SITE', 'PENYELAMATAN_ORANG')).toMatchObject({ targetMinutes: 45, calendar: '24x7' });
    expect(satpolppDamkar.escalation.at(-1)?.notify.map((t) => t.kind)).toContain('REGENT');
  });

  it("ranks the fire brigade's and Satpol PP's categories first among all enabled modules", () => {
    expect(first('rumah terbakar, ada orang terjebak di dalam', 'id')).toBe('KEBAKARAN_BANGUNAN');
    expect(first('there is a fire next to our villa', 'en')).toBe('KEBAKARAN_BANGUNAN');
    expect(first('ada ular masuk rumah', 'id')).toBe('PENYELAMATAN_HEWAN');
    expect(first('musik keras sampai tengah malam', 'id')).toBe('GANGGUAN_KEBISINGAN');
  });

  it('takes rubbish and dead animals while no environment agency (DLH) is enabled', () => {
    // Littering and illegal dumping break the public-order bylaw Satpol PP enforces.
    expect(first('sampah', 'id')).toBe('PELANGGARAN_PERDA');
    expect(first('sampah tdk diangkut', 'id')).toBe('PELANGGARAN_PERDA');
    // The fire brigade's animal evacuation removes carcasses from the road.
    expect(first('anjing mati di jalan', 'id')).toBe('PENYELAMATAN_HEWAN');
    expect(first('lelipi ngeranjing ke umah', 'id')).toBe('PENYELAMATAN_HEWAN'); // Balinese: a snake got into the house
  });

  it('has keywords that point at their own category alone, among all enabled modules', () => {
    for (const category of satpolppDamkar.categories) {
      for (const language of ['id', 'en'] as const) {
        for (const keyword of category.keywords[language]) {
          const [top, next] = suggestCategories(all, keyword, language);
          expect({ keyword, top: top?.category.code, tied: next?.score === top?.score }).toEqual({ keyword, top: category.code, tied: false });
        }
      }
    }
  });
});
