import { defineOpdModule } from '../../src/core/opd';
import { dishubCategories } from './dishub.categories';

/**
 * DISHUB: the Transportation Agency. In Bangli it also keeps the street lights
 * (elsewhere that can sit with housing). Its emergency is a vehicle blocking a
 * road; congestion is a complaint, but one that cannot wait for office hours.
 */
export const dishub = defineOpdModule({
  code: 'DISHUB',
  name: { id: 'Dinas Perhubungan', en: 'Transportation Agency' },
  description: {
    id: 'Lampu lalu lintas, rambu dan marka, perparkiran, kelancaran lalu lintas di tempat wisata, penerangan jalan umum dan penanganan kendaraan yang menutup jalan di Kabupaten Bangli.',
    en: 'Traffic lights, signs and markings, parking, traffic flow at tourist spots, street lighting and clearing vehicles that block roads in Bangli regency.',
  },
  contacts: [
    { label: 'Piket lalu lintas DISHUB (24 jam)', phone: '+62 366 000 041', email: 'piket.dishub@banglikab.go.id' },
    { label: 'Sekretariat DISHUB', phone: '+62 366 000 042', email: 'dishub@banglikab.go.id' },
  ],
  coverage: 'REGENCY',
  onboarding: { status: 'LIVE', goLiveDate: '2026-12-01' },
  categories: dishubCategories,
  sla: [
    { metric: 'ACKNOWLEDGE', kind: 'EMERGENCY', targetMinutes: 15, calendar: '24x7' },
    { metric: 'ON_SITE', kind: 'EMERGENCY', targetMinutes: 120, calendar: '24x7' },
    { metric: 'ACKNOWLEDGE', kind: 'COMPLAINT', targetMinutes: 480, calendar: 'WORKING_DAYS' },
    { metric: 'RESOLVE', kind: 'COMPLAINT', targetMinutes: 2400, calendar: 'WORKING_DAYS' },
    // Congestion peaks on weekends and holidays (Galungan, New Year at Penelokan),
    // exactly when the working-day clock stands still: the duty officer answers
    // within 30 minutes and traffic officers are there within 2 hours.
    { metric: 'ACKNOWLEDGE', category: 'KEMACETAN_LALU_LINTAS', targetMinutes: 30, calendar: '24x7' },
    { metric: 'ON_SITE', category: 'KEMACETAN_LALU_LINTAS', targetMinutes: 120, calendar: '24x7' },
    // A dead signal turns a junction into a hazard: repaired within 2 working days.
    { metric: 'RESOLVE', category: 'LAMPU_LALU_LINTAS_RUSAK', targetMinutes: 960, calendar: 'WORKING_DAYS' },
  ],
  escalation: [
    { level: 1, at: { fraction: 0.5 }, notify: [{ kind: 'OPD_ROLE', role: 'HEAD_OF_DIVISION' }] },
    { level: 2, at: { fraction: 0.75 }, notify: [{ kind: 'OPD_HEAD' }] },
    { level: 3, at: { fraction: 0.9 }, notify: [{ kind: 'OPD_HEAD' }, { kind: 'COMMAND_CENTRE' }] },
    // Stops at the Regional Secretary: injuries on the road are DINKES's tickets.
    { level: 4, at: 'BREACH', notify: [{ kind: 'OPD_HEAD' }, { kind: 'COMMAND_CENTRE' }, { kind: 'REGIONAL_SECRETARY' }] },
  ],
});
