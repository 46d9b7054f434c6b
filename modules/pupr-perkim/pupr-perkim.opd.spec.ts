import { ENABLED_OPD_MODULES } from '../../config/opd-modules';
import { describeOpdContract, suggestCategories } from '../../src/core/opd/testing';
import { puprPerkim } from './pupr-perkim.opd';

describeOpdContract(puprPerkim, { minCategories: 5, requireEmergencyAndOrdinary: true, alongside: ENABLED_OPD_MODULES });

describe('PUPR-PERKIM', () => {
  // What a call taker's search runs over: this module's categories and those of every other enabled module.
  const all = [...ENABLED_OPD_MODULES.filter((m) => m.code !== puprPerkim.code), puprPerkim].flatMap((m) => m.categories);
  const first = (text: string, language: 'id' | 'en') => suggestCategories(all, text, language)[0]?.category.code;
  const kindOf = (code: string) => puprPerkim.categories.find((c) => c.code === code)?.defaultKind;

  it('treats a bridge that is down as an emergency and a cracked one as a complaint', () => {
    expect(kindOf('JALAN_JEMBATAN_PUTUS')).toBe('EMERGENCY');
    expect(kindOf('JEMBATAN_RUSAK')).toBe('COMPLAINT');
    expect(first('jembatan putus, desa terisolasi', 'id')).toBe('JALAN_JEMBATAN_PUTUS');
    expect(first('jembatan retak dan pagar jembatan patah', 'id')).toBe('JEMBATAN_RUSAK');
    expect(first('jalan berlubang di depan pasar', 'id')).toBe('JALAN_RUSAK');
  });

  it('has keywords that point at their own category alone, among all enabled modules', () => {
    for (const category of puprPerkim.categories) {
      for (const language of ['id', 'en'] as const) {
        for (const keyword of category.keywords[language]) {
          const [top, next] = suggestCategories(all, keyword, language);
          expect({ keyword, top: top?.category.code, tied: next?.score === top?.score }).toEqual({ keyword, top: category.code, tied: false });
        }
      }
    }
  });
});
