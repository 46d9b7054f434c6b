import { suggestCategories } from './category-suggestions';

const category = (code: string, id: string[], en: string[], synonyms?: { id?: string[]; en?: string[]; ban?: string[] }) => ({
  code,
  name: { id: code.toLowerCase().replace(/_/g, ' '), en: code.toLowerCase().replace(/_/g, ' ') },
  keywords: { id, en },
  synonyms,
});

const CATEGORIES = [
  category('POHON_TUMBANG', ['pohon tumbang', 'pohon roboh'], ['fallen tree', 'tree down'], { id: ['pohon miring'], ban: ['punyan kayu labuh'] }),
  category('LONGSOR', ['longsor', 'tanah longsor'], ['landslide', 'mudslide']),
  category('KEBAKARAN_BANGUNAN', ['kebakaran', 'terbakar', 'api'], ['fire', 'burning']),
  category('JALAN_RUSAK', ['jalan rusak', 'jalan berlubang', 'aspal rusak'], ['pothole', 'damaged road']),
  category('RAMBU_RUSAK', ['rambu roboh', 'rambu hilang'], ['road sign']),
  category('GEMPA', ['gempa', 'bangunan roboh'], ['earthquake']),
  category('SAMPAH', ['sampah', 'sampah tidak diangkut'], ['rubbish']),
  category('BANGKAI_HEWAN', ['bangkai', 'anjing mati'], ['dead dog']),
];
const codes = (text: string, language: 'id' | 'en' = 'id') => suggestCategories(CATEGORIES, text, language).map((s) => s.category.code);
const first = (text: string, language: 'id' | 'en' = 'id') => codes(text, language)[0];

describe('suggestCategories', () => {
  it('ranks the category whose phrase occurs first, and ignores case and accents', () => {
    expect(first('Ada pohon tumbang menutup jalan di Kintamani')).toBe('POHON_TUMBANG');
    expect(first('KEBAKÁRAN RUMAH')).toBe('KEBAKARAN_BANGUNAN');
  });

  it('reads call-note shorthand, affixes and reduplication', () => {
    expect(first('sampah tdk diangkut')).toBe('SAMPAH');
    expect(first('jln berlobang')).toBe('JALAN_RUSAK'); // a typo of an affixed word
    expect(first('rumah kebakaran')).toBe('KEBAKARAN_BANGUNAN');
    expect(first('jalannya bolong2, lubangnya besar, aspalnya rusak')).toBe('JALAN_RUSAK');
  });

  it('matches misspellings by trigram similarity, a little below the word itself', () => {
    const typo = suggestCategories(CATEGORIES, 'longsr', 'id')[0];
    const right = suggestCategories(CATEGORIES, 'longsor', 'id')[0];
    expect(typo.category.code).toBe('LONGSOR');
    expect(typo.score).toBeLessThan(right.score);
    expect(typo.confidence).toBeLessThan(right.confidence);
  });

  it('suggests from one telling word, as the issue asked', () => {
    expect(first('sampah')).toBe('SAMPAH');
    expect(first('anjing mati di jalan')).toBe('BANGKAI_HEWAN');
    expect(first('punyan kayu labuh')).toBe('POHON_TUMBANG'); // Balinese synonym
  });

  it('lets the more specific match win instead of a tie: "pohon miring mau roboh"', () => {
    const [top, next] = suggestCategories(CATEGORIES, 'pohon miring mau roboh', 'id');
    expect(top.category.code).toBe('POHON_TUMBANG');
    expect(next === undefined || next.score < top.score).toBe(true);
  });

  it('suggests nothing rather than guessing: blank text, unknown words, one common word of a phrase', () => {
    expect(codes('  ')).toEqual([]);
    expect(codes('selamat pagi pak')).toEqual([]);
    expect(codes('jalan')).toEqual([]);
    expect(codes('roboh')).toEqual([]);
  });

  it('serves English, and still uses Indonesian words at a lower weight', () => {
    expect(first('There is a landslide near the lake', 'en')).toBe('LONGSOR');
    const asked = suggestCategories(CATEGORIES, 'longsor', 'id')[0];
    const other = suggestCategories(CATEGORIES, 'longsor', 'en')[0];
    expect(other.category.code).toBe('LONGSOR');
    expect(other.score).toBeLessThan(asked.score);
  });

  it('gives each suggestion a confidence from 0 to 1: high when clear, split when two compete', () => {
    const clear = suggestCategories(CATEGORIES, 'pohon tumbang', 'id');
    expect(clear[0].confidence).toBeGreaterThan(0.8);
    const mixed = suggestCategories(CATEGORIES, 'kebakaran dan longsor', 'id');
    expect(mixed.map((s) => s.category.code).sort()).toEqual(['KEBAKARAN_BANGUNAN', 'LONGSOR']);
    expect(mixed[0].confidence).toBeLessThan(0.6);
    for (const text of ['sampah', 'jln berlubang', 'gempa bangunan roboh', 'fire']) {
      const ranked = suggestCategories(CATEGORIES, text, 'id');
      const total = ranked.reduce((sum, s) => sum + s.confidence, 0);
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThanOrEqual(1.01);
    }
  });

  it('honours the limit', () => {
    expect(codes('kebakaran pohon tumbang longsor jalan rusak').length).toBeGreaterThanOrEqual(4);
    expect(suggestCategories(CATEGORIES, 'kebakaran pohon tumbang longsor jalan rusak', 'id', 2)).toHaveLength(2);
  });
});
