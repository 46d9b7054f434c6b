import type { AttributeDefinition, CategoryDefinition, LocalisedText } from '../../src/core/opd';

/** Satpol PP & Damkar's categories: fire and rescue (emergencies) and public order (complaints). */

const value = (key: string, id: string, en: string): { key: string; name: LocalisedText } => ({ key, name: { id, en } });
const YES_NO_UNKNOWN = [value('YES', 'Ya', 'Yes'), value('NO', 'Tidak', 'No'), value('UNKNOWN', 'Belum tahu', 'Unknown')];

const count = (code: string, order: number, id: string, en: string): AttributeDefinition => ({
  code, datatype: 'number', required: false, order, description: { id, en },
});
const details = (order: number): AttributeDefinition => ({
  code: 'DETAILS', datatype: 'text', required: false, order,
  description: { id: 'Keterangan lain (patokan lokasi, waktu kejadian)', en: 'Other details (landmark, when it happens)' },
});

export const satpolppDamkarCategories: readonly CategoryDefinition[] = [
  {
    code: 'KEBAKARAN_BANGUNAN',
    name: { id: 'Kebakaran bangunan atau kendaraan', en: 'Building or vehicle fire' },
    description: {
      id: 'Kebakaran rumah, toko, pura, kantor, gudang atau kendaraan. Kebakaran hutan dan lahan ditangani BPBD.',
      en: 'Fire in a house, shop, temple, office, warehouse or vehicle. Forest and land fires are BPBD’s.',
    },
    defaultKind: 'EMERGENCY',
    defaultPriority: 'URGENT',
    keywords: {
      id: ['kebakaran', 'kebakaran rumah', 'rumah terbakar', 'terbakar', 'api', 'mobil terbakar'],
      en: ['fire', 'house fire', 'building fire', 'burning', 'smoke', 'car fire'],
    },
    synonyms: {
      id: ['toko terbakar', 'gudang terbakar', 'dapur terbakar', 'bangunan terbakar', 'damkar', 'pemadam', 'pemadam kebakaran', 'korsleting listrik', 'tabung gas meledak'],
      en: ['on fire', 'firefighters', 'fire brigade', 'flames', 'gas explosion', 'burning house'],
      ban: ['umah puun', 'geni', 'puun', 'kebakaran umah'],
    },
    attributes: [
      { code: 'PEOPLE_TRAPPED', datatype: 'singlevaluelist', required: true, order: 1,
        description: { id: 'Ada orang terjebak di dalam?', en: 'Are people trapped inside?' }, values: YES_NO_UNKNOWN },
      { code: 'BUILDING_TYPE', datatype: 'singlevaluelist', required: false, order: 2,
        description: { id: 'Apa yang terbakar?', en: 'What is burning?' },
        values: [
          value('HOUSE', 'Rumah', 'House'),
          value('SHOP', 'Toko atau warung', 'Shop or stall'),
          value('TEMPLE', 'Pura atau bangunan suci', 'Temple or shrine'),
          value('PUBLIC_BUILDING', 'Kantor, sekolah atau pasar', 'Office, school or market'),
          value('WAREHOUSE', 'Gudang atau pabrik', 'Warehouse or factory'),
          value('VEHICLE', 'Kendaraan', 'Vehicle'),
          value('OTHER', 'Lainnya', 'Other'),
        ] },
      { code: 'HAZARDS', datatype: 'multivaluelist', required: false, order: 3,
        description: { id: 'Bahaya di lokasi', en: 'Hazards on site' },
        values: [
          value('LPG', 'Tabung elpiji', 'LPG cylinders'),
          value('FUEL', 'Bensin atau solar', 'Petrol or diesel'),
          value('ELECTRICITY', 'Kabel listrik', 'Live electrics'),
          value('CHEMICALS', 'Bahan kimia', 'Chemicals'),
          value('SPREADING', 'Api menjalar ke bangunan lain', 'Spreading to other buildings'),
        ] },
      count('VICTIMS', 4, 'Jumlah korban luka', 'Number of people injured'),
    ],
  },
  {
    code: 'PENYELAMATAN_ORANG',
    name: { id: 'Penyelamatan orang', en: 'Rescue of people' },
    description: {
      id: 'Orang terjebak, terjepit, terkunci, jatuh ke sumur atau jurang, atau cincin yang tidak bisa dilepas.',
      en: 'People trapped, pinned, locked in, fallen into a well or ravine, or a ring that will not come off.',
    },
    defaultKind: 'EMERGENCY',
    defaultPriority: 'URGENT',
    keywords: {
      id: ['terjebak', 'terjepit', 'terkunci', 'jatuh ke sumur', 'cincin tersangkut', 'evakuasi korban'],
      en: ['trapped', 'locked in', 'fell into a well', 'stuck ring', 'rescue'],
    },
    synonyms: {
      id: ['terperangkap', 'tersangkut', 'jatuh ke sungai', 'tenggelam', 'hanyut', 'terseret arus', 'tim sar', 'orang hilang', 'evakuasi orang', 'pintu terkunci'],
      en: ['stuck', 'rescue needed', 'drowning', 'missing person', 'search and rescue', 'cannot get out', 'fell into'],
      ban: ['kejepit', 'ulung ke sumur', 'ulung ke tukad', 'anyud'],
    },
    attributes: [
      { code: 'SITUATION', datatype: 'singlevaluelist', required: true, order: 1,
        description: { id: 'Keadaannya seperti apa?', en: 'What is the situation?' },
        values: [
          value('LOCKED_IN', 'Terkunci di ruangan atau lift', 'Locked in a room or lift'),
          value('VEHICLE', 'Terjepit di kendaraan', 'Pinned in a vehicle'),
          value('WELL_OR_RAVINE', 'Jatuh ke sumur atau jurang', 'Fallen into a well or ravine'),
          value('COLLAPSE', 'Tertimpa reruntuhan', 'Under collapsed structure'),
          value('BODY_PART_STUCK', 'Jari atau anggota tubuh tersangkut', 'Finger or limb stuck'),
          value('OTHER', 'Lainnya', 'Other'),
        ] },
      count('PEOPLE_COUNT', 2, 'Jumlah orang yang perlu diselamatkan', 'Number of people to rescue'),
      { code: 'PATIENT_CONSCIOUS', datatype: 'singlevaluelist', required: false, order: 3,
        description: { id: 'Korban sadar?', en: 'Is the person conscious?' }, values: YES_NO_UNKNOWN },
      details(4),
    ],
  },
  {
    code: 'PENYELAMATAN_HEWAN',
    name: { id: 'Evakuasi hewan (ular, sarang tawon)', en: 'Animal rescue (snakes, bee and hornet nests)' },
    description: {
      id: 'Ular masuk rumah, sarang tawon atau lebah di dekat orang, hewan terjebak. Gigitan atau sengatan yang melukai orang: buat juga tiket gawat darurat medis (DINKES).',
      en: 'A snake in a house, a bee or hornet nest near people, a trapped animal. If someone is bitten or stung, also raise a medical emergency (DINKES).',
    },
    // A snake in a bedroom or a hornet nest over a schoolyard will not wait for office hours.
    defaultKind: 'EMERGENCY',
    defaultPriority: 'HIGH',
    keywords: {
      id: ['ular', 'ular masuk rumah', 'sarang tawon', 'sarang lebah', 'tawon', 'evakuasi hewan'],
      en: ['snake', 'bee nest', 'wasp nest', 'hornet', 'animal rescue'],
    },
    synonyms: {
      id: ['ular masuk', 'ular sanca', 'ular piton', 'tawon', 'lebah', 'kucing', 'kucing terjebak', 'kucing nyangkut', 'hewan terjebak', 'bangkai', 'bangkai hewan', 'bangkai anjing', 'anjing mati', 'hewan mati', 'biawak'],
      en: ['dead dog', 'dead animal', 'carcass', 'bees', 'wasps', 'cat stuck', 'animal stuck'],
      ban: ['lelipi', 'nyawan', 'sarang nyawan', 'tabuan', 'bangke', 'bangke cicing', 'cicing mati'],
    },
    attributes: [
      { code: 'ANIMAL', datatype: 'singlevaluelist', required: true, order: 1,
        description: { id: 'Hewan apa?', en: 'Which animal?' },
        values: [
          value('SNAKE', 'Ular', 'Snake'),
          value('BEES_HORNETS', 'Tawon, lebah atau tabuhan', 'Bees, wasps or hornets'),
          value('MONKEY', 'Monyet', 'Monkey'),
          value('OTHER', 'Lainnya', 'Other'),
        ] },
      { code: 'ANIMAL_LOCATION', datatype: 'singlevaluelist', required: false, order: 2,
        description: { id: 'Di mana hewannya?', en: 'Where is the animal?' },
        values: [
          value('INSIDE', 'Di dalam rumah', 'Inside the house'),
          value('ROOF', 'Di atap atau plafon', 'On the roof or in the ceiling'),
          value('TREE', 'Di pohon', 'In a tree'),
          value('YARD', 'Di halaman', 'In the yard'),
        ] },
      { code: 'SOMEONE_HURT', datatype: 'singlevaluelist', required: false, order: 3,
        description: { id: 'Ada yang sudah digigit atau disengat?', en: 'Has anyone been bitten or stung?' }, values: YES_NO_UNKNOWN },
    ],
  },
  {
    code: 'PEDAGANG_KAKI_LIMA',
    name: { id: 'Pedagang kaki lima di tempat terlarang', en: 'Street vendors in forbidden places' },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'NORMAL',
    fieldResponse: true,
    keywords: {
      id: ['pedagang kaki lima', 'pkl', 'pedagang liar', 'jualan di trotoar', 'lapak liar'],
      en: ['street vendor', 'hawker', 'illegal vendor', 'sidewalk vendor'],
    },
    synonyms: {
      id: ['pedagang', 'pedagang asongan', 'asongan', 'lapak', 'gerobak jualan', 'jualan di badan jalan', 'berjualan di trotoar'],
      en: ['vendors', 'hawking', 'peddler', 'selling on the sidewalk', 'stalls on the sidewalk'],
      ban: ['medagang', 'dagang'],
    },
    attributes: [
      { code: 'OBSTRUCTION', datatype: 'multivaluelist', required: false, order: 1,
        description: { id: 'Apa yang terganggu?', en: 'What is obstructed?' },
        values: [
          value('SIDEWALK', 'Trotoar', 'Sidewalk'),
          value('ROADWAY', 'Badan jalan', 'Roadway'),
          value('VIEWPOINT', 'Tempat wisata atau titik pandang', 'Tourist spot or viewpoint'),
          value('TEMPLE_AREA', 'Area pura', 'Temple grounds'),
        ] },
      { code: 'RECURRING', datatype: 'singlevaluelist', required: false, order: 2,
        description: { id: 'Seberapa sering?', en: 'How often?' },
        values: [value('DAILY', 'Setiap hari', 'Every day'), value('SOMETIMES', 'Kadang-kadang', 'Sometimes'), value('FIRST_TIME', 'Baru sekali', 'First time')] },
      count('VENDOR_COUNT', 3, 'Perkiraan jumlah pedagang', 'Estimated number of vendors'),
    ],
  },
  {
    code: 'GANGGUAN_KEBISINGAN',
    name: { id: 'Gangguan kebisingan', en: 'Noise disturbance' },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'NORMAL',
    fieldResponse: true,
    keywords: {
      id: ['bising', 'kebisingan', 'berisik', 'musik keras', 'suara keras', 'sound system'],
      en: ['noise', 'noisy', 'loud music', 'loud party'],
    },
    synonyms: {
      id: ['suara bising', 'knalpot brong', 'knalpot racing', 'musik', 'speaker', 'pesta', 'ribut', 'balap liar'],
      en: ['loud', 'noise complaint', 'party noise', 'blaring'],
      ban: ['uyut'],
    },
    attributes: [
      { code: 'NOISE_SOURCE', datatype: 'singlevaluelist', required: true, order: 1,
        description: { id: 'Sumber suara', en: 'Source of the noise' },
        values: [
          value('MUSIC', 'Musik, pesta atau karaoke', 'Music, party or karaoke'),
          value('CONSTRUCTION', 'Pekerjaan bangunan', 'Construction work'),
          value('VEHICLES', 'Knalpot atau balap liar', 'Exhausts or street racing'),
          value('OTHER', 'Lainnya', 'Other'),
        ] },
      { code: 'ONGOING', datatype: 'singlevaluelist', required: false, order: 2,
        description: { id: 'Masih berlangsung sekarang?', en: 'Is it going on now?' }, values: YES_NO_UNKNOWN },
      details(3),
    ],
  },
  {
    code: 'PELANGGARAN_PERDA',
    name: { id: 'Pelanggaran peraturan daerah', en: 'Regional regulation (bylaw) violation' },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'NORMAL',
    fieldResponse: true,
    keywords: {
      id: ['pelanggaran perda', 'melanggar perda', 'perda', 'baliho liar', 'spanduk liar', 'reklame liar'],
      en: ['bylaw violation', 'regulation violation', 'illegal billboard', 'illegal banner'],
    },
    synonyms: {
      id: ['sampah', 'buang sampah', 'buang sampah sembarangan', 'sampah liar', 'tumpukan sampah', 'sampah menumpuk', 'sampah tidak diangkut', 'baliho', 'spanduk', 'reklame', 'poster liar'],
      en: ['rubbish', 'garbage', 'trash', 'litter', 'littering', 'dumping', 'illegal dumping', 'banner', 'billboard', 'bylaw'],
      ban: ['luu', 'makutang luu', 'luu mebrarakan'],
    },
    attributes: [
      { code: 'VIOLATION', datatype: 'singlevaluelist', required: true, order: 1,
        description: { id: 'Jenis pelanggaran', en: 'Kind of violation' },
        values: [
          value('ADVERTISING', 'Reklame, baliho atau spanduk tanpa izin', 'Unlicensed billboard or banner'),
          value('ALCOHOL', 'Penjualan minuman beralkohol', 'Alcohol sales'),
          value('NO_BUSINESS_LICENCE', 'Usaha tanpa izin', 'Business without licence'),
          value('PUBLIC_SPACE', 'Penyalahgunaan ruang publik', 'Misuse of public space'),
          value('LITTERING', 'Buang sampah sembarangan', 'Littering'),
          value('OTHER', 'Lainnya', 'Other'),
        ] },
      details(2),
    ],
  },
  {
    code: 'GELANDANGAN_PENGEMIS',
    name: { id: 'Gelandangan dan pengemis', en: 'Vagrants and beggars' },
    description: {
      id: 'Satpol PP menertibkan; pembinaan diserahkan ke Dinas Sosial setelah bergabung.',
      en: 'Satpol PP removes them from the street; social services (Dinas Sosial) take over once they join.',
    },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'NORMAL',
    fieldResponse: true,
    keywords: {
      id: ['pengemis', 'gelandangan', 'gepeng', 'anak jalanan', 'orang terlantar'],
      en: ['beggar', 'begging', 'homeless', 'street children'],
    },
    synonyms: {
      id: ['mengemis', 'peminta minta', 'orang gila', 'orang gangguan jiwa', 'tunawisma', 'tidur di emperan', 'pengamen'],
      en: ['beggars', 'homeless person', 'sleeping rough', 'mentally ill person', 'vagrant'],
      ban: ['ngidih pipis', 'anak buduh'],
    },
    attributes: [
      count('PERSON_COUNT', 1, 'Jumlah orang', 'Number of people'),
      { code: 'CHILDREN_INVOLVED', datatype: 'singlevaluelist', required: false, order: 2,
        description: { id: 'Ada anak-anak?', en: 'Are children involved?' }, values: YES_NO_UNKNOWN },
      details(3),
    ],
  },
];
