import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ApiError } from '../../../infra/graphql/api-error';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { TICKET_SETTINGS, TicketSettings } from '../application/ticket-settings';
import { AcknowledgeTicketCommand } from '../commands/acknowledge-ticket/acknowledge-ticket.command';
import { AddAttachmentCommand } from '../commands/add-attachment/add-attachment.command';
import { AddNoteCommand } from '../commands/add-note/add-note.command';
import { AnswerTicketCommand } from '../commands/answer-ticket/answer-ticket.command';
import { ArriveOnSiteCommand } from '../commands/arrive-on-site/arrive-on-site.command';
import { CloseTicketCommand } from '../commands/close-ticket/close-ticket.command';
import { CreateTicketCommand, CreateTicketResult as Created } from '../commands/create-ticket/create-ticket.command';
import { DepartTicketCommand } from '../commands/depart-ticket/depart-ticket.command';
import { DispatchTicketCommand } from '../commands/dispatch-ticket/dispatch-ticket.command';
import { HoldTicketCommand } from '../commands/hold-ticket/hold-ticket.command';
import { MarkDuplicateCommand } from '../commands/mark-duplicate/mark-duplicate.command';
import { ReassignTicketCommand } from '../commands/reassign-ticket/reassign-ticket.command';
import { RejectTicketCommand } from '../commands/reject-ticket/reject-ticket.command';
import { ReopenTicketCommand } from '../commands/reopen-ticket/reopen-ticket.command';
import { ResolveTicketCommand } from '../commands/resolve-ticket/resolve-ticket.command';
import { ResumeTicketCommand } from '../commands/resume-ticket/resume-ticket.command';
import { ReturnTicketCommand } from '../commands/return-ticket/return-ticket.command';
import { TicketCommandBase, type TicketCommandParams } from '../commands/ticket-command.base';
import { TriageTicketCommand } from '../commands/triage-ticket/triage-ticket.command';
import type { Actor } from '../../actor';
import type { Ticket } from '../domain/ticket.entity';
import { CurrentActor } from '../../actor';
import {
  AddAttachmentInput,
  AddNoteInput,
  AnswerTicketInput,
  ArriveOnSiteInput,
  DepartTicketInput,
  DispatchTicketInput,
  MarkDuplicateInput,
  OptionalNoteInput,
  ReasonInput,
  ReassignTicketInput,
  RequiredNoteInput,
  TriageTicketInput,
} from './ticket-command.inputs';
import { CreateTicketInput, RecordInformationRequestInput, TicketRefInput, toAnswers } from './ticket.inputs';
import { CreateTicketResult, TicketChanged, TicketCommandResult, TicketCreated, toFailure } from './ticket-results';
import { toTicketModel } from './ticket.mapper';

type CommandResult = typeof TicketCommandResult;
const IDEMPOTENCY_KEY = { type: () => String, nullable: true, description: 'Retry with the same key: you get the same ticket' } as const;

