import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock, CLOCK } from '../../../../infra/clock/clock';
import { ActorRole } from '../../../actor';
import type { Actor } from '../../../actor';
import { TicketDueTimes } from '../../../sla';
import {
  CreateTicketCommand, CreateTicketResult, PublicTicketReader, TicketChannel, TicketErrorCode, TicketException, TicketKind,
} from '../../../ticket';
import type { Open311Client } from '../../domain/open311-client.entity';
import type { Open311Form } from '../../domain/open311-form';
import { Open311Error } from '../../domain/open311.error';
import { Language, serviceNotice } from '../../domain/service-notice';
import { mediaTypeOf, readServiceRequest, ServiceRequestInput } from '../../domain/service-request.input';
import { OPEN311_SETTINGS, Open311Settings } from '../../open311-settings';
import { ListServices } from '../../queries/list-services/list-services.query';

/** What POST /requests answers: the spec's `service_requests/request`. */
export interface ServiceRequestCreated {
  readonly serviceRequestId: string;
  /** The ticket's id: `GET /tokens/{token}` finds the request by it. */
  readonly token: string;
  readonly serviceNotice: string | null;
  readonly accountId: string | null;
  /** False when the same POST came again within the dedupe window. */
  readonly created: boolean;
}

/** The actor an Open311 client acts as: a system actor that names the client's key. */
export function open311Actor(client: Open311Client): Actor {
  return { userId: `open311:${client.prefix}`, role: ActorRole.SYSTEM, opdCode: null };
}

/**
 * POST /requests: a citizen's app files a report. It becomes a ticket of
 * channel OPEN311 through the same intake as the call centre's (report
 * rules, routing to the category's OPD, attribute checks, SLA clocks), and
 * the answer names the ticket at once.
 *
 * The same POST (same client, device and fields) within the dedupe window is
 * the same ticket: apps retry on a slow network, and FixMyStreet resends a
 * report it did not hear back about. The idempotency key is the digest of
 * the request and the window it fell in; a request early in a window also
 * finds its twin from the end of the previous one.
 *
 * @example
 * await create.execute({ client, form: readOpen311Form(body), language: 'id' });
 * // { serviceRequestId: 'BGL-2026-000123', token: '6f1c…', serviceNotice: 'Target: diselesaikan dalam 5 hari kerja', … }
 */
@Injectable()
export class CreateServiceRequest {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly services: ListServices,
    private readonly tickets: PublicTicketReader,
    private readonly dueTimes: TicketDueTimes,
    @Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(p: { client: Open311Client; form: Open311Form; language: Language }): Promise<ServiceRequestCreated> {
    const { input, problems } = readServiceRequest(p.form);
    if (!input) throw Open311Error.badRequest(problems);
    if (input.jurisdictionId && input.jurisdictionId !== this.settings.jurisdictionId) {
      throw Open311Error.notFound(`jurisdiction_id ${JSON.stringify(input.jurisdictionId)} is not served here (this is ${this.settings.jurisdictionId})`);
    }
    const service = (await this.services.offered()).find((s) => s.code === input.serviceCode);
    if (!service) throw Open311Error.notFound(`service_code ${JSON.stringify(input.serviceCode)} not found`);

    const now = this.clock.now();
    const digest = requestDigest(p.client.id, input);
    const window = Math.floor(now.getTime() / this.settings.dedupeWindowMs);
    const twin = await this.tickets.byIdempotencyKey(dedupeKey(p.client, digest, window - 1));
    if (twin && now.getTime() - twin.createdAt.getTime() < this.settings.dedupeWindowMs) {
      return this.answer(twin.id, twin.number, input, p.language, false);
    }
    const name = [input.firstName, input.lastName].filter(Boolean).join(' ') || null;
    let result: CreateTicketResult;
    try {
      result = await this.commandBus.execute<CreateTicketCommand, CreateTicketResult>(new CreateTicketCommand({
        actor: open311Actor(p.client),
        idempotencyKey: dedupeKey(p.client, digest, window),
        report: {
          kind: service.kind === 'EMERGENCY' ? TicketKind.EMERGENCY : TicketKind.COMPLAINT,
          channel: TicketChannel.OPEN311,
          channelAccount: p.client.name.slice(0, 120),
          channelReference: input.deviceId ? `device:${input.deviceId}` : null,
          reporter: { name, email: input.email, phone: input.phone, language: p.language },
          location: { latitude: input.latitude, longitude: input.longitude, address: input.addressString },
          categoryCode: service.code,
          description: input.description ?? service.name[p.language],
          descriptionLanguage: p.language,
          attachments: input.mediaUrls.map((url) => ({ url, mediaType: mediaTypeOf(url) })),
          attributes: input.attributes,
        },
      }));
    } catch (error) {
      if (error instanceof TicketException && error.code === TicketErrorCode.INVALID_INPUT) {
        throw Open311Error.badRequest(((error.details.problems as string[] | undefined) ?? [error.message]).map(inOpen311Terms));
      }
      throw error;
    }
    return this.answer(result.ticketId, result.ticket.number, input, p.language, result.created);
  }

  private async answer(ticketId: string, number: string, input: ServiceRequestInput, language: Language, created: boolean): Promise<ServiceRequestCreated> {
    const clocks = (await this.dueTimes.read([ticketId])).get(ticketId) ?? [];
    return { serviceRequestId: number, token: ticketId, serviceNotice: serviceNotice(clocks, language), accountId: input.accountId, created };
  }
}

/** The idempotency key of one request in one window. */
function dedupeKey(client: Open311Client, digest: string, window: number): string {
  return `open311:${client.prefix}:${digest}:${window}`;
}

/** Identifies the request by what the client sent (every field, the device included), not by when. */
export function requestDigest(clientId: string, input: ServiceRequestInput): string {
  const attributes = Object.keys(input.attributes).sort().map((k) => [k, [...input.attributes[k]].sort()]);
  return createHash('sha256').update(JSON.stringify([clientId, { ...input, attributes }])).digest('base64url');
}

/** The ticket domain's field names, as an Open311 client knows them. */
function inOpen311Terms(problem: string): string {
  return problem
    .replace(/^attributes\.([A-Za-z0-9_]+):/, 'attribute[$1]:')
    .replace(/^reporter\.phone/, 'phone')
    .replace(/^reporter\.email/, 'email')
    .replace(/^location needs both latitude and longitude, or neither/, 'lat and long go together');
}
