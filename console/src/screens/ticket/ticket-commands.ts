import { graphql } from '../../gql';

/** What a command needs besides the ticket and version: nothing, an optional note, a reason, a note, an answer. */
export type CommandInput = 'NONE' | 'OPTIONAL_NOTE' | 'REASON' | 'NOTE' | 'ANSWER';


/** The lifecycle commands this screen offers (others live on their own screens), with their mutation. */
export const COMMANDS = {
  ACKNOWLEDGE: { input: 'OPTIONAL_NOTE', operation: 'Mutation.acknowledgeTicket', document: graphql(`mutation CmdAcknowledge($input: OptionalNoteInput!) { acknowledgeTicket(input: $input) { __typename ... on TicketChanged { ticket { id version } } ... on VersionConflict { message currentVersion } ... on IllegalTransition { message } ... on InvalidTicketInput { message problems } ... on TicketNotFound { message } } }`) },
  DISPATCH: { input: 'NONE', operation: 'Mutation.dispatchTicket', document: graphql(`mutation CmdDispatch($input: DispatchTicketInput!) { dispatchTicket(input: $input) { __typename ... on TicketChanged { ticket { id version } } ... on VersionConflict { message currentVersion } ... on IllegalTransition { message } ... on InvalidTicketInput { message problems } ... on TicketNotFound { message } } }`) },
  DEPART: { input: 'NONE', operation: 'Mutation.departTicket', document: graphql(`mutation CmdDepart($input: DepartTicketInput!) { departTicket(input: $input) { __typename ... on TicketChanged { ticket { id version } } ... on VersionConflict { message currentVersion } ... on IllegalTransition { message } ... on InvalidTicketInput { message problems } ... on TicketNotFound { message } } }`) },
  HOLD: { input: 'REASON', operation: 'Mutation.holdTicket', document: graphql(`mutation CmdHold($input: ReasonInput!) { holdTicket(input: $input) { __typename ... on TicketChanged { ticket { id version } } ... on VersionConflict { message currentVersion } ... on IllegalTransition { message } ... on InvalidTicketInput { message problems } ... on TicketNotFound { message } } }`) },
  RESUME: { input: 'OPTIONAL_NOTE', operation: 'Mutation.resumeTicket', document: graphql(`mutation CmdResume($input: OptionalNoteInput!) { resumeTicket(input: $input) { __typename ... on TicketChanged { ticket { id version } } ... on VersionConflict { message currentVersion } ... on IllegalTransition { message } ... on InvalidTicketInput { message problems } ... on TicketNotFound { message } } }`) },
  RETURN: { input: 'REASON', operation: 'Mutation.returnTicket', document: graphql(`mutation CmdReturn($input: ReasonInput!) { returnTicket(input: $input) { __typename ... on TicketChanged { ticket { id version } } ... on VersionConflict { message currentVersion } ... on IllegalTransition { message } ... on InvalidTicketInput { message problems } ... on TicketNotFound { message } } }`) },
  REJECT: { input: 'REASON', operation: 'Mutation.rejectTicket', document: graphql(`mutation CmdReject($input: ReasonInput!) { rejectTicket(input: $input) { __typename ... on TicketChanged { ticket { id version } } ... on VersionConflict { message currentVersion } ... on IllegalTransition { message } ... on InvalidTicketInput { message problems } ... on TicketNotFound { message } } }`) },
  REOPEN: { input: 'REASON', operation: 'Mutation.reopenTicket', document: graphql(`mutation CmdReopen($input: ReasonInput!) { reopenTicket(input: $input) { __typename ... on TicketChanged { ticket { id version } } ... on VersionConflict { message currentVersion } ... on IllegalTransition { message } ... on InvalidTicketInput { message problems } ... on TicketNotFound { message } } }`) },
  RESOLVE: { input: 'NOTE', operation: 'Mutation.resolveTicket', document: graphql(`mutation CmdResolve($input: RequiredNoteInput!) { resolveTicket(input: $input) { __typename ... on TicketChanged { ticket { id version } } ... on VersionConflict { message currentVersion } ... on IllegalTransition { message } ... on InvalidTicketInput { message problems } ... on TicketNotFound { message } } }`) },
  CLOSE: { input: 'OPTIONAL_NOTE', operation: 'Mutation.closeTicket', document: graphql(`mutation CmdClose($input: OptionalNoteInput!) { closeTicket(input: $input) { __typename ... on TicketChanged { ticket { id version } } ... on VersionConflict { message currentVersion } ... on IllegalTransition { message } ... on InvalidTicketInput { message problems } ... on TicketNotFound { message } } }`) },
  ANSWER: { input: 'ANSWER', operation: 'Mutation.answerTicket', document: graphql(`mutation CmdAnswer($input: AnswerTicketInput!) { answerTicket(input: $input) { __typename ... on TicketChanged { ticket { id version } } ... on VersionConflict { message currentVersion } ... on IllegalTransition { message } ... on InvalidTicketInput { message problems } ... on TicketNotFound { message } } }`) },
} as const;

export type ScreenCommand = keyof typeof COMMANDS;

/** The input object of `command` for the ticket at `expectedVersion`, with the text typed (if it takes one). */
export function commandInput(command: ScreenCommand, ticketId: string, expectedVersion: number, text: string): Record<string, unknown> {
  const base = { ticketId, expectedVersion };
  switch (COMMANDS[command].input) {
    case 'NONE':
      return base;
    case 'OPTIONAL_NOTE':
      return { ...base, note: text.trim() || null };
    case 'REASON':
      return { ...base, reason: text.trim() };
    case 'NOTE':
      return { ...base, note: text.trim() };
    case 'ANSWER':
      return { ...base, answer: text.trim() };
  }
}
