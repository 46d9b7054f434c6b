import { NO_RUNNING_CLOCK } from '../domain/open-tickets';
import { allowedCommands } from '../lifecycle';
import type { TicketEvent } from '../domain/ticket-event.entity';
import type { Ticket } from '../domain/ticket.entity';
import type { ReporterModel, TicketEventModel, TicketModel } from './ticket.model';

/**
 * Entity to API shape. The API type is separate from the entity so that
 * field-level access rules (a later issue) have one place to act.
 */
export function toTicketModel(ticket: Ticket, now: Date, reopenWindowMs: number): TicketModel {
  return {
    id: ticket.id,
    number: ticket.number,
    kind: ticket.kind,
    priority: ticket.priority,
    state: ticket.state,
    heldFrom: ticket.heldFrom,
    fieldResponse: ticket.fieldResponse,
    channel: ticket.channel,
    channelPlatform: ticket.channelPlatform,
    channelAccount: ticket.channelAccount,
    channelReference: ticket.channelReference,
    // Withheld by default; the reporter field's own resolver decides who may see the record.
    reporter: withheldReporter(ticket.reporter),
    reporterOnRecord: { ...ticket.reporter, identityVisible: true },
    location: { ...ticket.location },
    categoryCode: ticket.categoryCode,
    opdCode: ticket.opdCode,
    description: ticket.description,
    descriptionLanguage: ticket.descriptionLanguage,
    translation: ticket.translation,
    translationLanguage: ticket.translationLanguage,
    attributes: Object.entries(ticket.attributes).map(([code, v]) => ({ code, values: Array.isArray(v) ? v : [v] })),
    attachments: ticket.attachments.map((a) => ({ url: a.url, mediaType: a.mediaType, sizeBytes: a.sizeBytes ?? null })),
    tags: ticket.tags,
    assignedUnit: ticket.assignedUnit,
    assignedOfficer: ticket.assignedOfficer,
    duplicateOfId: ticket.duplicateOf?.id ?? null,
    outcomeNote: ticket.outcomeNote,
    reopenCount: ticket.reopenCount,
    reportedAt: ticket.reportedAt,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    nextDueAt: ticket.slaNextDueAt.getTime() === NO_RUNNING_CLOCK.getTime() ? null : ticket.slaNextDueAt,
    createdBy: ticket.createdBy,
    triagedAt: ticket.triagedAt,
    dispatchedAt: ticket.dispatchedAt,
    acknowledgedAt: ticket.acknowledgedAt,
    departedAt: ticket.departedAt,
    onSiteAt: ticket.onSiteAt,
    resolvedAt: ticket.resolvedAt,
    closedAt: ticket.closedAt,
    answeredAt: ticket.answeredAt,
    rejectedAt: ticket.rejectedAt,
    version: ticket.version,
    allowedCommands: allowedCommands(ticket, { now, reopenWindowMs }),
  };
}

/** The reporter without name, phone, e-mail and NIK. */
export function withheldReporter(reporter: Omit<ReporterModel, 'identityVisible'>): ReporterModel {
  return { ...reporter, name: null, phone: null, email: null, nik: null, identityVisible: false };
}

export function toTicketEventModel(event: TicketEvent): TicketEventModel {
  return {
    id: event.id,
    seq: event.seq,
    type: event.type,
    fromState: event.fromState,
    toState: event.toState,
    actorId: event.actorId,
    actorRole: event.actorRole,
    actorOpd: event.actorOpd,
    occurredAt: event.occurredAt,
    payload: event.payload,
  };
}
