import { DynamicModule, Global, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CategoryRouting } from './application/category-routing';
import { DistrictCheck } from './application/district.check';
import { TicketCommandRunner } from './application/ticket-command.runner';
import { TicketIntakeWriter } from './application/ticket-intake.writer';
import { TicketSystemEvents } from './application/ticket-system-events';
import { TICKET_SETTINGS, TicketSettings } from './application/ticket-settings';
import { TicketMetrics } from './application/ticket.metrics';
import { TicketCommandResolver } from './api/ticket-command.resolver';
import { TicketQueryResolver } from './api/ticket-query.resolver';
import { TicketStatusResolver } from './api/ticket-status.resolver';
import { AcknowledgeTicketHandler } from './commands/acknowledge-ticket/acknowledge-ticket.handler';
import { AddAttachmentHandler } from './commands/add-attachment/add-attachment.handler';
import { AddNoteHandler } from './commands/add-note/add-note.handler';
import { AnswerTicketHandler } from './commands/answer-ticket/answer-ticket.handler';
import { ArriveOnSiteHandler } from './commands/arrive-on-site/arrive-on-site.handler';
import { CloseTicketHandler } from './commands/close-ticket/close-ticket.handler';
import { CreateTicketHandler } from './commands/create-ticket/create-ticket.handler';
import { DepartTicketHandler } from './commands/depart-ticket/depart-ticket.handler';
import { DispatchTicketHandler } from './commands/dispatch-ticket/dispatch-ticket.handler';
import { HoldTicketHandler } from './commands/hold-ticket/hold-ticket.handler';
import { MarkDuplicateHandler } from './commands/mark-duplicate/mark-duplicate.handler';
import { ReassignTicketHandler } from './commands/reassign-ticket/reassign-ticket.handler';
import { RejectTicketHandler } from './commands/reject-ticket/reject-ticket.handler';
import { ReopenTicketHandler } from './commands/reopen-ticket/reopen-ticket.handler';
import { ResolveTicketHandler } from './commands/resolve-ticket/resolve-ticket.handler';
import { ResumeTicketHandler } from './commands/resume-ticket/resume-ticket.handler';
import { ReturnTicketHandler } from './commands/return-ticket/return-ticket.handler';
import { TriageTicketHandler } from './commands/triage-ticket/triage-ticket.handler';
import { assertValidLifecycleTable, TICKET_LIFECYCLE } from './lifecycle';
import { GetTicketHandler } from './queries/get-ticket/get-ticket.handler';
import { ListTicketsHandler } from './queries/list-tickets/list-tickets.handler';
import { CountTicketsHandler } from './queries/count-tickets/count-tickets.handler';
import { TicketConnectionResolver } from './api/ticket-connection.resolver';
import { TicketEventsHandler } from './queries/ticket-events/ticket-events.handler';
import { TicketReader } from './api/ticket-reader';
import { PublicTicketReader } from './application/public-ticket.reader';

import { CallerTicketsHandler } from './queries/caller-tickets/caller-tickets.handler';
import { DuplicateCandidatesHandler } from './queries/duplicate-candidates/duplicate-candidates.handler';
import { DuplicateCandidatesResolver } from './api/duplicate-candidates.resolver';
export const TICKET_COMMAND_HANDLERS = [
  CreateTicketHandler,
  TriageTicketHandler,
  DispatchTicketHandler,
  AcknowledgeTicketHandler,
  DepartTicketHandler,
  ArriveOnSiteHandler,
  ResolveTicketHandler,
  CloseTicketHandler,
  ReopenTicketHandler,
  RejectTicketHandler,
  MarkDuplicateHandler,
  ReturnTicketHandler,
  HoldTicketHandler,
  ResumeTicketHandler,
  AnswerTicketHandler,
  AddNoteHandler,
  AddAttachmentHandler,
  ReassignTicketHandler,
];

const QUERY_HANDLERS = [GetTicketHandler, ListTicketsHandler, CountTicketsHandler, TicketEventsHandler, CallerTicketsHandler, DuplicateCandidatesHandler];

/**
 * The ticket lifecycle: commands, queries and their GraphQL API. Global so
 * other domains can reach its one entry point for system events.
 */
@Global()
@Module({})
export class TicketModule implements OnModuleInit {
  static forRoot(settings: TicketSettings): DynamicModule {
    return {
      module: TicketModule,
      imports: [CqrsModule],
      providers: [
        { provide: TICKET_SETTINGS, useValue: settings },
        TicketMetrics,
        TicketCommandRunner,
        DistrictCheck,
        CategoryRouting,
        TicketIntakeWriter,
        TicketSystemEvents,
        TicketReader,
        PublicTicketReader,
        ...TICKET_COMMAND_HANDLERS,
        ...QUERY_HANDLERS,
        TicketQueryResolver,
        TicketConnectionResolver,
        TicketCommandResolver,
        TicketStatusResolver,
        DuplicateCandidatesResolver,
      ],
      exports: [TicketSystemEvents, TicketReader, PublicTicketReader],
    };
  }

  /** A broken lifecycle table must stop the boot, not the first unlucky call. */
  onModuleInit(): void {
    assertValidLifecycleTable(TICKET_LIFECYCLE);
  }
}
