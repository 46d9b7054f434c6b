import { Inject, Injectable } from '@nestjs/common';
import { PublicServiceCatalog } from '../../../opd';
import { TicketDueTimes } from '../../../sla';
import { PublicTicket, PublicTicketReader, TicketChannel, TicketState } from '../../../ticket';
import { Open311Error } from '../../domain/open311.error';
import { open311Status } from '../../domain/open311-status';
import { w3cDateTime } from '../../domain/open311-time';
import { expectedAt, Language, serviceNotice } from '../../domain/service-notice';
import type { Open311Record } from '../../format/open311-document';
import { OPEN311_SETTINGS, Open311Settings } from '../../open311-settings';
import type { RequestQuery } from './request-query';

const STATES_BY_STATUS: Record<'open' | 'closed', TicketState[]> = {
  open: Object.values(TicketState).filter((s) => open311Status(s) === 'open'),
  closed: Object.values(TicketState).filter((s) => open311Status(s) === 'closed'),
};

/**
 * Channels whose description the citizen wrote for a public app. A call
 * taker's notes of a phone call, or a social-media message copied in, were
 * never meant for a public list: those requests are listed without it.
 */
const PUBLISHED_DESCRIPTION: ReadonlySet<TicketChannel> = new Set([TicketChannel.OPEN311, TicketChannel.WEB]);

/**
 * Rounds a coordinate as FixMyStreet does (6 decimals, about 0.1 m, no
 * trailing zeros): enough to find the pothole, no false precision about
 * where a phone stood.
 *
 * @example
 * roundCoordinate(-8.454512345); // -8.454512
 */
export function roundCoordinate(value: number | null): number | null {
  return value === null ? null : Number(value.toFixed(6));
}

/**
 * GET /requests, /requests/{id} and /tokens/{token}: public tickets of the
 * categories on offer, as the spec's service requests. Never a reporter's
 * identity (the reader's type has none); confidential reports do not exist
 * here.
 *
 * @example
 * await requests.list(query, 'id'); // [{ service_request_id: 'BGL-2026-000123', status: 'open', … }]
 */
@Injectable()
export class ListServiceRequests {
  constructor(
    private readonly tickets: PublicTicketReader,
    private readonly catalog: PublicServiceCatalog,
    private readonly dueTimes: TicketDueTimes,
    @Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings,
  ) {}

  async list(query: RequestQuery, language: Language): Promise<Open311Record[]> {
    const offered = (await this.catalog.services()).map((s) => s.code);
    const categoryCodes = query.ids ? offered : offered.filter((code) => !query.serviceCodes || query.serviceCodes.includes(code));
    const tickets = await this.tickets.list({
      numbers: query.ids,
      categoryCodes,
      reportedFrom: query.start,
      reportedTo: query.end,
      states: query.ids || !query.status ? null : STATES_BY_STATUS[query.status],
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return this.views(tickets, language);
  }

  /** One request; the spec's 404 when unknown or not public. */
  async one(id: string, language: Language): Promise<Open311Record[]> {
    const offered = (await this.catalog.services()).map((s) => s.code);
    const ticket = id.length <= 40 ? await this.tickets.byNumber(id, offered) : null;
    if (!ticket) throw Open311Error.notFound(`service_request_id ${JSON.stringify(id.slice(0, 40))} not found`);
    return this.views([ticket], language);
  }

  /** The request a token stands for (the token is the ticket's id, given with every POST answer). */
  async token(token: string): Promise<Open311Record[]> {
    const number = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token) ? await this.tickets.numberOf(token, TicketChannel.OPEN311) : null;
    if (!number) throw Open311Error.notFound(`token ${JSON.stringify(token.slice(0, 40))} not found`);
    return [{ service_request_id: number, token }];
  }

  private async views(tickets: readonly PublicTicket[], language: Language): Promise<Open311Record[]> {
    if (tickets.length === 0) return [];
    const [names, clocks] = await Promise.all([this.catalog.names(), this.dueTimes.read(tickets.map((t) => t.id))]);
    const tz = this.settings.timeZone;
    return tickets.map((t) => {
      const category = t.categoryCode ? names.get(t.categoryCode) : undefined;
      const ticketClocks = clocks.get(t.id) ?? [];
      const closed = open311Status(t.state) === 'closed';
      const expected = closed ? null : expectedAt(ticketClocks);
      return {
        service_request_id: t.number,
        status: open311Status(t.state),
        status_notes: t.publicNote,
        service_name: category?.name[language] ?? t.categoryCode,
        service_code: t.categoryCode,
        description: PUBLISHED_DESCRIPTION.has(t.channel) ? t.description : null,
        agency_responsible: category?.opdName[language] ?? t.opdCode,
        service_notice: serviceNotice(ticketClocks, language),
        requested_datetime: w3cDateTime(t.reportedAt, tz),
        updated_datetime: w3cDateTime(t.updatedAt, tz),
        expected_datetime: expected ? w3cDateTime(expected, tz) : null,
        address: t.address,
        address_id: null,
        zipcode: null,
        lat: roundCoordinate(t.latitude),
        long: roundCoordinate(t.longitude),
        media_url: t.mediaUrls[0] ?? null,
      };
    });
  }
}
