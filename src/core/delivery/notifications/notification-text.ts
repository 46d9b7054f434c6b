/** What a notification's text may mention: ids, codes and numbers, never the reporter. */
export interface NotificationFacts {
  readonly topic: 'sla.warning' | 'sla.breached' | 'ticket.dispatch' | 'ticket.reassign';
  readonly number: string | null;
  readonly opdCode: string | null;
  readonly emergency: boolean;
  readonly metric: string | null;
  readonly thresholdPct: number | null;
}

// Indonesian first: it is the working language of every OPD in Bangli.
const METRIC: Readonly<Record<string, string>> = {
  TRIAGE: 'triase',
  ACKNOWLEDGE: 'konfirmasi penerimaan',
  ON_SITE: 'tiba di lokasi',
  RESOLVE: 'penyelesaian',
};

/**
 * A short title and body in Indonesian, built only from the message's ids and
 * codes, so a notification can never leak what the reporter told us.
 *
 * @example
 * notificationText({ topic: 'sla.breached', number: 'BGL-2611-0001', opdCode: 'BPBD', emergency: true, metric: 'ON_SITE', thresholdPct: 100 });
 * // { title: 'DARURAT · Batas waktu terlewati: BGL-2611-0001', body: 'Batas waktu tiba di lokasi tiket BGL-2611-0001 (BPBD) telah terlewati. …' }
 */
export function notificationText(facts: NotificationFacts): { title: string; body: string } {
  const ticket = facts.number ?? 'tanpa nomor';
  const opd = facts.opdCode ? ` (${facts.opdCode})` : '';
  const prefix = facts.emergency ? 'DARURAT · ' : '';
  const metric = facts.metric ? (METRIC[facts.metric] ?? facts.metric.toLowerCase()) : 'layanan';
  switch (facts.topic) {
    case 'ticket.dispatch':
      return {
        title: `${prefix}Tiket baru untuk ${facts.opdCode ?? 'OPD Anda'}: ${ticket}`,
        body: `Tiket ${ticket} diteruskan ke ${facts.opdCode ?? 'OPD Anda'}. Mohon konfirmasi penerimaan dan tindak lanjuti.`,
      };
    case 'ticket.reassign':
      return {
        title: `${prefix}Tiket dialihkan ke ${facts.opdCode ?? 'OPD Anda'}: ${ticket}`,
        body: `Tiket ${ticket} dialihkan ke ${facts.opdCode ?? 'OPD Anda'}. Mohon konfirmasi penerimaan dan tindak lanjuti.`,
      };
    case 'sla.warning':
      return {
        title: `${prefix}Peringatan SLA: ${ticket}`,
        body: `${facts.thresholdPct ?? '?'}% batas waktu ${metric} tiket ${ticket}${opd} telah berlalu.`,
      };
    case 'sla.breached':
      return {
        title: `${prefix}Batas waktu terlewati: ${ticket}`,
        body: `Batas waktu ${metric} tiket ${ticket}${opd} telah terlewati. Segera tindak lanjuti.`,
      };
  }
}
