import { Inject, Injectable } from '@nestjs/common';
import { PublicServiceCatalog } from '../../../opd';
import { PublicTicketReader } from '../../../ticket';
import { Open311Form, single } from '../../domain/open311-form';
import { ExtendedStatus, extendedStatus } from '../../domain/open311-status';
import { parseClientDateTime, w3cDateTime } from '../../domain/open311-time';
import type { Language } from '../../domain/service-notice';
import type { Open311Record } from '../../format/open311-document';
import { OPEN311_SETTINGS, Open311Settings } from '../../open311-settings';
import { MAX_SPAN_MS } from '../list-service-requests/request-query';

/** At most this many updates per answer; a client asks again from the last one's time. */
export const MAX_UPDATES = 1000;
const DEFAULT_SPAN_MS = 24 * 60 * 60 * 1000;

/** What a change of state says to the citizen, by FixMyStreet status. */
const STATE_WORDS: Record<ExtendedStatus, { id: string; en: string }> = {
  open: { id: 'Laporan diterima', en: 'Report received' },
  closed: { id: 'Laporan ditutup', en: 'Report closed' },
  fixed: { id: 'Selesai ditangani', en: 'Fixed' },
  in_progress: { id: 'Sedang ditangani', en: 'In progress' },
  planned: { id: 'Direncanakan', en: 'Planned' },
  action_scheduled: { id: 'Diteruskan ke OPD yang bertanggung jawab', en: 'Sent to the responsible agency' },
  investigating: { id: 'Menunggu informasi dari pelapor', en: 'Waiting for information from the reporter' },
  duplicate: { id: 'Digabung dengan laporan lain', en: 'Merged into another report' },
  not_councils_responsibility: { id: 'Bukan kewenangan Pemkab Bangli', en: 'Not the regency\'s responsibility' },
  no_further_action: { id: 'Tidak ditindaklanjuti', en: 'No further action' },
  internal_referral: { id: 'Diteruskan ke unit lain', en: 'Referred internally' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  reopen: { id: 'Dibuka kembali', en: 'Reopened' },
  for_triage: { id: 'Dikembalikan untuk diperiksa ulang', en: 'Returned for triage' },
};

/**
 * FixMyStreet's GET /servicerequestupdates: changes of state and the OPDs'
 * public notes on public requests, in [start_date, end_date) (both or
 * neither; default the last 24 hours; at most 90 days), oldest first.
 *
 * @example
 * await updates.list(readOpen311Form({ start_date, end_date }), now, 'id');
 * // [{ update_id: '…', service_request_id: 'BGL-2026-000123', status: 'in_progress', … }]
 */
@Injectable()
export class ListRequestUpdates {
  constructor(
    private readonly tickets: PublicTicketReader,
    private readonly catalog: PublicServiceCatalog,
    @Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings,
  ) {}

  /** The window asked for, or the problems with it. */
  window(form: Open311Form, now: Date): { from: Date; to: Date } | { problems: string[] } {
    const problems = [...form.problems];
    const read = (key: string): Date | null => {
      const text = single(form, key, 64, problems);
      if (text === null) return null;
      const parsed = parseClientDateTime(text, this.settings.timeZone);
      if (!parsed) problems.push(`${key} must be an ISO 8601 date-time such as 2026-12-01T00:00:00+08:00`);
      return parsed;
    };
    const start = read('start_date');
    const end = read('end_date');
    if (problems.length) return { problems };
    if ((start === null) !== (end === null)) return { problems: ['start_date and end_date go together: send both or neither'] };
    const to = end ?? now;
    const from = start ?? new Date(to.getTime() - DEFAULT_SPAN_MS);
    if (from.getTime() > to.getTime()) return { problems: ['start_date must not be after end_date'] };
    if (to.getTime() - from.getTime() > MAX_SPAN_MS) return { problems: ['start_date and end_date may span at most 90 days'] };
    return { from, to };
  }

  async list(window: { from: Date; to: Date }, language: Language): Promise<Open311Record[]> {
    const categoryCodes = (await this.catalog.services()).map((s) => s.code);
    const updates = await this.tickets.updates({ ...window, categoryCodes, limit: MAX_UPDATES });
    return updates.map((u) => {
      const status = extendedStatus(u.toState, u.type);
      return {
        update_id: u.eventId,
        service_request_id: u.ticketNumber,
        status,
        updated_datetime: w3cDateTime(u.occurredAt, this.settings.timeZone),
        description: u.note ?? STATE_WORDS[status][language],
        media_url: null,
      };
    });
  }
}
