import { AcknowledgeTicketCommand } from '../../../src/core/ticket/commands/acknowledge-ticket/acknowledge-ticket.command';
import { AddNoteCommand } from '../../../src/core/ticket/commands/add-note/add-note.command';
import { AnswerTicketCommand } from '../../../src/core/ticket/commands/answer-ticket/answer-ticket.command';
import { ArriveOnSiteCommand } from '../../../src/core/ticket/commands/arrive-on-site/arrive-on-site.command';
import { CloseTicketCommand } from '../../../src/core/ticket/commands/close-ticket/close-ticket.command';
import { DepartTicketCommand } from '../../../src/core/ticket/commands/depart-ticket/depart-ticket.command';
import { DispatchTicketCommand } from '../../../src/core/ticket/commands/dispatch-ticket/dispatch-ticket.command';
import { HoldTicketCommand } from '../../../src/core/ticket/commands/hold-ticket/hold-ticket.command';
import { MarkDuplicateCommand } from '../../../src/core/ticket/commands/mark-duplicate/mark-duplicate.command';
import { ReassignTicketCommand } from '../../../src/core/ticket/commands/reassign-ticket/reassign-ticket.command';
import { RejectTicketCommand } from '../../../src/core/ticket/commands/reject-ticket/reject-ticket.command';
import { ReopenTicketCommand } from '../../../src/core/ticket/commands/reopen-ticket/reopen-ticket.command';
import { ResolveTicketCommand } from '../../../src/core/ticket/commands/resolve-ticket/resolve-ticket.command';
import { ResumeTicketCommand } from '../../../src/core/ticket/commands/resume-ticket/resume-ticket.command';
import { ReturnTicketCommand } from '../../../src/core/ticket/commands/return-ticket/return-ticket.command';
import { TriageTicketCommand } from '../../../src/core/ticket/commands/triage-ticket/triage-ticket.command';
import type { Actor } from '../../../src/core/actor';
import { ActorRole } from '../../../src/core/actor';
import { NoteVisibility, TicketKind } from '../../../src/core/ticket/domain/ticket.enums';
import { TicketCommand } from '../../../src/core/ticket/lifecycle';

// Building valid command objects for any TicketCommand, and the payload each
// handler hands to transition(); no database here.

export const ACTOR: Actor = { userId: 'ct-ayu', role: ActorRole.CALL_TAKER, opdCode: null };
export const OPD_ACTOR: Actor = { userId: 'pupr-made', role: ActorRole.OPD_OFFICER, opdCode: 'PUPR-PERKIM' };

/** Inputs for any command; each command takes the ones it needs. */
export interface CommandArgs {
  readonly kind: TicketKind;
  readonly categoryCode: string;
  /** The OPD a TRIAGE names; null leaves it to the category. */
  readonly opdCode: string | null;
  readonly fieldResponse: boolean | null;
  readonly assignedUnit: string | null;
  readonly assignedOfficer: string;
  readonly withPosition: boolean;
  readonly survivorId: string;
  readonly text: string;
}

/** The CQRS command object for `command`, built with valid inputs. */
export function buildCommand(command: TicketCommand, ticketId: string, version: number, args: CommandArgs, actor: Actor = ACTOR): object {
  const { text } = args;
  const on = { ticketId, expectedVersion: version, actor };
  switch (command) {
    case TicketCommand.TRIAGE:
      return new TriageTicketCommand({ ...on, kind: args.kind, categoryCode: args.categoryCode, opdCode: args.opdCode, fieldResponse: args.fieldResponse });
    case TicketCommand.DISPATCH:
      return new DispatchTicketCommand({ ...on, assignedUnit: args.assignedUnit, note: null });
    case TicketCommand.ACKNOWLEDGE:
      return new AcknowledgeTicketCommand(on);
    case TicketCommand.DEPART:
      return new DepartTicketCommand({ ...on, unit: args.assignedUnit });
    case TicketCommand.ARRIVE:
      return new ArriveOnSiteCommand({
        ...on,
        proof: { latitude: args.withPosition ? -8.45 : null, longitude: args.withPosition ? 115.35 : null, photoUrl: null },
      });
    case TicketCommand.RESOLVE:
      return new ResolveTicketCommand({ ...on, note: `selesai: ${text}` });
    case TicketCommand.CLOSE:
      return new CloseTicketCommand(on);
    case TicketCommand.REOPEN:
      return new ReopenTicketCommand({ ...on, reason: `belum beres: ${text}` });
    case TicketCommand.REJECT:
      return new RejectTicketCommand({ ...on, reason: `spam: ${text}` });
    case TicketCommand.MARK_DUPLICATE:
      return new MarkDuplicateCommand({ ...on, duplicateOfId: args.survivorId });
    case TicketCommand.RETURN:
      return new ReturnTicketCommand({ ...on, reason: `bukan wewenang: ${text}` });
    case TicketCommand.HOLD:
      return new HoldTicketCommand({ ...on, reason: `menunggu foto: ${text}` });
    case TicketCommand.RESUME:
      return new ResumeTicketCommand(on);
    case TicketCommand.ANSWER:
      return new AnswerTicketCommand({ ...on, answer: `jawaban: ${text}` });
    case TicketCommand.ADD_NOTE:
      return new AddNoteCommand({ ...on, text, visibility: NoteVisibility.INTERNAL });
    case TicketCommand.ADD_ATTACHMENT:
      throw new Error('ADD_ATTACHMENT needs a stored upload: the property test does not generate it (test/e2e/attachments does)');
    case TicketCommand.REASSIGN:
      return new ReassignTicketCommand({ ...on, assignedUnit: args.assignedUnit, assignedOfficer: args.assignedOfficer });
  }
}

/**
 * The payload the handler hands to `transition` for `command` with `args`;
 * only the keys the table checks matter (requires), the rest is carried for
 * the replay (kind, opdCode, fieldResponse of a triage).
 */
export function payloadFor(command: TicketCommand, args: CommandArgs): Record<string, unknown> {
  switch (command) {
    case TicketCommand.TRIAGE:
      // Only the keys TRIAGE requires: whether the handler adds fieldResponse does not change the verdict.
      return { kind: args.kind, categoryCode: args.categoryCode, opdCode: args.opdCode };
    case TicketCommand.RESOLVE:
      return { note: `selesai: ${args.text}` };
    case TicketCommand.REOPEN:
    case TicketCommand.REJECT:
    case TicketCommand.RETURN:
    case TicketCommand.HOLD:
      return { reason: args.text };
    case TicketCommand.MARK_DUPLICATE:
      return { duplicateOfId: args.survivorId };
    case TicketCommand.ANSWER:
      return { answer: args.text };
    case TicketCommand.ADD_NOTE:
      return { text: args.text };
    case TicketCommand.REASSIGN:
      return { assignee: args.assignedOfficer };
    default:
      return {};
  }
}

