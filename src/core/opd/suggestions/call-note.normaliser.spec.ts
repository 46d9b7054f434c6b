import { callNoteWords, rawWords } from './call-note.normaliser';

describe('callNoteWords', () => {
  it('lower-cases, removes accents and punctuation, drops numbers', () => {
    expect(rawWords('KEBAKÁRAN di Rumah!! jam 3, 10rb')).toEqual(['kebakaran', 'di', 'rumah', 'jam']);
  });

  it('reads words that are names of Object\'s own properties as plain words (found by the fuzz test)', () => {
    expect(callNoteWords('constructor toString __proto__ hasOwnProperty valueOf')).toEqual(['constructor', 'tostring', 'proto', 'hasownproperty', 'valueof']);
    expect(callNoteWords('constructor2 tostring-tostring')).toEqual(['constructor', 'tostring']);
  });

  it('spells out call-note shorthand and drops stopwords', () => {
    expect(callNoteWords('sampah tdk diangkut')).toEqual(['sampah', 'tidak', 'diangkut']);
    expect(callNoteWords('jln yg rusak dr kmrn, tlg dgn cepat')).toEqual(['jalan', 'rusak', 'kemarin', 'cepat']);
    expect(callNoteWords('gk ada air sdh 3 hari, blm ada bantuan krn jauh')).toEqual(['tidak', 'air', 'hari', 'belum', 'bantuan', 'jauh']);
    expect(callNoteWords('pkm tutup, bumil mau lahiran')).toEqual(['puskesmas', 'tutup', 'hamil', 'lahiran']);
  });

  it('reads reduplication as the plain word, except where it means something else', () => {
    expect(callNoteWords('gorong-gorong mampet, retak2')).toEqual(['gorong', 'mampet', 'retak']);
    expect(callNoteWords('anak2 minta2 di lampu merah')).toEqual(['anak', 'mengemis', 'lampu', 'merah']);
  });

  it('counts a held-down letter once and keeps real double letters', () => {
    expect(callNoteWords('macettt tolonggg')).toEqual(['macet']);
    expect(callNoteWords('luu saat')).toEqual(['luu', 'saat']);
  });

  it('splits joined place names and phrases alike', () => {
    expect(callNoteWords('jalur bangli-kintamani')).toEqual(['jalur', 'bangli', 'kintamani']);
  });
});
