// The ticket domain's public face: what other domains and the composition root may use.
export * from './lifecycle';
export { Ticket } from './domain/ticket.entity';
export { TicketKind, TicketPriority } from './domain/ticket.enums';
export type { TicketContext } from './domain/ticket-context';
export { TICKET_CREATED, DUPLICATE_MERGED } from './domain/ticket-event-type';
export type { TicketEventType } from './domain/ticket-event-type';
export { TICKET_EVENT_SINK } from './application/ticket-event.sink';
export type { RecordedTicketEvent, TicketEventSink } from './application/ticket-event.sink';
export { TicketSystemEvents } from './application/ticket-system-events';
export type { OpenTicketScope } from './application/ticket-system-events';
export { ReporterModel, TicketModel } from './api/ticket.model';
export { withheldReporter } from './api/ticket.mapper';
export { ticketNumbers } from './application/ticket-numbers';
export { TicketReader } from './api/ticket-reader';
export { TICKET_ATTACHMENT_BINDER, MAX_ATTACHMENTS_PER_COMMAND } from './application/ticket-attachment.binder';
export type { AttachmentBinding, TicketAttachmentBinder } from './application/ticket-attachment.binder';
