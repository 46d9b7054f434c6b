import { ENABLED_OPD_MODULES } from '../../config/opd-modules';
import { describeOpdContract, suggestCategories } from '../../src/core/opd/testing';
import { dinkes } from './dinkes.opd';

describeOpdContract(dinkes, { minCategories: 5, requireEmergencyAndOrdinary: true, alongside: ENABLED_OPD_MODULES });

describe('DINKES', () => {
  // What a call taker's search runs over: this module's categories and those of every other enabled module.
  const all = [...ENABLED_OPD_MODULES.filter((m) => m.code !== dinkes.code), dinkes].flatMap((m) => m.categories);
  const first = (text: string, language: 'id' | 'en') => suggestCategories(all, text, language)[0]?.category.code;

  it('treats a dog bite as an emergency: bite time asked, vaccine within a day, nights included', () => {
    const bite = dinkes.categories.find((c) => c.code === 'GIGITAN_HEWAN_RABIES');
    expect(bite?.defaultKind).toBe('EMERGENCY');
    expect(bite?.attributes.find((a) => a.code === 'BITE_TIME')).toMatchObject({ datatype: 'datetime', required: true });
    const vaccine = dinkes.sla.find((t) => t.metric === 'RESOLVE' && t.category === 'GIGITAN_HEWAN_RABIES');
    expect(vaccine).toMatchObject({ calendar: '24x7' });
    expect(vaccine!.targetMinutes).toBeLessThanOrEqual(1440);
    const ambulance = dinkes.sla.find((t) => t.metric === 'ON_SITE' && t.category === 'GAWAT_DARURAT_MEDIS');
    expect(ambulance).toMatchObject({ targetMinutes: 30, calendar: '24x7' });
  });

  it('routes bites by the animal: dogs to rabies care, snakes to the ambulance before the snake catchers', () => {
    expect(first('anak saya digigit anjing liar tadi pagi', 'id')).toBe('GIGITAN_HEWAN_RABIES');
    expect(first('I was bitten by a dog near the temple', 'en')).toBe('GIGITAN_HEWAN_RABIES');
    expect(first('bapak digigit ular di kebun', 'id')).toBe('GAWAT_DARURAT_MEDIS');
    expect(first('keracunan makanan setelah upacara di banjar', 'id')).toBe('KERACUNAN_MAKANAN');
  });

  it('has keywords that point at their own category alone, among all enabled modules', () => {
    for (const category of dinkes.categories) {
      for (const language of ['id', 'en'] as const) {
        for (const keyword of category.keywords[language]) {
          const [top, next] = suggestCategories(all, keyword, language);
          expect({ keyword, top: top?.category.code, tied: next?.score === top?.score }).toEqual({ keyword, top: category.code, tied: false });
        }
      }
    }
  });
});
