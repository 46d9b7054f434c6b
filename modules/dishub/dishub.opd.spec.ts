import { ENABLED_OPD_MODULES } from '../../config/opd-modules';
import { describeOpdContract, suggestCategories } from '../../src/core/opd/testing';
import { dishub } from './dishub.opd';

describeOpdContract(dishub, { minCategories: 5, requireEmergencyAndOrdinary: true, alongside: ENABLED_OPD_MODULES });

describe('DISHUB', () => {
  // What a call taker's search runs over: this module's categories and those of every other enabled module.
  const all = [...ENABLED_OPD_MODULES.filter((m) => m.code !== dishub.code), dishub].flatMap((m) => m.categories);
  const first = (text: string, language: 'id' | 'en') => suggestCategories(all, text, language)[0]?.category.code;

  it('runs the congestion clocks around the clock: jams happen on weekends and holidays', () => {
    const congestion = dishub.sla.filter((t) => t.category === 'KEMACETAN_LALU_LINTAS');
    expect(congestion.map((t) => [t.metric, t.calendar]).sort()).toEqual([
      ['ACKNOWLEDGE', '24x7'],
      ['ON_SITE', '24x7'],
    ]);
  });

  it('tells a traffic light from a street light, and a blocked road from a jam', () => {
    expect(first('lampu merah mati di simpang Kayuambua', 'id')).toBe('LAMPU_LALU_LINTAS_RUSAK');
    expect(first('lampu jalan mati, jalan gelap sekali', 'id')).toBe('LAMPU_PENERANGAN_JALAN');
    expect(first('the street light is broken', 'en')).toBe('LAMPU_PENERANGAN_JALAN');
    expect(first('truk pasir terguling di tikungan', 'id')).toBe('KENDARAAN_MENGHALANGI_JALAN');
    expect(first('traffic jam at Penelokan', 'en')).toBe('KEMACETAN_LALU_LINTAS');
  });

  it('has keywords that point at their own category alone, among all enabled modules', () => {
    for (const category of dishub.categories) {
      for (const language of ['id', 'en'] as const) {
        for (const keyword of category.keywords[language]) {
          const [top, next] = suggestCategories(all, keyword, language);
          expect({ keyword, top: top?.category.code, tied: next?.score === top?.score }).toEqual({ keyword, top: category.code, tied: false });
        }
      }
    }
  });
});
