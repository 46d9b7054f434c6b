import { suggestCategories } from '../../src/core/opd/testing';
import { describeOpdContract } from '../../src/core/opd/testing';
import { bpbd } from '../bpbd/bpbd.opd';
import { dinkes } from '../dinkes/dinkes.opd';
import { dishub } from '../dishub/dishub.opd';
import { satpolppDamkar } from '../satpolpp-damkar/satpolpp-damkar.opd';
import { puprPerkim } from './pupr-perkim.opd';

const launch = [bpbd, satpolppDamkar, puprPerkim, dishub, dinkes];

describeOpdContract(puprPerkim, { minCategories: 5, requireEmergencyAndOrdinary: true, alongside: launch });

describe('PUPR-PERKIM', () => {
  const all = launch.flatMap((m) => m.categories);
  const first = (text: string, language: 'id' | 'en') => suggestCategories(all, text, language)[0]?.category.code;
  const kindOf = (code: string) => puprPerkim.categories.find((c) => c.code === code)?.defaultKind;

  it('treats a bridge that is down as an emergency and a cracked one as a complaint', () => {
    expect(kindOf('JALAN_JEMBATAN_PUTUS')).toBe('EMERGENCY');
    expect(kindOf('JEMBATAN_RUSAK')).toBe('COMPLAINT');
    expect(first('jembatan putus, desa terisolasi', 'id')).toBe('JALAN_JEMBATAN_PUTUS');
    expect(first('jembatan retak dan pagar jembatan patah', 'id')).toBe('JEMBATAN_RUSAK');
    expect(first('jalan berlubang di depan pasar', 'id')).toBe('JALAN_RUSAK');
  });

  it('has keywords that point at their own category alone, among all five launch modules', () => {
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
