import type { AttributeDefinition, CategoryDefinition, LocalisedText } from '../../src/core/opd';

/** DISHUB's categories: traffic equipment, parking, congestion, street lighting, blocked roads. */

const value = (key: string, id: string, en: string): { key: string; name: LocalisedText } => ({ key, name: { id, en } });
const YES_NO_UNKNOWN = [value('YES', 'Ya', 'Yes'), value('NO', 'Tidak', 'No'), value('UNKNOWN', 'Belum tahu', 'Unknown')];

const vehicleType = (order: number): AttributeDefinition => ({
  code: 'VEHICLE_TYPE', datatype: 'singlevaluelist', required: false, order,
  description: { id: 'Jenis kendaraan', en: 'Type of vehicle' },
  values: [
    value('MOTORCYCLE', 'Sepeda motor', 'Motorcycle'),
    value('CAR', 'Mobil', 'Car'),
    value('BUS', 'Bus', 'Bus'),
    value('TRUCK', 'Truk', 'Truck'),
  ],
});
const vehiclePlate = (order: number): AttributeDefinition => ({
  code: 'VEHICLE_PLATE', datatype: 'string', required: false, order,
  description: { id: 'Nomor polisi kendaraan (bila terlihat)', en: 'Number plate (if seen)' },
});
const details = (order: number): AttributeDefinition => ({
  code: 'DETAILS', datatype: 'text', required: false, order,
  description: { id: 'Keterangan lain dari pelapor', en: 'Other details from the caller' },
});

