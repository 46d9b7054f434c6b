import { defineOpdModule } from '../../src/core/opd';
import { dinkesCategories } from './dinkes.categories';

/**
 * DINKES: the Health Agency. Its PSC 119 ambulances and the puskesmas in each
 * district answer medical emergencies; its disease-control team handles rabies
 * bites, food poisoning and dengue.
 */
export const dinkes = defineOpdModule({
  code: 'DINKES',
  name: { id: 'Dinas Kesehatan', en: 'Health Agency' },
  description: {
    id: 'Gawat darurat medis dan ambulans (PSC 119), gigitan hewan penular rabies, keracunan makanan, persalinan darurat, demam berdarah dan pengaduan layanan puskesmas di Kabupaten Bangli.',
    en: 'Medical emergencies and ambulances (PSC 119), rabies-risk animal bites, food poisoning, childbirth emergencies, dengue and complaints about health centres in Bangli regency.',
  },
  contacts: [
    { label: 'PSC 119 Bangli (24 jam)', phone: '+62 366 000 051', email: 'psc119.dinkes@banglikab.go.id' },
    { label: 'Bidang Pencegahan dan Pengendalian Penyakit', phone: '+62 366 000 052', email: 'p2p.dinkes@banglikab.go.id' },
    { label: 'Sekretariat DINKES', phone: '+62 366 000 053', email: 'dinkes@banglikab.go.id' },
  ],
  coverage: 'REGENCY',
  onboarding: { status: 'LIVE', goLiveDate: '2026-12-01' },
  categories: dinkesCategories,
  sla: [
    { metric: 'ACKNOWLEDGE', kind: 'EMERGENCY', targetMinutes: 10, calendar: '24x7' },
    { metric: 'ON_SITE', kind: 'EMERGENCY', targetMinutes: 120, calendar: '24x7' },
    // An ambulance is dispatched at once and must reach the patient within 30
    // minutes; in Kintamani that is only reachable with ambulances stationed at
    // the district health centres, not from Bangli town alone.
    { metric: 'ACKNOWLEDGE', category: 'GAWAT_DARURAT_MEDIS', targetMinutes: 5, calendar: '24x7' },
    { metric: 'ON_SITE', category: 'GAWAT_DARURAT_MEDIS', targetMinutes: 30, calendar: '24x7' },
    { metric: 'ON_SITE', category: 'PERSALINAN_DARURAT', targetMinutes: 30, calendar: '24x7' },
    // Several victims at once: the puskesmas team goes with ambulances.
    { metric: 'ON_SITE', category: 'KERACUNAN_MAKANAN', targetMinutes: 60, calendar: '24x7' },
    // What matters for a bite is the vaccine: "resolved" means the first VAR dose
    // was given (or a documented decision that none is needed), within 24 hours
    // of the report, nights and weekends included. DINKES should confirm the figure.
    { metric: 'RESOLVE', category: 'GIGITAN_HEWAN_RABIES', targetMinutes: 1440, calendar: '24x7' },
    { metric: 'ACKNOWLEDGE', kind: 'COMPLAINT', targetMinutes: 480, calendar: 'WORKING_DAYS' },
    { metric: 'RESOLVE', kind: 'COMPLAINT', targetMinutes: 2400, calendar: 'WORKING_DAYS' },
    // A reported dengue case gets its epidemiological investigation within 24
    // hours (the national dengue guideline's rule), weekends included.
    { metric: 'ON_SITE', category: 'DEMAM_BERDARAH', targetMinutes: 1440, calendar: '24x7' },
  ],
  escalation: [
    { level: 1, at: { fraction: 0.5 }, notify: [{ kind: 'OPD_ROLE', role: 'HEAD_OF_DIVISION' }] },
    { level: 2, at: { fraction: 0.75 }, notify: [{ kind: 'OPD_HEAD' }] },
    { level: 3, at: { fraction: 0.9 }, notify: [{ kind: 'OPD_HEAD' }, { kind: 'COMMAND_CENTRE' }] },
    // A late ambulance or a missed rabies vaccine can cost a life: up to the Regent.
    {
      level: 4,
      at: 'BREACH',
      notify: [{ kind: 'OPD_HEAD' }, { kind: 'COMMAND_CENTRE' }, { kind: 'REGIONAL_SECRETARY' }, { kind: 'REGENT' }],
    },
  ],
});