/** One mutation per lifecycle command; expected failures come back as typed results. */
@Resolver()
export class TicketCommandResolver {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TICKET_SETTINGS) private readonly settings: TicketSettings,
  ) {}

  @Mutation(() => CreateTicketResult, { description: 'Records a report as a NEW ticket.' })
  createTicket(
    @Args('input') input: CreateTicketInput,
    @Args('idempotencyKey', IDEMPOTENCY_KEY) idempotencyKey: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<typeof CreateTicketResult> {
    const { attachmentIds, ...report } = input;
    return this.create(
      new CreateTicketCommand({ report: { ...report, attributes: toAnswers(report.attributes) }, actor, idempotencyKey: checkKey(idempotencyKey), attachmentIds: attachmentIds ?? [] }),
    );
  }

  @Mutation(() => CreateTicketResult, { description: 'Records an information request and its answer in one step (state ANSWERED).' })
  recordInformationRequest(
    @Args('input') input: RecordInformationRequestInput,
    @Args('idempotencyKey', IDEMPOTENCY_KEY) idempotencyKey: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<typeof CreateTicketResult> {
    const { answer, attachmentIds, ...report } = input;
    const command = new CreateTicketCommand({
      report: { ...report, attributes: toAnswers(report.attributes) }, actor, idempotencyKey: checkKey(idempotencyKey), answer, attachmentIds: attachmentIds ?? [],
    });
    return this.create(command);
  }

  @Mutation(() => TicketCommandResult, { description: 'Classifies: kind and category, which routes to its OPD (NEW, TRIAGED or RETURNED).' })
  triageTicket(@Args('input') i: TriageTicketInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(
      new TriageTicketCommand({
        ...envelope(i, a),
        kind: i.kind,
        categoryCode: i.categoryCode,
        opdCode: i.opdCode ?? null,
        priority: i.priority ?? null,
        fieldResponse: i.fieldResponse ?? null,
        district: i.district ?? null,
        attributes: toAnswers(i.attributes),
      }),
    );
  }

  @Mutation(() => TicketCommandResult, { description: 'Hands a triaged ticket to its OPD.' })
  dispatchTicket(@Args('input') i: DispatchTicketInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(new DispatchTicketCommand({ ...envelope(i, a), assignedUnit: i.assignedUnit ?? null, note: i.note ?? null }));
  }

  @Mutation(() => TicketCommandResult, { description: 'The OPD accepts the ticket.' })
  acknowledgeTicket(@Args('input') i: OptionalNoteInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(new AcknowledgeTicketCommand({ ...envelope(i, a), note: i.note ?? null }));
  }

  @Mutation(() => TicketCommandResult, { description: 'A unit leaves for the location.' })
  departTicket(@Args('input') i: DepartTicketInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(new DepartTicketCommand({ ...envelope(i, a), unit: i.unit ?? null }));
  }

  @Mutation(() => TicketCommandResult, { description: 'The OPD is on site (optional position, photo link and uploaded photos as proof).' })
  arriveOnSite(@Args('input') i: ArriveOnSiteInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    const proof = { latitude: i.latitude ?? null, longitude: i.longitude ?? null, photoUrl: i.photoUrl ?? null };
    return this.run(new ArriveOnSiteCommand({ ...envelope(i, a), proof, attachmentIds: i.attachmentIds ?? [] }));
  }

  @Mutation(() => TicketCommandResult, { description: 'The matter is handled; say how (uploads as proof of the fix).' })
  resolveTicket(@Args('input') i: RequiredNoteInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(new ResolveTicketCommand({ ...envelope(i, a), note: i.note, attachmentIds: i.attachmentIds ?? [] }));
  }

  @Mutation(() => TicketCommandResult)
  closeTicket(@Args('input') i: OptionalNoteInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(new CloseTicketCommand({ ...envelope(i, a), note: i.note ?? null }));
  }

  @Mutation(() => TicketCommandResult, { description: 'Within the reopen window after resolution: the OPD must act again.' })
  reopenTicket(@Args('input') i: ReasonInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(new ReopenTicketCommand({ ...envelope(i, a), reason: i.reason }));
  }

  @Mutation(() => TicketCommandResult, { description: 'Spam, prank or invalid: the reason is kept.' })
  rejectTicket(@Args('input') i: ReasonInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(new RejectTicketCommand({ ...envelope(i, a), reason: i.reason }));
  }

  @Mutation(() => TicketCommandResult, { description: 'Merges into the surviving ticket, which keeps the earliest reportedAt.' })
  markDuplicate(@Args('input') i: MarkDuplicateInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(new MarkDuplicateCommand({ ...envelope(i, a), duplicateOfId: i.duplicateOfId }));
  }

  @Mutation(() => TicketCommandResult, { description: 'The OPD returns the ticket to triage: not its matter.' })
  returnTicket(@Args('input') i: ReasonInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(new ReturnTicketCommand({ ...envelope(i, a), reason: i.reason }));
  }

  @Mutation(() => TicketCommandResult, { description: 'Waits for the reporter; SLA clocks pause.' })
  holdTicket(@Args('input') i: ReasonInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(new HoldTicketCommand({ ...envelope(i, a), reason: i.reason }));
  }

  @Mutation(() => TicketCommandResult, { description: 'Back to the state it was held from.' })
  resumeTicket(@Args('input') i: OptionalNoteInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(new ResumeTicketCommand({ ...envelope(i, a), note: i.note ?? null }));
  }

  @Mutation(() => TicketCommandResult, { description: 'Answers an information request.' })
  answerTicket(@Args('input') i: AnswerTicketInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(new AnswerTicketCommand({ ...envelope(i, a), answer: i.answer }));
  }

  @Mutation(() => TicketCommandResult, { description: 'A note in the history (internal or public); allowed in every state.' })
  addNote(@Args('input') i: AddNoteInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(new AddNoteCommand({ ...envelope(i, a), text: i.text, visibility: i.visibility, attachmentIds: i.attachmentIds ?? [] }));
  }

  @Mutation(() => TicketCommandResult, { description: 'Attaches uploads (POST /attachments) to the ticket; allowed in every state, changes no field.' })
  addAttachment(@Args('input') i: AddAttachmentInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(new AddAttachmentCommand({ ...envelope(i, a), attachmentIds: i.attachmentIds, caption: i.caption ?? null }));
  }

  @Mutation(() => TicketCommandResult, { description: 'Another unit or officer of the OPD takes over.' })
  reassignTicket(@Args('input') i: ReassignTicketInput, @CurrentActor() a: Actor): Promise<CommandResult> {
    return this.run(new ReassignTicketCommand({ ...envelope(i, a), assignedUnit: i.assignedUnit ?? null, assignedOfficer: i.assignedOfficer ?? null, note: i.note ?? null }));
  }

  private async run(command: TicketCommandBase): Promise<CommandResult> {
    try {
      const ticket = await this.commandBus.execute<TicketCommandBase, Ticket>(command);
      return Object.assign(new TicketChanged(), { ticket: this.model(ticket) });
    } catch (error) {
      return toFailure(error) as CommandResult;
    }
  }

  private async create(command: CreateTicketCommand): Promise<typeof CreateTicketResult> {
    try {
      const { ticket, created } = await this.commandBus.execute<CreateTicketCommand, Created>(command);
      return Object.assign(new TicketCreated(), { ticket: this.model(ticket), created });
    } catch (error) {
      return toFailure(error) as typeof CreateTicketResult;
    }
  }

  private model(ticket: Ticket) {
    return toTicketModel(ticket, this.clock.now(), this.settings.reopenWindowMs);
  }
}

/** The part of a command that names the ticket, the version seen and who acts. */
function envelope(ref: TicketRefInput, actor: Actor): TicketCommandParams {
  return { ticketId: ref.ticketId, expectedVersion: ref.expectedVersion, actor };
}

function checkKey(key: string | null): string | null {
  if (key === null || key === undefined) return null;
  if (!/^[A-Za-z0-9._:-]{8,128}$/.test(key)) {
    throw new ApiError('BAD_USER_INPUT', 'idempotencyKey must be 8-128 letters, digits or ._:- (a UUID fits)');
  }
  return key;
}