export const dishubCategories: readonly CategoryDefinition[] = [
  {
    code: 'LAMPU_LALU_LINTAS_RUSAK',
    name: { id: 'Lampu lalu lintas rusak', en: 'Broken traffic light' },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'HIGH',
    fieldResponse: true,
    keywords: {
      id: ['lampu merah', 'lampu merah mati', 'lampu lalu lintas', 'traffic light', 'apill'],
      en: ['traffic light', 'traffic lights', 'traffic signal', 'broken traffic light'],
    },
    synonyms: {
      id: ['lampu merah rusak', 'lampu merah tidak menyala', 'lampu bangjo', 'bangjo', 'lampu lalin', 'apill mati', 'lampu kuning kedip'],
      en: ['traffic lights out', 'signal not working', 'red light broken', 'traffic signals'],
    },
    attributes: [
      { code: 'INTERSECTION', datatype: 'string', required: true, order: 1,
        description: { id: 'Simpang mana?', en: 'Which intersection?' } },
      { code: 'FAULT', datatype: 'singlevaluelist', required: false, order: 2,
        description: { id: 'Kerusakannya seperti apa?', en: 'What is wrong?' },
        values: [
          value('ALL_OFF', 'Mati total', 'Completely off'),
          value('FLASHING', 'Hanya berkedip', 'Only flashing'),
          value('STUCK', 'Tidak berganti warna', 'Stuck on one colour'),
          value('POLE_DAMAGED', 'Tiang miring atau tertabrak', 'Pole leaning or hit'),
        ] },
      details(3),
    ],
  },
  {
    code: 'RAMBU_MARKA_RUSAK',
    name: { id: 'Rambu, marka atau cermin tikungan rusak', en: 'Damaged road sign, marking or bend mirror' },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'NORMAL',
    fieldResponse: true,
    keywords: {
      id: ['rambu rusak', 'rambu hilang', 'rambu roboh', 'rambu lalu lintas', 'marka jalan', 'cermin tikungan'],
      en: ['road sign', 'traffic sign', 'missing sign', 'road markings', 'convex mirror'],
    },
    synonyms: {
      id: ['rambu', 'rambu jalan', 'papan rambu', 'marka', 'garis jalan', 'kaca tikungan', 'penunjuk jalan', 'papan penunjuk arah'],
      en: ['sign', 'stop sign', 'road sign down', 'direction sign', 'lane markings', 'mirror at the bend'],
    },
    attributes: [
      { code: 'ITEM', datatype: 'singlevaluelist', required: false, order: 1,
        description: { id: 'Perlengkapan jalan apa?', en: 'Which road furniture?' },
        values: [
          value('SIGN', 'Rambu', 'Sign'),
          value('MARKING', 'Marka jalan', 'Road marking'),
          value('MIRROR', 'Cermin tikungan', 'Bend mirror'),
          value('GUARDRAIL', 'Pagar pengaman jalan', 'Guardrail'),
        ] },
      { code: 'CONDITION', datatype: 'singlevaluelist', required: false, order: 2,
        description: { id: 'Kondisinya', en: 'Its condition' },
        values: [
          value('MISSING', 'Hilang', 'Missing'),
          value('FALLEN', 'Roboh atau bengkok', 'Fallen or bent'),
          value('UNREADABLE', 'Pudar atau tertutup', 'Faded or hidden'),
        ] },
      details(3),
    ],
  },
  {
    code: 'PARKIR_LIAR',
    name: { id: 'Parkir liar', en: 'Illegal parking' },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'NORMAL',
    fieldResponse: true,
    keywords: {
      id: ['parkir liar', 'parkir sembarangan', 'jukir liar', 'juru parkir liar', 'pungli parkir'],
      en: ['illegal parking', 'parked illegally', 'blocked driveway', 'unofficial parking fee'],
    },
    synonyms: {
      id: ['parkir', 'parkir di trotoar', 'parkir di bahu jalan', 'juru parkir', 'tukang parkir', 'uang parkir', 'mobil parkir', 'motor parkir'],
      en: ['parked', 'parking', 'parking attendant', 'parking fee', 'double parked'],
    },
    attributes: [
      { code: 'PROBLEM', datatype: 'singlevaluelist', required: false, order: 1,
        description: { id: 'Masalahnya', en: 'The problem' },
        values: [
          value('BLOCKS_ROAD', 'Menghalangi jalan', 'Blocks the road'),
          value('BLOCKS_ACCESS', 'Menutup akses atau pintu masuk', 'Blocks an entrance'),
          value('ILLEGAL_FEE', 'Juru parkir liar memungut uang', 'Unofficial attendant charging money'),
        ] },
      vehiclePlate(2),
      vehicleType(3),
    ],
  },
  {
    code: 'KEMACETAN_LALU_LINTAS',
    name: { id: 'Kemacetan lalu lintas', en: 'Traffic congestion' },
    description: {
      id: 'Macet di tempat wisata (Penelokan, Desa Penglipuran, tepi Danau Batur) atau saat upacara adat; DISHUB menurunkan petugas pengatur lalu lintas.',
      en: 'Congestion at tourist spots (Penelokan, Penglipuran village, Lake Batur) or during ceremonies; DISHUB sends traffic officers.',
    },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'HIGH',
    fieldResponse: true,
    keywords: {
      id: ['macet', 'kemacetan', 'macet total', 'antrean kendaraan', 'padat merayap'],
      en: ['traffic jam', 'congestion', 'gridlock', 'stuck in traffic'],
    },
    synonyms: {
      id: ['macet parah', 'antre panjang', 'antrean panjang', 'lalu lintas padat', 'padat', 'tersendat', 'kendaraan menumpuk', 'arus lalu lintas'],
      en: ['jammed', 'heavy traffic', 'congested', 'traffic queue'],
    },
    attributes: [
      { code: 'CAUSE', datatype: 'singlevaluelist', required: false, order: 1,
        description: { id: 'Penyebab yang terlihat', en: 'Visible cause' },
        values: [
          value('VOLUME', 'Kendaraan terlalu banyak', 'Too many vehicles'),
          value('PARKING', 'Parkir di badan jalan', 'Parking on the road'),
          value('CEREMONY', 'Upacara atau iring-iringan adat', 'Ceremony or procession'),
          value('ACCIDENT_OR_BREAKDOWN', 'Kecelakaan atau kendaraan mogok', 'Accident or breakdown'),
          value('UNKNOWN', 'Tidak tahu', 'Unknown'),
        ] },
      details(2),
    ],
  },
  {
    code: 'LAMPU_PENERANGAN_JALAN',
    name: { id: 'Lampu penerangan jalan mati', en: 'Street light out' },
    description: {
      id: 'Lampu penerangan jalan umum (PJU) mati atau rusak. Gangguan jaringan listrik diteruskan ke PLN.',
      en: 'A public street light out or damaged. Faults in the power grid are passed to PLN, the electricity company.',
    },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'NORMAL',
    fieldResponse: true,
    keywords: {
      id: ['lampu jalan', 'lampu jalan mati', 'pju', 'penerangan jalan', 'jalan gelap'],
      en: ['street light', 'streetlight', 'street lamp', 'dark road'],
    },
    synonyms: {
      id: ['lampu penerangan', 'penerangan jalan umum', 'lampu pju', 'gelap', 'lampu jalan padam', 'lampu jalan rusak', 'tiang lampu'],
      en: ['street lights', 'streetlights out', 'lamp post', 'no lights', 'dark street'],
      ban: ['peteng', 'jalan peteng'],
    },
    attributes: [
      { code: 'LIGHTS_OUT', datatype: 'number', required: false, order: 1,
        description: { id: 'Berapa lampu yang mati?', en: 'How many lights are out?' } },
      { code: 'POLE_NUMBER', datatype: 'string', required: false, order: 2,
        description: { id: 'Nomor tiang (bila ada)', en: 'Pole number (if any)' } },
      { code: 'DANGER', datatype: 'singlevaluelist', required: false, order: 3,
        description: { id: 'Ada bahaya?', en: 'Any danger?' },
        values: [
          value('NONE', 'Tidak', 'None'),
          value('EXPOSED_CABLE', 'Kabel terbuka', 'Exposed cable'),
          value('LEANING_POLE', 'Tiang miring', 'Leaning pole'),
        ] },
    ],
  },
  {
    code: 'KENDARAAN_MENGHALANGI_JALAN',
    name: { id: 'Kendaraan mogok atau terguling menutup jalan', en: 'Broken-down or overturned vehicle blocking the road' },
    description: {
      id: 'Truk atau bus mogok atau terguling di tanjakan dan tikungan (misalnya truk pasir dari Kintamani). Bila ada korban: buat juga gawat darurat medis (DINKES); kecelakaannya sendiri urusan kepolisian (110).',
      en: 'A truck or bus broken down or overturned on a climb or bend (for example a sand truck from Kintamani). If anyone is hurt, also raise a medical emergency (DINKES); the crash itself is for the police (110).',
    },
    defaultKind: 'EMERGENCY',
    defaultPriority: 'HIGH',
    keywords: {
      id: ['truk mogok', 'truk terguling', 'bus mogok', 'kendaraan mogok', 'kendaraan terguling', 'mobil derek'],
      en: ['overturned truck', 'broken down truck', 'broken down bus', 'tow truck', 'vehicle blocking the road'],
    },
    synonyms: {
      id: ['mogok', 'terguling', 'mobil mogok', 'truk terbalik', 'mobil terbalik', 'derek', 'perlu derek', 'kendaraan menghalangi jalan'],
      en: ['broke down', 'breakdown', 'overturned', 'tow', 'vehicle stuck', 'stalled'],
    },
    attributes: [
      { code: 'ROAD_BLOCKED', datatype: 'singlevaluelist', required: true, order: 1,
        description: { id: 'Apakah jalan tertutup?', en: 'Is the road blocked?' },
        values: [value('FULLY', 'Tertutup total', 'Fully blocked'), value('PARTLY', 'Sebagian', 'Partly')] },
      { code: 'INJURED', datatype: 'singlevaluelist', required: false, order: 2,
        description: { id: 'Ada korban luka?', en: 'Is anyone injured?' }, values: YES_NO_UNKNOWN },
      vehicleType(3),
      vehiclePlate(4),
    ],
  },
];
