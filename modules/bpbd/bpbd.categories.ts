import type { AttributeDefinition, CategoryDefinition, LocalisedText } from '../../src/core/opd';

/** BPBD's categories: natural hazards of an inland, volcanic regency. */

const value = (key: string, id: string, en: string): { key: string; name: LocalisedText } => ({ key, name: { id, en } });
const YES_NO_UNKNOWN = [value('YES', 'Ya', 'Yes'), value('NO', 'Tidak', 'No'), value('UNKNOWN', 'Belum tahu', 'Unknown')];

const peopleTrapped = (order: number): AttributeDefinition => ({
  code: 'PEOPLE_TRAPPED', datatype: 'singlevaluelist', required: true, order,
  description: { id: 'Ada orang tertimbun atau terjebak?', en: 'Are people buried or trapped?' },
  values: YES_NO_UNKNOWN,
});
const roadBlocked = (order: number): AttributeDefinition => ({
  code: 'ROAD_BLOCKED', datatype: 'singlevaluelist', required: true, order,
  description: { id: 'Apakah jalan tertutup?', en: 'Is the road blocked?' },
  values: [
    value('FULLY', 'Tertutup total', 'Fully blocked'),
    value('PARTLY', 'Sebagian, masih bisa lewat satu lajur', 'Partly, one lane passable'),
    value('NO', 'Tidak', 'No'),
    value('UNKNOWN', 'Belum tahu', 'Unknown'),
  ],
});
const victims = (order: number): AttributeDefinition => ({
  code: 'VICTIMS', datatype: 'number', required: false, order,
  description: { id: 'Jumlah korban luka atau meninggal', en: 'Number of people injured or dead' },
});
const households = (order: number, required: boolean): AttributeDefinition => ({
  code: 'HOUSEHOLDS', datatype: 'number', required, order,
  description: { id: 'Jumlah kepala keluarga (KK) terdampak', en: 'Number of households affected' },
});
const details = (order: number): AttributeDefinition => ({
  code: 'DETAILS', datatype: 'text', required: false, order,
  description: { id: 'Keterangan lain (patokan lokasi, kondisi terkini)', en: 'Other details (landmark, current situation)' },
});

