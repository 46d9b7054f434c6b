import { wordRoots } from './word.stemmer';

const share = (a: string, b: string) => wordRoots(a).some((root) => wordRoots(b).includes(root));

describe('wordRoots', () => {
  it('puts the word itself first', () => {
    expect(wordRoots('berlubang')[0]).toBe('berlubang');
  });

  it.each([
    ['berlubang', 'lubang'],
    ['kebakaran', 'terbakar'],
    ['tersumbat', 'sumbat'],
    ['kemacetan', 'macet'],
    ['pengasapan', 'asap'],
    ['penerangan', 'terang'],
    ['pendarahan', 'perdarahan'],
    ['melahirkan', 'lahir'],
    ['mengemis', 'pengemis'],
    ['menimbun', 'tertimbun'],
    ['diperbaiki', 'perbaikan'],
    ['genangan', 'tergenang'],
    ['pohonnya', 'pohon'],
    ['diangkut', 'angkut'],
    ['terendam', 'rendam'],
    // spoken and Balinese forms
    ['nutup', 'menutup'],
    ['nyangkut', 'tersangkut'],
    ['kejebak', 'terjebak'],
    ['kagutgut', 'gutgut'],
    // English endings
    ['trees', 'tree'],
    ['blocked', 'block'],
    ['flooded', 'flooding'],
  ])('%s and %s share a root', (a, b) => {
    expect(share(a, b)).toBe(true);
  });

  it.each([
    ['jalan', 'jalur'],
    ['berisik', 'risiko'],
    ['ketuban', 'tubuh'],
    ['makan', 'makam'],
    ['mati', 'matahari'],
    ['api', 'apotek'],
    ['perda', 'pedang'],
    ['lampu', 'lampau'],
  ])('%s and %s stay apart', (a, b) => {
    expect(share(a, b)).toBe(false);
  });

  it('never offers a root shorter than four letters', () => {
    for (const word of ['jalan', 'hutan', 'mati', 'ketuban', 'beton', 'berat']) {
      expect(wordRoots(word).slice(1).every((root) => root.length >= 4)).toBe(true);
    }
    expect(wordRoots('jalan')).toEqual(['jalan']);
  });
});
