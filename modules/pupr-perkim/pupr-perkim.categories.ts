import type { AttributeDefinition, CategoryDefinition, LocalisedText } from '../../src/core/opd';

/** PUPR Perkim's categories: roads, bridges, drainage, walls, housing and building permits. */

const value = (key: string, id: string, en: string): { key: string; name: LocalisedText } => ({ key, name: { id, en } });
const YES_NO_UNKNOWN = [value('YES', 'Ya', 'Yes'), value('NO', 'Tidak', 'No'), value('UNKNOWN', 'Belum tahu', 'Unknown')];

const yesNo = (code: string, order: number, id: string, en: string, required = false): AttributeDefinition => ({
  code, datatype: 'singlevaluelist', required, order, description: { id, en }, values: YES_NO_UNKNOWN,
});
const roadName = (order: number): AttributeDefinition => ({
  code: 'ROAD_NAME', datatype: 'string', required: false, order,
  description: { id: 'Nama jalan atau ruas, dan patokan terdekat', en: 'Road or section name, and nearest landmark' },
});
const details = (order: number): AttributeDefinition => ({
  code: 'DETAILS', datatype: 'text', required: false, order,
  description: { id: 'Keterangan lain dari pelapor', en: 'Other details from the caller' },
});

export const puprPerkimCategories: readonly CategoryDefinition[] = [
  {
    code: 'JALAN_RUSAK',
    name: { id: 'Jalan rusak atau berlubang', en: 'Damaged road or pothole' },
    description: {
      id: 'Jalan kabupaten yang rusak. Jalan nasional dan provinsi diteruskan ke instansi yang berwenang.',
      en: 'Damage to a regency road. National and provincial roads are forwarded to the competent authority.',
    },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'NORMAL',
    fieldResponse: true,
    keywords: {
      id: ['jalan rusak', 'jalan berlubang', 'lubang jalan', 'aspal rusak', 'aspal mengelupas', 'jalan bergelombang'],
      en: ['pothole', 'damaged road', 'broken road', 'bumpy road'],
    },
    synonyms: {
      id: ['jalan bolong', 'lubang', 'berlubang', 'aspal', 'jalan hancur', 'jalan rusak parah', 'jalan retak', 'perbaikan jalan', 'kerikil lepas'],
      en: ['potholes', 'road damage', 'road in bad condition', 'cracked road', 'hole in the road'],
      ban: ['jalan usak', 'margi usak', 'rurung usak', 'jalan uug', 'bolong'],
    },
    attributes: [
      roadName(1),
      { code: 'DAMAGE_SIZE', datatype: 'singlevaluelist', required: false, order: 2,
        description: { id: 'Seberapa besar kerusakannya?', en: 'How large is the damage?' },
        values: [
          value('SMALL', 'Lubang kecil (kurang dari 1 meter)', 'Small hole (under 1 metre)'),
          value('MEDIUM', 'Beberapa lubang atau sebagian lajur', 'Several holes or part of a lane'),
          value('LARGE', 'Seluruh lebar jalan', 'The whole width of the road'),
        ] },
      yesNo('DANGER_TO_TRAFFIC', 3, 'Sudah ada kecelakaan atau nyaris celaka?', 'Have there been accidents or near misses?'),
      details(4),
    ],
  },
  {
    code: 'JEMBATAN_RUSAK',
    name: { id: 'Jembatan rusak', en: 'Damaged bridge' },
    description: {
      id: 'Jembatan retak, berlubang, pagar pengaman rusak atau pondasi tergerus, tetapi masih berdiri.',
      en: 'A bridge cracked, holed, with broken railings or scoured foundations, but still standing.',
    },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'HIGH',
    fieldResponse: true,
    keywords: {
      id: ['jembatan rusak', 'jembatan retak', 'jembatan berlubang', 'pagar jembatan', 'jembatan goyang'],
      en: ['damaged bridge', 'bridge damage', 'cracked bridge', 'bridge railing'],
    },
    synonyms: {
      id: ['jembatan', 'lantai jembatan', 'jembatan gantung', 'railing jembatan', 'jembatan keropos'],
      en: ['bridge', 'bridge deck', 'shaky bridge'],
      ban: ['titi', 'titi usak'],
    },
    attributes: [
      { code: 'STILL_PASSABLE', datatype: 'singlevaluelist', required: true, order: 1,
        description: { id: 'Apakah jembatan masih bisa dilewati?', en: 'Can the bridge still be used?' },
        values: [
          value('ALL', 'Semua kendaraan', 'All vehicles'),
          value('LIGHT_ONLY', 'Hanya kendaraan ringan', 'Light vehicles only'),
          value('PEDESTRIANS_ONLY', 'Hanya pejalan kaki', 'Pedestrians only'),
          value('NO', 'Tidak bisa dilewati', 'Not passable'),
        ] },
      { code: 'DAMAGE', datatype: 'multivaluelist', required: false, order: 2,
        description: { id: 'Kerusakan yang terlihat', en: 'Damage seen' },
        values: [
          value('DECK', 'Lantai jembatan berlubang', 'Holes in the deck'),
          value('CRACKS', 'Retak pada struktur', 'Structural cracks'),
          value('RAILING', 'Pagar pengaman rusak', 'Broken railing'),
          value('FOUNDATION', 'Pondasi tergerus air', 'Scoured foundation'),
          value('SHAKING', 'Bergoyang saat dilewati', 'Sways when crossed'),
        ] },
      details(3),
    ],
  },
  {
    code: 'JALAN_JEMBATAN_PUTUS',
    name: { id: 'Jalan amblas atau jembatan putus', en: 'Road collapse or bridge down' },
    description: {
      id: 'Jalan amblas atau jembatan runtuh sehingga lalu lintas terputus. PUPR menutup dan mengamankan lokasi bersama DISHUB dan kepolisian; bila karena longsor, BPBD ikut.',
      en: 'A road has caved in or a bridge has collapsed and traffic is cut. PUPR closes and secures the site with DISHUB and the police; if a landslide caused it, BPBD too.',
    },
    defaultKind: 'EMERGENCY',
    defaultPriority: 'URGENT',
    keywords: {
      id: ['jembatan putus', 'jembatan ambruk', 'jalan amblas', 'jalan ambles', 'jalan putus', 'jalan terban'],
      en: ['bridge collapsed', 'road collapsed', 'sinkhole', 'road washed away', 'bridge washed away'],
    },
    synonyms: {
      id: ['amblas', 'ambles', 'jalan terputus', 'akses terputus', 'desa terisolasi', 'jembatan hanyut', 'jembatan roboh'],
      en: ['bridge collapse', 'road cut off', 'village cut off', 'road caved in', 'bridge gone'],
      ban: ['titi pegat', 'jalan pegat'],
    },
    attributes: [
      yesNo('VILLAGES_CUT_OFF', 1, 'Ada desa atau banjar yang terisolasi?', 'Are villages or hamlets cut off?', true),
      yesNo('PEOPLE_OR_VEHICLES_FELL', 2, 'Ada orang atau kendaraan yang ikut jatuh?', 'Did people or vehicles fall in?'),
      roadName(3),
      details(4),
    ],
  },
  {
    code: 'DRAINASE_TERSUMBAT',
    name: { id: 'Drainase atau selokan tersumbat', en: 'Blocked drain or gutter' },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'NORMAL',
    fieldResponse: true,
    keywords: {
      id: ['drainase tersumbat', 'got mampet', 'selokan tersumbat', 'selokan mampet', 'gorong-gorong', 'genangan air'],
      en: ['blocked drain', 'clogged drain', 'drainage', 'flooded street', 'standing water'],
    },
    synonyms: {
      id: ['selokan', 'drainase', 'gorong-gorong', 'saluran air', 'saluran tersumbat', 'air meluap', 'banjir', 'kebanjiran', 'genangan', 'tergenang', 'got buntu'],
      en: ['gutter', 'drain', 'sewer', 'flooding', 'water overflowing'],
      ban: ['telabah'],
    },
    attributes: [
      yesNo('WATER_ON_ROAD', 1, 'Air meluap ke jalan?', 'Is water overflowing onto the road?'),
      yesNo('ENTERING_HOUSES', 2, 'Air masuk ke rumah warga?', 'Is water entering houses?'),
      { code: 'CAUSE', datatype: 'singlevaluelist', required: false, order: 3,
        description: { id: 'Penyebab yang terlihat', en: 'Visible cause' },
        values: [
          value('RUBBISH', 'Sampah', 'Rubbish'),
          value('SEDIMENT', 'Lumpur atau pasir', 'Mud or sand'),
          value('BROKEN_CHANNEL', 'Saluran rusak atau tertutup bangunan', 'Channel broken or built over'),
          value('UNKNOWN', 'Tidak tahu', 'Unknown'),
        ] },
      details(4),
    ],
  },
  {
    code: 'TALUD_JEBOL',
    name: { id: 'Talud atau senderan jebol', en: 'Retaining wall collapsed or cracking' },
    description: {
      id: 'Tembok penahan tanah di sepanjang jalan, sungai atau fasilitas umum yang retak atau jebol. Tembok milik pribadi tanggung jawab pemiliknya.',
      en: 'A public retaining wall along a road, river or public facility cracking or collapsed. Private walls are their owner’s responsibility.',
    },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'HIGH',
    fieldResponse: true,
    keywords: {
      id: ['talud jebol', 'talud retak', 'senderan jebol', 'senderan retak', 'tembok penahan tanah'],
      en: ['retaining wall', 'collapsed wall', 'cracked wall'],
    },
    synonyms: {
      id: ['talud', 'senderan', 'tembok penahan', 'dinding penahan tanah', 'talud ambrol', 'senderan ambrol'],
      en: ['embankment wall', 'wall holding the slope', 'slope wall'],
      ban: ['senderan uug', 'talud uug'],
    },
    attributes: [
      { code: 'THREATENS', datatype: 'multivaluelist', required: false, order: 1,
        description: { id: 'Apa yang terancam?', en: 'What is threatened?' },
        values: [
          value('HOUSES', 'Rumah warga', 'Houses'),
          value('ROAD', 'Jalan', 'Road'),
          value('TEMPLE', 'Pura', 'Temple'),
          value('RIVER', 'Aliran sungai', 'River flow'),
        ] },
      details(2),
    ],
  },
  {
    code: 'RUMAH_TIDAK_LAYAK_HUNI',
    name: { id: 'Rumah tidak layak huni', en: 'Unfit house' },
    description: {
      id: 'Usulan bantuan bedah rumah. Tindak lanjut dalam lima hari kerja adalah verifikasi lapangan; perbaikan mengikuti anggaran tahunan.',
      en: 'A proposal for house-repair aid. The five-working-day follow-up is the field verification; repairs follow the yearly budget.',
    },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'NORMAL',
    fieldResponse: true,
    keywords: {
      id: ['rumah tidak layak huni', 'rtlh', 'bedah rumah', 'rumah reyot', 'bantuan rumah'],
      en: ['unfit house', 'dilapidated house', 'housing assistance', 'house repair aid'],
    },
    synonyms: {
      id: ['rumah hampir roboh', 'rumah mau roboh', 'bantuan bedah rumah', 'rehab rumah', 'atap bocor', 'dinding bambu', 'tidak layak huni'],
      en: ['house falling apart', 'leaking roof', 'home repair assistance'],
      ban: ['umah usak'],
    },
    attributes: [
      { code: 'OCCUPANTS', datatype: 'number', required: false, order: 1,
        description: { id: 'Jumlah penghuni', en: 'Number of occupants' } },
      { code: 'CONDITION', datatype: 'multivaluelist', required: false, order: 2,
        description: { id: 'Bagian rumah yang tidak layak', en: 'Parts of the house that are unfit' },
        values: [
          value('ROOF', 'Atap bocor atau rusak', 'Leaking or broken roof'),
          value('WALLS', 'Dinding retak atau darurat', 'Cracked or makeshift walls'),
          value('FLOOR', 'Lantai tanah', 'Earth floor'),
          value('NO_TOILET', 'Tidak ada jamban', 'No toilet'),
        ] },
      // Housing aid goes only to a house on the occupant's own land: ask early.
      yesNo('OWN_LAND', 3, 'Rumah berdiri di tanah milik sendiri?', 'Does the house stand on the occupant’s own land?'),
    ],
  },
  {
    code: 'BANGUNAN_TANPA_IZIN',
    name: { id: 'Bangunan tanpa izin (PBG)', en: 'Building without a permit (PBG)' },
    description: {
      id: 'Bangunan tanpa Persetujuan Bangunan Gedung (dulu IMB), atau melanggar sempadan, batas ketinggian atau jalur hijau.',
      en: 'A building without a building approval (PBG, formerly IMB), or breaking setbacks, the height limit or a green belt.',
    },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'NORMAL',
    fieldResponse: true,
    keywords: {
      id: ['bangunan tanpa izin', 'bangunan liar', 'bangunan ilegal', 'tanpa pbg', 'tidak ada imb', 'melanggar sempadan'],
      en: ['building without permit', 'illegal building', 'illegal construction', 'unpermitted construction'],
    },
    synonyms: {
      id: ['tanpa izin', 'tidak ada izin', 'tidak berizin', 'izin bangunan', 'imb', 'pbg', 'sempadan', 'sempadan sungai', 'bangunan melanggar'],
      en: ['no permit', 'without permit', 'unlicensed building', 'building permit'],
    },
    attributes: [
      { code: 'CONSTRUCTION_STAGE', datatype: 'singlevaluelist', required: false, order: 1,
        description: { id: 'Tahap pembangunan', en: 'Construction stage' },
        values: [
          value('PREPARATION', 'Persiapan atau pondasi', 'Preparation or foundations'),
          value('IN_PROGRESS', 'Sedang dibangun', 'Under construction'),
          value('FINISHED', 'Sudah selesai', 'Finished'),
        ] },
      { code: 'SUSPECTED_ISSUE', datatype: 'multivaluelist', required: false, order: 2,
        description: { id: 'Dugaan pelanggaran', en: 'Suspected breach' },
        values: [
          value('NO_PERMIT', 'Tidak ada PBG/IMB', 'No permit'),
          value('SETBACK', 'Terlalu dekat jalan, sungai atau jurang', 'Too close to road, river or ravine'),
          value('HEIGHT', 'Melebihi batas ketinggian', 'Above the height limit'),
          value('GREEN_BELT', 'Di jalur hijau atau lahan pertanian', 'On a green belt or farmland'),
        ] },
      details(3),
    ],
  },
];
