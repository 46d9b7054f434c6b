import { defineOpdModule } from '../../src/core/opd';
import { puprPerkimCategories } from './pupr-perkim.categories';

/**
 * PUPR Perkim: public works and housing. Mostly complaints on the working-day
 * clock; the one emergency is a road or bridge that has given way.
 */
export const puprPerkim = defineOpdModule({
  code: 'PUPR-PERKIM',
  name: {
    id: 'Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman',
    en: 'Public Works, Spatial Planning, Housing and Settlements',
  },
  description: {
    id: 'Jalan dan jembatan kabupaten, drainase, tembok penahan tanah, rumah tidak layak huni dan pengawasan bangunan gedung di Kabupaten Bangli.',
    en: 'Regency roads and bridges, drainage, retaining walls, unfit housing and building control in Bangli regency.',
  },
  contacts: [
    { label: 'Bidang Bina Marga (jalan dan jembatan)', phone: '+62 366 000 031', email: 'binamarga.pupr@banglikab.go.id' },
    { label: 'Bidang Perumahan dan Permukiman', phone: '+62 366 000 032', email: 'perkim.pupr@banglikab.go.id' },
    { label: 'Sekretariat PUPR Perkim', phone: '+62 366 000 033', email: 'pupr@banglikab.go.id' },
  ],
  coverage: 'REGENCY',
  onboarding: { status: 'LIVE', goLiveDate: '2026-12-01' },
  categories: puprPerkimCategories,
  sla: [
    // A collapsed road or bridge: the duty officer confirms within 15 minutes and
    // a team closes and secures the site within the programme's 2 hours.
    { metric: 'ACKNOWLEDGE', kind: 'EMERGENCY', targetMinutes: 15, calendar: '24x7' },
    { metric: 'ON_SITE', kind: 'EMERGENCY', targetMinutes: 120, calendar: '24x7' },
    { metric: 'ACKNOWLEDGE', kind: 'COMPLAINT', targetMinutes: 480, calendar: 'WORKING_DAYS' },
    { metric: 'RESOLVE', kind: 'COMPLAINT', targetMinutes: 2400, calendar: 'WORKING_DAYS' },
  ],
  escalation: [
    { level: 1, at: { fraction: 0.5 }, notify: [{ kind: 'OPD_ROLE', role: 'HEAD_OF_DIVISION' }] },
    { level: 2, at: { fraction: 0.75 }, notify: [{ kind: 'OPD_HEAD' }] },
    { level: 3, at: { fraction: 0.9 }, notify: [{ kind: 'OPD_HEAD' }, { kind: 'COMMAND_CENTRE' }] },
    // Stops at the Regional Secretary: PUPR's breaches cost time and money, rarely
    // lives (a collapse that endangers people is a BPBD or fire-brigade ticket too).
    { level: 4, at: 'BREACH', notify: [{ kind: 'OPD_HEAD' }, { kind: 'COMMAND_CENTRE' }, { kind: 'REGIONAL_SECRETARY' }] },
  ],
});
