import { trigramSimilarity, trigrams } from './trigram.similarity';

describe('trigram similarity', () => {
  it('pads words as pg_trgm does', () => {
    expect(trigrams('api')).toEqual(['  a', ' ap', 'api', 'pi ']);
  });

  it('scores typos high and different words low', () => {
    expect(trigramSimilarity('longsor', 'longsor')).toBe(1);
    expect(trigramSimilarity('longsr', 'longsor')).toBeGreaterThanOrEqual(0.45);
    expect(trigramSimilarity('kebakran', 'kebakaran')).toBeGreaterThan(0.5);
    expect(trigramSimilarity('sama', 'sampah')).toBeLessThan(0.45);
    expect(trigramSimilarity('rumah', 'sampah')).toBeLessThan(0.2);
  });
});
