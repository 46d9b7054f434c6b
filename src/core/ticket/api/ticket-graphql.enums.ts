import { registerEnumType } from '@nestjs/graphql';
import { NoteVisibility, SocialPlatform, TicketChannel, TicketKind, TicketPriority } from '../domain/ticket.enums';
import { TicketCommand, TicketState } from '../lifecycle';
import { TicketSort } from '../queries/list-tickets/list-tickets.query';
import { TicketCountMode } from '../queries/count-tickets/count-tickets.query';

// The domain enums stay framework-free; the API edge names them for GraphQL.
registerEnumType(TicketKind, { name: 'TicketKind' });
registerEnumType(TicketPriority, { name: 'TicketPriority' });
registerEnumType(TicketChannel, { name: 'TicketChannel' });
registerEnumType(SocialPlatform, { name: 'SocialPlatform' });
registerEnumType(NoteVisibility, { name: 'NoteVisibility' });
registerEnumType(TicketState, { name: 'TicketState' });
registerEnumType(TicketCommand, { name: 'TicketCommand' });
registerEnumType(TicketSort, { name: 'TicketSort' });
registerEnumType(TicketCountMode, {
  name: 'TicketCountMode',
  description: 'How totalCount counts: EXACT always counts every match; ESTIMATED counts up to 10,000 and above that gives the planner\'s estimate.',
});
