import { registerEnumType } from '@nestjs/graphql';
import { NoteVisibility, SocialPlatform, TicketChannel, TicketKind, TicketPriority } from '../domain/ticket.enums';
import { TicketCommand, TicketState } from '../lifecycle';
import { TicketSort } from '../queries/list-tickets/list-tickets.query';

// The domain enums stay framework-free; the API edge names them for GraphQL.
registerEnumType(TicketKind, { name: 'TicketKind' });
registerEnumType(TicketPriority, { name: 'TicketPriority' });
registerEnumType(TicketChannel, { name: 'TicketChannel' });
registerEnumType(SocialPlatform, { name: 'SocialPlatform' });
registerEnumType(NoteVisibility, { name: 'NoteVisibility' });
registerEnumType(TicketState, { name: 'TicketState' });
registerEnumType(TicketCommand, { name: 'TicketCommand' });
registerEnumType(TicketSort, { name: 'TicketSort' });
