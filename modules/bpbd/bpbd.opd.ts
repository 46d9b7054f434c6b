import { defineOpdModule } from '../../src/core/opd';
import { bpbdCategories } from './bpbd.categories';

/**
 * BPBD: the Regional Disaster Management Agency. Its Pusdalops (operations
 * centre) runs around the clock; its TRC (rapid response team) attends
 * landslides, fallen trees, whirlwinds, earthquakes and Batur's fires.
 */
export const bpbd = defineOpdModule({
  code: 'BPBD',
  name: { id: 'Badan Penanggulangan Bencana Daerah', en: 'Regional Disaster Management Agency' },
  description: {
    id: 'Menangani bencana di Kabupaten Bangli: tanah longsor, aktivitas Gunung Batur, gempa bumi, angin puting beliung, pohon tumbang, kebakaran hutan dan lahan, kekeringan, serta bantuan pascabencana.',
    en: 'Handles disasters in Bangli regency: landslides, Mount Batur activity, earthquakes, whirlwinds, fallen trees, forest and land fires, drought, and post-disaster aid.',
  },
  contacts: [
    { label: 'Pusdalops BPBD Bangli (24 jam)', phone: '+62 366 000 011', email: 'pusdalops.bpbd@banglikab.go.id' },
    { label: 'Sekretariat BPBD', phone: '+62 366 000 012', email: 'bpbd@banglikab.go.id' },
  ],
  coverage: 'REGENCY',
  onboarding: { status: 'LIVE', goLiveDate: '2026-12-01' },
  categories: bpbdCategories,
  sla: [
    // Emergencies: Pusdalops confirms within 10 minutes, the TRC is on site within
    // the programme's 2 hours (Kintamani's far villages need all of it).
    { metric: 'ACKNOWLEDGE', kind: 'EMERGENCY', targetMinutes: 10, calendar: '24x7' },
    { metric: 'ON_SITE', kind: 'EMERGENCY', targetMinutes: 120, calendar: '24x7' },
    // A fallen tree across a road cuts villages off, and the TRC carries chainsaws:
    // it can and should be there sooner than the regency-wide promise.
    { metric: 'ON_SITE', category: 'POHON_TUMBANG', targetMinutes: 60, calendar: '24x7' },
    // Complaints: acknowledged within one working day (8 h), followed up within
    // five (SP4N-LAPOR!'s follow-up time for the agency).
    { metric: 'ACKNOWLEDGE', kind: 'COMPLAINT', targetMinutes: 480, calendar: 'WORKING_DAYS' },
    { metric: 'RESOLVE', kind: 'COMPLAINT', targetMinutes: 2400, calendar: 'WORKING_DAYS' },
    // Households without water cannot wait a working week for a tanker.
    { metric: 'RESOLVE', category: 'KEKERINGAN_AIR_BERSIH', targetMinutes: 960, calendar: 'WORKING_DAYS' },
  ],
  escalation: [
    // At BPBD the OPD head is the Kepala Pelaksana (the Regional Secretary is
    // head of BPBD ex officio, the Kepala Pelaksana runs it day to day).
    { level: 1, at: { fraction: 0.5 }, notify: [{ kind: 'OPD_ROLE', role: 'HEAD_OF_DIVISION' }] },
    { level: 2, at: { fraction: 0.75 }, notify: [{ kind: 'OPD_HEAD' }] },
    { level: 3, at: { fraction: 0.9 }, notify: [{ kind: 'OPD_HEAD' }, { kind: 'COMMAND_CENTRE' }] },
    // Lives are at stake and only the Regent can declare an emergency status
    // (status tanggap darurat) that frees other agencies and funds: the Regent hears of the breach.
    {
      level: 4,
      at: 'BREACH',
      notify: [{ kind: 'OPD_HEAD' }, { kind: 'COMMAND_CENTRE' }, { kind: 'REGIONAL_SECRETARY' }, { kind: 'REGENT' }],
    },
  ],
});
