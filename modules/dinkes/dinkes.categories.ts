import type { AttributeDefinition, CategoryDefinition, LocalisedText } from '../../src/core/opd';

/** DINKES's categories: medical emergencies, rabies, outbreaks and health-centre complaints. */

const value = (key: string, id: string, en: string): { key: string; name: LocalisedText } => ({ key, name: { id, en } });
const YES_NO_UNKNOWN = [value('YES', 'Ya', 'Yes'), value('NO', 'Tidak', 'No'), value('UNKNOWN', 'Belum tahu', 'Unknown')];

const yesNo = (code: string, order: number, id: string, en: string, required = false): AttributeDefinition => ({
  code, datatype: 'singlevaluelist', required, order, description: { id, en }, values: YES_NO_UNKNOWN,
});
const details = (order: number, id = 'Keterangan lain dari pelapor', en = 'Other details from the caller'): AttributeDefinition => ({
  code: 'DETAILS', datatype: 'text', required: false, order, description: { id, en },
});

export const dinkesCategories: readonly CategoryDefinition[] = [
  {
    code: 'GAWAT_DARURAT_MEDIS',
    name: { id: 'Gawat darurat medis dan ambulans', en: 'Medical emergency and ambulance' },
    description: {
      id: 'Orang sakit mendadak, pingsan, sesak napas, korban kecelakaan atau gigitan ular yang butuh ambulans (PSC 119).',
      en: 'Sudden illness, collapse, breathing difficulty, road-crash victims or snake bites needing an ambulance (PSC 119).',
    },
    defaultKind: 'EMERGENCY',
    defaultPriority: 'URGENT',
    keywords: {
      id: ['ambulans', 'gawat darurat', 'pingsan', 'sesak napas', 'korban kecelakaan', 'digigit ular'],
      en: ['ambulance', 'medical emergency', 'unconscious', 'heart attack', 'not breathing', 'snake bite'],
    },
    synonyms: {
      id: ['ambulans', 'tidak sadarkan diri', 'sesak', 'serangan jantung', 'nyeri dada', 'sakit dada', 'kejang', 'stroke', 'kecelakaan', 'luka parah', 'luka berat', 'patah tulang', 'tidak bernapas', 'kritis'],
      en: ['chest pain', 'seizure', 'stroke', 'injured', 'accident victim', 'badly hurt'],
      ban: ['kelenger', 'sesek angkian'],
    },
    attributes: [
      // The two questions that decide what the ambulance crew must bring.
      yesNo('PATIENT_CONSCIOUS', 1, 'Pasien sadar?', 'Is the patient conscious?', true),
      yesNo('PATIENT_BREATHING', 2, 'Pasien bernapas normal?', 'Is the patient breathing normally?', true),
      { code: 'PATIENTS', datatype: 'number', required: false, order: 3,
        description: { id: 'Jumlah pasien', en: 'Number of patients' } },
      details(4, 'Keluhan, umur pasien, penyakit yang diketahui', 'Symptoms, patient’s age, known conditions'),
    ],
  },
  {
    code: 'GIGITAN_HEWAN_RABIES',
    name: { id: 'Gigitan hewan penular rabies', en: 'Animal bite (rabies risk)' },
    description: {
      id: 'Gigitan anjing, kucing atau monyet. Bali daerah endemis rabies: minta pelapor segera mencuci luka dengan sabun dan air mengalir 15 menit, lalu ke puskesmas atau rabies center terdekat untuk vaksin anti rabies (VAR).',
      en: 'A dog, cat or monkey bite. Bali has endemic rabies: tell the caller to wash the wound with soap under running water for 15 minutes, then go to the nearest health centre or rabies centre for the anti-rabies vaccine (VAR).',
    },
    // Rabies is fatal once symptoms show and the vaccine only works given early:
    // a bite is an emergency even when the wound is small.
    defaultKind: 'EMERGENCY',
    defaultPriority: 'HIGH',
    keywords: {
      id: ['digigit anjing', 'gigitan anjing', 'anjing gila', 'rabies', 'digigit kucing', 'digigit monyet'],
      en: ['dog bite', 'bitten by a dog', 'rabies', 'cat bite', 'monkey bite'],
    },
    synonyms: {
      id: ['gigitan', 'digigit', 'kegigit', 'vaksin rabies', 'vaksin anti rabies', 'dicakar', 'gigit anjing'],
      en: ['bitten', 'bite', 'rabid dog', 'rabies vaccine', 'scratched by a dog', 'monkey bit'],
      ban: ['kagutgut', 'gutgut', 'kagutgut cicing', 'cicing buduh', 'cicing galak', 'kagutgut bojog'],
    },
    attributes: [
      { code: 'BITE_TIME', datatype: 'datetime', required: true, order: 1,
        description: { id: 'Kapan digigit?', en: 'When did the bite happen?' } },
      { code: 'ANIMAL', datatype: 'singlevaluelist', required: false, order: 2,
        description: { id: 'Hewan apa?', en: 'Which animal?' },
        values: [value('DOG', 'Anjing', 'Dog'), value('CAT', 'Kucing', 'Cat'), value('MONKEY', 'Monyet', 'Monkey'), value('OTHER', 'Lainnya', 'Other')] },
      // Bites on the head, neck or hands are the most dangerous and may need serum too.
      { code: 'WOUND_LOCATION', datatype: 'singlevaluelist', required: false, order: 3,
        description: { id: 'Letak luka', en: 'Where is the wound?' },
        values: [
          value('HEAD_NECK', 'Kepala atau leher', 'Head or neck'),
          value('HAND', 'Tangan atau jari', 'Hand or fingers'),
          value('BODY', 'Badan', 'Body'),
          value('LEG', 'Kaki', 'Leg'),
        ] },
      { code: 'ANIMAL_STATUS', datatype: 'singlevaluelist', required: false, order: 4,
        description: { id: 'Keadaan hewan sekarang', en: 'Where is the animal now?' },
        values: [
          value('OWNED', 'Ada pemiliknya, bisa diobservasi', 'Has an owner, can be observed'),
          value('STRAY', 'Hewan liar, masih di sekitar', 'Stray, still around'),
          value('GONE', 'Kabur, tidak diketahui', 'Ran off, unknown'),
          value('DEAD', 'Mati atau dibunuh', 'Dead or killed'),
        ] },
      yesNo('WOUND_WASHED', 5, 'Luka sudah dicuci dengan sabun dan air mengalir?', 'Has the wound been washed with soap and running water?'),
    ],
  },
  {
    code: 'KERACUNAN_MAKANAN',
    name: { id: 'Keracunan makanan', en: 'Food poisoning' },
    description: {
      id: 'Beberapa orang mual, muntah atau diare setelah makan bersama (upacara, acara, makanan sekolah, warung). Minta sisa makanan disimpan untuk diperiksa.',
      en: 'Several people sick, vomiting or with diarrhoea after eating together (ceremony, event, school meal, food stall). Ask for leftover food to be kept for testing.',
    },
    defaultKind: 'EMERGENCY',
    defaultPriority: 'URGENT',
    keywords: {
      id: ['keracunan makanan', 'keracunan', 'keracunan massal', 'muntah massal', 'diare massal'],
      en: ['food poisoning', 'poisoning', 'vomiting', 'diarrhoea', 'diarrhea'],
    },
    synonyms: {
      id: ['muntah', 'diare', 'mencret', 'sakit perut', 'mual', 'makanan basi', 'habis makan'],
      en: ['vomit', 'stomach ache', 'sick after eating', 'bad food'],
      ban: ['ngutah', 'mising', 'ngutah mising'],
    },
    attributes: [
      { code: 'VICTIMS', datatype: 'number', required: true, order: 1,
        description: { id: 'Jumlah orang yang sakit', en: 'Number of people ill' } },
      { code: 'FOOD_SOURCE', datatype: 'singlevaluelist', required: false, order: 2,
        description: { id: 'Makanannya dari mana?', en: 'Where was the food from?' },
        values: [
          value('CEREMONY_OR_EVENT', 'Upacara atau acara', 'Ceremony or event'),
          value('SCHOOL_MEAL', 'Makanan di sekolah', 'School meal'),
          value('FOOD_STALL', 'Warung atau rumah makan', 'Food stall or restaurant'),
          value('HOME', 'Masakan rumah', 'Home cooking'),
          value('OTHER', 'Lainnya', 'Other'),
        ] },
      { code: 'EATEN_AT', datatype: 'datetime', required: false, order: 3,
        description: { id: 'Kapan makanannya dimakan?', en: 'When was the food eaten?' } },
      yesNo('SAMPLE_KEPT', 4, 'Sisa makanan masih ada?', 'Is leftover food kept?'),
    ],
  },
  {
    code: 'PERSALINAN_DARURAT',
    name: { id: 'Persalinan darurat', en: 'Childbirth emergency' },
    description: {
      id: 'Ibu hamil yang akan melahirkan atau mengalami perdarahan dan perlu dijemput ke puskesmas atau rumah sakit.',
      en: 'A pregnant woman in labour or bleeding who must be taken to a health centre or hospital.',
    },
    defaultKind: 'EMERGENCY',
    defaultPriority: 'URGENT',
    keywords: {
      id: ['melahirkan', 'mau melahirkan', 'ketuban pecah', 'pendarahan', 'perdarahan', 'ibu hamil'],
      en: ['giving birth', 'in labour', 'in labor', 'pregnant', 'bleeding', 'waters broke'],
    },
    synonyms: {
      id: ['hamil', 'lahiran', 'mau lahiran', 'kontraksi', 'pembukaan', 'bidan', 'persalinan', 'air ketuban', 'hamil tua'],
      en: ['labour', 'labor', 'contractions', 'pregnant woman', 'baby coming', 'midwife'],
      ban: ['beling', 'beling tua', 'ngelekadang'],
    },
    attributes: [
      yesNo('PATIENT_CONSCIOUS', 1, 'Ibu sadar?', 'Is the mother conscious?', true),
      { code: 'SIGNS', datatype: 'multivaluelist', required: false, order: 2,
        description: { id: 'Tanda yang dialami', en: 'Signs' },
        values: [
          value('CONTRACTIONS', 'Kontraksi teratur', 'Regular contractions'),
          value('WATERS_BROKEN', 'Ketuban pecah', 'Waters broken'),
          value('HEAVY_BLEEDING', 'Perdarahan banyak', 'Heavy bleeding'),
          value('SEIZURE', 'Kejang', 'Seizure'),
          value('BABY_BORN', 'Bayi sudah lahir', 'Baby already born'),
        ] },
      { code: 'WEEKS_PREGNANT', datatype: 'number', required: false, order: 3,
        description: { id: 'Usia kehamilan (minggu)', en: 'Weeks pregnant' } },
    ],
  },
  {
    code: 'DEMAM_BERDARAH',
    name: { id: 'Demam berdarah dan permintaan fogging', en: 'Dengue case and fogging request' },
    description: {
      id: 'Fogging dilakukan setelah penyelidikan epidemiologi memastikan penularan setempat; tanpa kasus, warga diarahkan ke PSN 3M Plus.',
      en: 'Fogging follows an epidemiological investigation that confirms local spread; without a case, residents are guided to clear mosquito breeding sites (PSN 3M Plus).',
    },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'HIGH',
    fieldResponse: true,
    keywords: {
      id: ['demam berdarah', 'dbd', 'fogging', 'pengasapan', 'nyamuk', 'jentik nyamuk'],
      en: ['dengue', 'dengue fever', 'fogging', 'mosquito', 'mosquito spraying'],
    },
    synonyms: {
      id: ['demam tinggi', 'jentik', 'psn', 'abate', 'bubuk abate'],
      en: ['mosquitoes', 'mosquito larvae', 'fog the area'],
      ban: ['legu'],
    },
    attributes: [
      { code: 'CASE_STATUS', datatype: 'singlevaluelist', required: true, order: 1,
        description: { id: 'Ada kasus demam berdarah?', en: 'Is there a dengue case?' },
        values: [
          value('CONFIRMED', 'Ya, sudah didiagnosis dokter', 'Yes, diagnosed by a doctor'),
          value('SUSPECTED', 'Diduga, belum diperiksa', 'Suspected, not tested'),
          value('NONE', 'Belum ada, ingin pencegahan', 'None, prevention wanted'),
        ] },
      { code: 'CASES', datatype: 'number', required: false, order: 2,
        description: { id: 'Jumlah penderita', en: 'Number of patients' } },
      { code: 'TREATED_AT', datatype: 'string', required: false, order: 3,
        description: { id: 'Dirawat di mana?', en: 'Where is the patient treated?' } },
    ],
  },
  {
    code: 'PENGADUAN_PUSKESMAS',
    name: { id: 'Pengaduan layanan puskesmas', en: 'Complaint about a health centre (puskesmas)' },
    defaultKind: 'COMPLAINT',
    defaultPriority: 'NORMAL',
    fieldResponse: false,
    keywords: {
      id: ['puskesmas', 'pelayanan puskesmas', 'antrean puskesmas', 'pustu', 'petugas kesehatan'],
      en: ['health centre', 'health center', 'clinic', 'health worker'],
    },
    synonyms: {
      id: ['pelayanan buruk', 'pelayanan lambat', 'antre lama', 'antrean lama', 'petugas kasar', 'petugas tidak ramah', 'dokter tidak ada', 'obat habis', 'bpjs', 'faskes'],
      en: ['rude staff', 'long wait', 'bad service', 'closed clinic', 'no doctor'],
    },
    attributes: [
      { code: 'FACILITY', datatype: 'string', required: true, order: 1,
        description: { id: 'Puskesmas atau pustu mana?', en: 'Which health centre or sub-centre?' } },
      { code: 'ISSUES', datatype: 'multivaluelist', required: false, order: 2,
        description: { id: 'Apa yang dikeluhkan?', en: 'What is the complaint?' },
        values: [
          value('WAITING_TIME', 'Antrean terlalu lama', 'Waiting too long'),
          value('STAFF_CONDUCT', 'Sikap petugas', 'Staff conduct'),
          value('FEES', 'Biaya atau pungutan', 'Fees or charges'),
          value('JKN_REFUSED', 'Kartu JKN/BPJS ditolak', 'JKN (BPJS) card refused'),
          value('MEDICINE', 'Obat tidak tersedia', 'Medicine unavailable'),
          value('CLOSED', 'Tutup pada jam layanan', 'Closed during opening hours'),
          value('CLEANLINESS', 'Kebersihan', 'Cleanliness'),
        ] },
      { code: 'VISIT_DATE', datatype: 'datetime', required: false, order: 3,
        description: { id: 'Tanggal kunjungan', en: 'Date of the visit' } },
      details(4),
    ],
  },
];
