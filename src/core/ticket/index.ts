// The ticket domain's public face: what other domains and the composition root may use.
export * from './lifecycle';
export { Ticket } from './domain/ticket.entity';
export { TicketKind, TicketPriority } from './domain/ticket.enums';
export type { TicketContext } from './domain/ticket-context';
export { TICKET_CREATED, DUPLICATE_MERGED } from './domain/ticket-event-type';
export type { TicketEventType } from './domain/ticket-event-type';
export { TICKET_EVENT_SINK } from './application/ticket-event.sink';
export type { FollowedTickets, PlannedFollowUp, RecordedTicketEvent, TicketEventSink } from './application/ticket-event.sink';
export { TicketSystemEvents } from './application/ticket-system-events';
export type { OpenTicketScope } from './application/ticket-system-events';
export { ReporterModel, TicketModel } from './api/ticket.model';
export { withheldReporter } from './api/ticket.mapper';
export { ticketNumbers } from './application/ticket-numbers';
export { TicketReader } from './api/ticket-reader';
export { normalisePhone } from './domain/phone-number';
export { CallerTicketsQuery } from './queries/caller-tickets/caller-tickets.query';
export type { CallerTicket, CallerTickets } from './queries/caller-tickets/caller-tickets.query';
export { TICKET_ATTACHMENT_BINDER, MAX_ATTACHMENTS_PER_COMMAND } from './application/ticket-attachment.binder';
export type { AttachmentBinding, TicketAttachmentBinder } from './application/ticket-attachment.binder';
// For open channels (Open311): tickets as the public may see them, and the commands a citizen's app may send.
export { PublicTicketReader } from './application/public-ticket.reader';
export type { PublicTicket, PublicTicketFilter, PublicTicketUpdate } from './application/public-ticket.reader';
export { TicketChannel, NoteVisibility, SocialPlatform } from './domain/ticket.enums';
export { TicketException, TicketErrorCode } from './domain/ticket.exception';
export { CreateTicketCommand } from './commands/create-ticket/create-ticket.command';
export type { CreateTicketResult } from './commands/create-ticket/create-ticket.command';
export { AddNoteCommand } from './commands/add-note/add-note.command';
export { ReopenTicketCommand } from './commands/reopen-ticket/reopen-ticket.command';
