/**
 * Word lists for reading call notes. Data, not logic: a call taker's shorthand
 * grows with use, so add to these lists rather than to the code.
 */

/**
 * Shorthand a Bangli call taker types, spelled out. Keys are lower case and
 * accent-free (the normaliser's output); a value may be several words.
 * Only unambiguous shorthands are here: "br" is Banjar (the Balinese hamlet
 * in every address), "pkm" is a puskesmas, "laka" an accident.
 */
// Maps, not object literals: a caller's word is looked up here, and "constructor" must not find Object's.
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(Object.entries({
  // negation and time
  tdk: 'tidak', tak: 'tidak', gk: 'tidak', gak: 'tidak', ga: 'tidak', ngga: 'tidak', nggak: 'tidak',
  engga: 'tidak', enggak: 'tidak', ndak: 'tidak', nda: 'tidak', kagak: 'tidak',
  sdh: 'sudah', udh: 'sudah', udah: 'sudah', dah: 'sudah', blm: 'belum', blom: 'belum', msh: 'masih', masi: 'masih',
  skrg: 'sekarang', skrng: 'sekarang', kmrn: 'kemarin', kmarin: 'kemarin', td: 'tadi', tdi: 'tadi', lg: 'lagi', lgi: 'lagi',
  stlh: 'setelah', sblm: 'sebelum', smp: 'sampai', sampe: 'sampai', mg: 'minggu', mgg: 'minggu',
  // function words
  yg: 'yang', dr: 'dari', dri: 'dari', dgn: 'dengan', dg: 'dengan', krn: 'karena', krna: 'karena', karna: 'karena',
  utk: 'untuk', untk: 'untuk', tp: 'tapi', tpi: 'tapi', jg: 'juga', sm: 'sama', ad: 'ada', bs: 'bisa', bsa: 'bisa',
  bgt: 'banget', bngt: 'banget', bnyk: 'banyak', byk: 'banyak', bbrp: 'beberapa', sy: 'saya', sya: 'saya',
  dlm: 'dalam', dkt: 'dekat', dpn: 'depan', blkg: 'belakang', sblh: 'sebelah', tlg: 'tolong', tlng: 'tolong',
  mhn: 'mohon', mnt: 'minta', gmn: 'bagaimana', knp: 'kenapa', tmpt: 'tempat', tmp: 'tempat', trs: 'terus',
  // people and places
  org: 'orang', bpk: 'bapak', rmh: 'rumah', jln: 'jalan', jl: 'jalan', jalam: 'jalan', gg: 'gang', br: 'banjar',
  ds: 'desa', kec: 'kecamatan', kel: 'kelurahan', psr: 'pasar', sklh: 'sekolah', kntr: 'kantor',
  // the trade's own shorthand
  pkm: 'puskesmas', rs: 'rumah sakit', rsud: 'rumah sakit', bumil: 'ibu hamil', nakes: 'petugas kesehatan',
  lalin: 'lalu lintas', laka: 'kecelakaan', lakalantas: 'kecelakaan lalu lintas', ranmor: 'kendaraan',
  mbl: 'mobil', mtr: 'motor', kbl: 'kabel', lstrk: 'listrik', phn: 'pohon', jmbtn: 'jembatan', lmp: 'lampu',
  var: 'vaksin anti rabies', odgj: 'orang gangguan jiwa',
  // spellings as common as the standard one
  rubuh: 'roboh', nafas: 'napas', ambulan: 'ambulans', lobang: 'lubang', ijin: 'izin', antri: 'antre', antrian: 'antrean',
}));

/**
 * Reduplicated words ("minta2", "minta-minta") whose meaning is not the plain
 * word's: begging is not asking. Any other reduplication is read as the plain
 * word ("anak2" is "anak", "gorong-gorong" is "gorong").
 */
export const REDUPLICATED: ReadonlyMap<string, string> = new Map(Object.entries({
  minta: 'mengemis',
}));

/**
 * Words that say nothing about a category (Indonesian, English, Balinese
 * particles). Dropped from texts and from keyword phrases alike, so
 * "bitten by a dog" is the phrase "bitten dog".
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  // Indonesian
  'ada', 'adalah', 'agar', 'akan', 'aku', 'anda', 'apa', 'atau', 'bagaimana', 'bagi', 'bahwa', 'banget', 'bapak',
  'beberapa', 'bisa', 'bu', 'buat', 'dalam', 'dan', 'dari', 'dekat', 'dengan', 'depan', 'deh', 'di', 'dia', 'dong',
  'harap', 'ibu', 'ini', 'itu', 'jadi', 'juga', 'kalau', 'kami', 'kamu', 'karena', 'kapan', 'ke', 'kenapa', 'kita',
  'kok', 'lagi', 'lah', 'mana', 'masih', 'mau', 'mereka', 'minta', 'mohon', 'nih', 'nya', 'oleh', 'pada', 'pak',
  'para', 'pun', 'saja', 'sama', 'sampai', 'sangat', 'saya', 'sedang', 'segera', 'sejak', 'sekali', 'sekarang',
  'setelah', 'sih', 'sini', 'situ', 'sudah', 'tadi', 'tapi', 'telah', 'tersebut', 'terus', 'tolong', 'tuh', 'untuk',
  'warga', 'ya', 'yang',
  // English
  'a', 'about', 'after', 'all', 'am', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'by', 'can', 'could', 'for',
  'from', 'got', 'had', 'has', 'have', 'he', 'her', 'here', 'his', 'i', 'in', 'into', 'is', 'it', 'its', 'just',
  'me', 'my', 'near', 'next', 'now', 'of', 'on', 'onto', 'or', 'our', 'please', 'she', 'since', 'so', 'some', 'that',
  'the', 'their', 'there', 'they', 'this', 'to', 'us', 'very', 'was', 'we', 'were', 'with', 'you', 'your',
  // Balinese particles
  'ne', 'nto', 'nika', 'niki', 'tiang', 'titiang', 'ngiring',
]);

/**
 * Words that only mean something inside a phrase ("tidak layak huni", "no
 * water"): they count when their phrase matches completely, never alone.
 */
export const WEAK_WORDS: ReadonlySet<string> = new Set(['tidak', 'belum', 'no', 'not', 'sing', 'ten']);
