/**
 * What an actor asks of a ticket. Creating a ticket is deliberately absent:
 * every ticket is born in `TicketState.NEW`, so creation is not a transition.
 *
 * @example
 * transition(snapshot, TicketCommand.DISPATCH, {}, context);
 */
export enum TicketCommand {
  TRIAGE = 'TRIAGE',
  DISPATCH = 'DISPATCH',
  ACKNOWLEDGE = 'ACKNOWLEDGE',
  DEPART = 'DEPART',
  ARRIVE = 'ARRIVE',
  RESOLVE = 'RESOLVE',
  CLOSE = 'CLOSE',
  REOPEN = 'REOPEN',
  REJECT = 'REJECT',
  MARK_DUPLICATE = 'MARK_DUPLICATE',
  RETURN = 'RETURN',
  HOLD = 'HOLD',
  RESUME = 'RESUME',
  ANSWER = 'ANSWER',
  ADD_NOTE = 'ADD_NOTE',
  /** Uploads (photos, voice notes, documents) bound to the ticket; allowed in every state, like a note. */
  ADD_ATTACHMENT = 'ADD_ATTACHMENT',
  REASSIGN = 'REASSIGN',
}
