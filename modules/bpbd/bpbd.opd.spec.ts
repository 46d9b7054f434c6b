import { ENABLED_OPD_MODULES } from '../../config/opd-modules';
import { describeOpdContract, suggestCategories } from '../../src/core/opd/testing';
import { bpbd } from './bpbd.opd';

describeOpdContract(bpbd, { minCategories: 5, requireEmergencyAndOrdinary: true, alongside: ENABLED_OPD_MODULES });

describe('BPBD', () => {
  // What a call taker's search runs over: this module's categories and those of every other enabled module.
  const all = [...ENABLED_OPD_MODULES.filter((m) => m.code !== bpbd.code), bpbd].flatMap((m) => m.categories);
  const first = (text: string, language: 'id' | 'en') => suggestCategories(all, text, language)[0]?.category.code;

  it('climbs the chain of command and reaches the Regent at the breach', () => {
    expect(bpbd.escalation.map((l) => l.notify.map((t) => t.kind))).toEqual([
      ['OPD_ROLE'],
      ['OPD_HEAD'],
      ['OPD_HEAD', 'COMMAND_CENTRE'],
      ['OPD_HEAD', 'COMMAND_CENTRE', 'REGIONAL_SECRETARY', 'REGENT'],
    ]);
    expect(bpbd.escalation.at(-1)?.at).toBe('BREACH');
  });

  it("ranks BPBD's category first among all enabled modules for typical reports", () => {
    expect(first('pohon tumbang di jalan', 'id')).toBe('POHON_TUMBANG');
    expect(first('a tree fell on the road', 'en')).toBe('POHON_TUMBANG');
    expect(first('Ada longsor menutup jalan di Kintamani', 'id')).toBe('TANAH_LONGSOR');
    // Not the fire brigade's building fire, and not the volcano.
    expect(first('kebakaran hutan di lereng Gunung Batur', 'id')).toBe('KEBAKARAN_HUTAN_LAHAN');
    expect(first('hujan abu dari Gunung Batur', 'id')).toBe('AKTIVITAS_GUNUNG_BATUR');
  });

  it('lets the more specific phrase win: a leaning tree is not a fallen road sign or a collapsed building', () => {
    const [top, next] = suggestCategories(all, 'pohon miring mau roboh', 'id');
    expect(top.category.code).toBe('POHON_TUMBANG');
    expect(next === undefined || next.score < top.score).toBe(true);
    expect(first('punyan kayu labuh nimpa umah', 'id')).toBe('POHON_TUMBANG'); // Balinese: a tree fell on the road
  });

  it('has keywords that point at their own category alone, among all enabled modules', () => {
    for (const category of bpbd.categories) {
      for (const language of ['id', 'en'] as const) {
        for (const keyword of category.keywords[language]) {
          const [top, next] = suggestCategories(all, keyword, language);
          expect({ keyword, top: top?.category.code, tied: next?.score === top?.score }).toEqual({ keyword, top: category.code, tied: false });
        }
      }
    }
  });
});