export const bpbdCategories: readonly CategoryDefinition[] = [
  {
    code: 'TANAH_LONGSOR',
    name: { id: 'Tanah longsor', en: 'Landslide' },
    description: {
      id: 'Tebing atau tanah longsor yang menimbun jalan, rumah atau lahan; sering terjadi di jalan-jalan Kintamani pada musim hujan.',
      en: 'A slope failure burying a road, houses or fields; frequent on Kintamani roads in the rainy season.',
    },
    defaultKind: 'EMERGENCY',
    defaultPriority: 'URGENT',
    keywords: {
      id: ['longsor', 'tanah longsor', 'tebing longsor', 'jalan tertimbun', 'material longsor'],
      en: ['landslide', 'mudslide', 'rockfall', 'road buried'],
    },
    synonyms: {
      id: ['longsoran', 'tebing ambrol', 'tebing runtuh', 'tanah ambrol', 'tanah runtuh', 'tertimbun tanah', 'material tanah', 'batu besar jatuh', 'lumpur menutup jalan'],
      en: ['landslip', 'rock slide', 'slope collapsed', 'mud covering the road'],
      ban: ['tebing uug', 'tanah embid', 'tebing embid'],
    },
    attributes: [
      peopleTrapped(1),
      roadBlocked(2),
      { code: 'HOUSES_AFFECTED', datatype: 'number', required: false, order: 3,
        description: { id: 'Jumlah rumah tertimbun atau terancam', en: 'Number of houses buried or threatened' } },
      details(4),
    ],
  },
  {
    code: 'AKTIVITAS_GUNUNG_BATUR',
    name: { id: 'Aktivitas Gunung Batur', en: 'Mount Batur volcanic activity' },
    description: {
      id: 'Tanda aktivitas Gunung Batur yang dilihat warga atau wisatawan. Status gunung ditetapkan PVMBG; BPBD menilai dampak, jalur dan kebutuhan evakuasi.',
      en: 'Signs of Mount Batur activity seen by residents or tourists. The alert level is set by PVMBG (the national volcanology centre); BPBD assesses impact, routes and evacuation.',
    },
    defaultKind: 'EMERGENCY',
    defaultPriority: 'HIGH',
    keywords: {
      id: ['gunung meletus', 'erupsi', 'letusan', 'abu vulkanik', 'hujan abu', 'gemuruh'],
      en: ['eruption', 'volcano', 'volcanic ash', 'ash fall', 'lava'],
    },
    synonyms: {
      id: ['kawah', 'asap kawah', 'belerang', 'bau belerang', 'lahar', 'lava pijar', 'semburan abu', 'gunung meletus', 'status gunung'],
      en: ['crater', 'ash cloud', 'sulphur smell', 'sulfur smell', 'rumbling', 'volcanic'],
      ban: ['gunung meletus'],
    },
    attributes: [
      { code: 'SIGNS', datatype: 'multivaluelist', required: true, order: 1,
        description: { id: 'Apa yang dilihat, didengar atau dicium?', en: 'What is seen, heard or smelt?' },
        values: [
          value('ASH_FALL', 'Hujan abu', 'Ash fall'),
          value('ERUPTION_COLUMN', 'Kolom asap atau abu dari kawah', 'Smoke or ash column from the crater'),
          value('GLOW', 'Sinar api atau lava', 'Glow or lava'),
          value('RUMBLING', 'Suara gemuruh', 'Rumbling'),
          value('GROUND_SHAKING', 'Tanah bergetar', 'Ground shaking'),
          value('SULPHUR_SMELL', 'Bau belerang menyengat', 'Strong sulphur smell'),
        ] },
      { code: 'EVACUATION_NEEDED', datatype: 'singlevaluelist', required: false, order: 2,
        description: { id: 'Ada warga atau wisatawan yang perlu dievakuasi?', en: 'Do residents or tourists need evacuating?' },
        values: YES_NO_UNKNOWN },
      details(3),
    ],
  },
  {
    code: 'GEMPA_BUMI',
    name: { id: 'Gempa bumi', en: 'Earthquake' },
    description: {
      id: 'Gempa yang dirasakan dan menimbulkan kerusakan atau korban.',
      en: 'A felt earthquake that damaged buildings or hurt people.',
    },
    defaultKind: 'EMERGENCY',
    defaultPriority: 'URGENT',
    keywords: {
      id: ['gempa', 'gempa bumi', 'linuh', 'lindu', 'bangunan roboh'],
      en: ['earthquake', 'quake', 'tremor', 'collapsed building'],
    },
    synonyms: {
      id: ['gempa kuat', 'guncangan', 'goncangan', 'getaran gempa', 'bumi bergetar', 'tanah bergetar'],
      en: ['shaking', 'ground shaking', 'quake damage'],
      ban: ['linuh', 'gumi ngejer', 'gejer'],
    },
    attributes: [
      peopleTrapped(1),
      { code: 'BUILDING_DAMAGE', datatype: 'singlevaluelist', required: false, order: 2,
        description: { id: 'Kerusakan bangunan terberat yang terlihat', en: 'Worst building damage seen' },
        values: [
          value('NONE', 'Tidak ada', 'None'),
          value('LIGHT', 'Retak ringan', 'Light cracks'),
          value('HEAVY', 'Rusak berat', 'Heavy damage'),
          value('COLLAPSED', 'Roboh', 'Collapsed'),
        ] },
      victims(3),
      details(4),
    ],
  },
  {
    code: 'ANGIN_PUTING_BELIUNG',
    name: { id: 'Angin kencang dan puting beliung', en: 'Strong wind and whirlwind' },
    defaultKind: 'EMERGENCY',
    defaultPriority: 'HIGH',
    keywords: {
      id: ['puting beliung', 'angin kencang', 'angin ribut', 'angin puyuh', 'atap terbang'],
      en: ['whirlwind', 'strong wind', 'windstorm', 'roof blown off', 'tornado'],
    },
    synonyms: {
      id: ['angin besar', 'badai', 'atap lepas', 'genteng terbang', 'genteng beterbangan', 'seng terbang'],
      en: ['storm', 'gale', 'high winds', 'wind damage', 'roof blew off', 'roof torn off'],
      ban: ['angin gede', 'angin baret', 'ujan angin'],
    },
    attributes: [
      { code: 'DAMAGE', datatype: 'multivaluelist', required: true, order: 1,
        description: { id: 'Apa yang rusak?', en: 'What is damaged?' },
        values: [
          value('ROOFS', 'Atap rumah', 'Roofs'),
          value('BUILDINGS', 'Bangunan roboh', 'Collapsed buildings'),
          value('TREES', 'Pohon tumbang', 'Fallen trees'),
          value('POWER_LINES', 'Tiang atau kabel listrik', 'Power poles or lines'),
          value('TEMPLE', 'Pura atau bangunan suci', 'Temple or shrine'),
        ] },
      households(2, false),
      victims(3),
      details(4),
    ],
  },
  {
    code: 'POHON_TUMBANG',
    name: { id: 'Pohon tumbang', en: 'Fallen tree' },
    description: {
      id: 'Pohon atau dahan besar tumbang menutup jalan atau menimpa rumah, kendaraan, kabel listrik.',
      en: 'A tree or large branch down across a road or on a house, vehicle or power line.',
    },
    defaultKind: 'EMERGENCY',
    defaultPriority: 'HIGH',
    keywords: {
      id: ['pohon tumbang', 'pohon roboh', 'pohon patah', 'dahan patah', 'ranting patah'],
      en: ['fallen tree', 'tree down', 'tree fell', 'broken branch', 'tree blocking road'],
    },
    synonyms: {
      id: ['pohon miring', 'pohon mau tumbang', 'pohon rawan tumbang', 'pohon lapuk', 'pohon nimpa', 'dahan besar', 'batang pohon'],
      en: ['leaning tree', 'tree about to fall', 'trees down', 'fallen branch', 'branch fell', 'branch broke'],
      ban: ['punyan kayu labuh', 'punyan labuh', 'kayu labuh', 'punyan rebah', 'carang elung'],
    },
    attributes: [
      roadBlocked(1),
      { code: 'HIT', datatype: 'multivaluelist', required: false, order: 2,
        description: { id: 'Apa yang tertimpa?', en: 'What did it fall on?' },
        values: [
          value('HOUSE', 'Rumah atau bangunan', 'House or building'),
          value('VEHICLE', 'Kendaraan', 'Vehicle'),
          value('PERSON', 'Orang', 'A person'),
          value('POWER_LINE', 'Kabel listrik', 'Power line'),
        ] },
      victims(3),
      details(4),
    ],
  },
  {
    code: 'KEBAKARAN_HUTAN_LAHAN',
    name: { id: 'Kebakaran hutan dan lahan', en: 'Forest and land fire' },
    description: {
      id: 'Kebakaran hutan, semak atau ilalang, terutama di lereng Batur pada musim kemarau. Bila api mendekati rumah, Damkar ikut dikerahkan.',
      en: 'Forest, scrub or grass fire, above all on the Batur slopes in the dry season. When it nears houses the fire brigade is sent as well.',
    },
    defaultKind: 'EMERGENCY',
    defaultPriority: 'HIGH',
    keywords: {
      id: ['kebakaran hutan', 'kebakaran lahan', 'hutan terbakar', 'lahan terbakar', 'karhutla', 'kebakaran ilalang'],
      en: ['forest fire', 'wildfire', 'bushfire', 'grass fire', 'hillside fire'],
    },
    synonyms: {
      id: ['semak terbakar', 'rumput terbakar', 'lereng terbakar', 'tegalan terbakar', 'kebakaran semak', 'api di hutan'],
      en: ['brush fire', 'scrub fire', 'hill fire', 'forest burning', 'grass burning'],
      ban: ['alas puun', 'tegal puun'],
    },
    attributes: [
      { code: 'NEAR_SETTLEMENT', datatype: 'singlevaluelist', required: true, order: 1,
        description: { id: 'Apakah api dekat rumah, pura atau kebun warga?', en: 'Is the fire near houses, temples or farms?' },
        values: YES_NO_UNKNOWN },
      { code: 'AREA_ESTIMATE', datatype: 'singlevaluelist', required: false, order: 2,
        description: { id: 'Perkiraan luas yang terbakar', en: 'Estimated area burning' },
        values: [
          value('SMALL', 'Kurang dari 1 hektare', 'Under 1 hectare'),
          value('MEDIUM', '1 sampai 5 hektare', '1 to 5 hectares'),
          value('LARGE', 'Lebih dari 5 hektare', 'Over 5 hectares'),
          value('UNKNOWN', 'Belum tahu', 'Unknown'),
        ] },
      details(3),
    ],
  },
  {
    code: 'KEKERINGAN_AIR_BERSIH',
    name: { id: 'Kekeringan dan kekurangan air bersih', en: 'Drought and clean-water shortage' },
    description: {
      id: 'Permintaan droping air bersih dengan truk tangki saat sumber air warga kering.',
      en: 'A request for clean water delivered by tanker when the village sources have run dry.',
    },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'HIGH',
    fieldResponse: true,
    keywords: {
      id: ['kekeringan', 'krisis air', 'air bersih', 'kekurangan air', 'droping air'],
      en: ['drought', 'water shortage', 'no water', 'water tanker'],
    },
    synonyms: {
      id: ['tidak ada air', 'air tidak mengalir', 'air habis', 'sumur kering', 'bak penampungan kosong', 'truk tangki air', 'krisis air bersih', 'minta air bersih'],
      en: ['no running water', 'dry well', 'water truck', 'ran out of water', 'water supply'],
      ban: ['sing ada yeh', 'yeh telah', 'yeh mati'],
    },
    attributes: [
      households(1, true),
      { code: 'DAYS_WITHOUT_WATER', datatype: 'number', required: false, order: 2,
        description: { id: 'Sudah berapa hari tanpa air?', en: 'How many days without water?' } },
      details(3),
    ],
  },
  {
    code: 'BANTUAN_PASCA_BENCANA',
    name: { id: 'Bantuan dan pendataan pascabencana', en: 'Post-disaster aid and damage assessment' },
    description: {
      id: 'Permintaan logistik, terpal, bahan bangunan atau pendataan kerusakan setelah bencana, setelah keadaan darurat lewat.',
      en: 'A request for supplies, tarpaulins, building material or a damage assessment once the emergency itself is over.',
    },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'NORMAL',
    fieldResponse: true,
    keywords: {
      id: ['bantuan bencana', 'pascabencana', 'korban bencana', 'logistik bencana', 'pengungsi'],
      en: ['disaster aid', 'disaster relief', 'relief supplies', 'evacuees', 'damage assessment'],
    },
    synonyms: {
      id: ['terpal', 'bantuan terpal', 'sembako', 'bantuan sembako', 'logistik', 'bantuan logistik', 'selimut', 'tenda darurat', 'posko', 'mengungsi', 'pasca bencana', 'setelah bencana', 'pendataan kerusakan', 'bahan bangunan', 'bantuan korban'],
      en: ['tarpaulin', 'tarp', 'relief', 'aid supplies', 'displaced', 'evacuation centre', 'food aid', 'blankets'],
      ban: ['nunas bantuan', 'ngungsi'],
    },
    attributes: [
      { code: 'NEEDS', datatype: 'multivaluelist', required: true, order: 1,
        description: { id: 'Apa yang dibutuhkan?', en: 'What is needed?' },
        values: [
          value('FOOD', 'Makanan', 'Food'),
          value('WATER', 'Air bersih', 'Clean water'),
          value('SHELTER', 'Terpal atau tenda', 'Tarpaulins or tents'),
          value('BUILDING_MATERIAL', 'Bahan bangunan', 'Building material'),
          value('DAMAGE_ASSESSMENT', 'Pendataan kerusakan', 'Damage assessment'),
        ] },
      { code: 'DISASTER_DATE', datatype: 'datetime', required: false, order: 2,
        description: { id: 'Kapan bencananya terjadi?', en: 'When did the disaster happen?' } },
      households(3, false),
      details(4),
    ],
  },
];
