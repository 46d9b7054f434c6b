import { suggestCategories, tokens } from './category-suggestions';

const category = (code: string, id: string[], en: string[], name = code) => ({
  code,
  name: { id: name, en: name },
  keywords: { id, en },
});

const CATEGORIES = [
  category('POHON_TUMBANG', ['pohon tumbang', 'pohon roboh'], ['fallen tree', 'tree down']),
  category('LONGSOR', ['longsor', 'tanah longsor'], ['landslide', 'mudslide']),
  category('KEBAKARAN_BANGUNAN', ['kebakaran', 'terbakar', 'api'], ['fire', 'burning']),
  category('JALAN_RUSAK', ['jalan rusak', 'jalan berlubang', 'aspal'], ['pothole', 'damaged road']),
];

describe('suggestCategories', () => {
  it('ranks the category whose phrase occurs first', () => {
    const ranked = suggestCategories(CATEGORIES, 'Ada pohon tumbang menutup jalan di Kintamani', 'id');
    expect(ranked[0].category.code).toBe('POHON_TUMBANG');
  });

  it('ignores case and accents', () => {
    expect(tokens('KEBAKÁRAN di Rumah')).toEqual(['kebakaran', 'di', 'rumah']);
    expect(suggestCategories(CATEGORIES, 'KEBAKÁRAN RUMAH', 'id')[0].category.code).toBe('KEBAKARAN_BANGUNAN');
  });

  it('serves a tourist in English, and still uses Indonesian words at a lower weight', () => {
    expect(suggestCategories(CATEGORIES, 'There is a landslide near the lake', 'en')[0].category.code).toBe('LONGSOR');
    // 'longsor' is an Indonesian keyword (2 × 0.6) and the category's name (2 × 0.5).
    const mixed = suggestCategories(CATEGORIES, 'longsor', 'en');
    expect(mixed[0]).toEqual({ category: CATEGORIES[1], score: 2.2 });
  });

  it('counts a word that starts like a keyword, half', () => {
    const [top] = suggestCategories(CATEGORIES, 'longsoran besar', 'id');
    expect(top.category.code).toBe('LONGSOR');
    expect(top.score).toBe(1.5); // keyword prefix 1 + name prefix 0.5
  });

  it('needs every word of a phrase: "jalan" alone is not a damaged road', () => {
    expect(suggestCategories(CATEGORIES, 'jalan', 'id')).toEqual([]);
  });

  it('returns nothing for blank text and honours the limit', () => {
    expect(suggestCategories(CATEGORIES, '  ', 'id')).toEqual([]);
    expect(suggestCategories(CATEGORIES, 'kebakaran pohon tumbang longsor jalan rusak', 'id', 2)).toHaveLength(2);
  });
});
