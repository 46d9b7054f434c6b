import { NoteVisibility } from '../../domain/ticket.enums';
import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, missingRequiredInputs, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { AddNoteCommand } from './add-note.command';
import { AddNoteHandler } from './add-note.handler';

describe('AddNoteHandler', () => {
  it('puts text and visibility in the event and changes no field', async () => {
    const runner = new CapturingRunner();
    const before = { ...runner.ticket };
    await new AddNoteHandler(runner as unknown as TicketCommandRunner).execute(
      new AddNoteCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, text: 'Reporter called again', visibility: NoteVisibility.INTERNAL }),
    );
    expect(runner.spec.command).toBe(TicketCommand.ADD_NOTE);
    expect(runner.spec.payload).toEqual({ text: 'Reporter called again', visibility: NoteVisibility.INTERNAL });
    expect(missingRequiredInputs(TicketCommand.ADD_NOTE, runner.spec.payload)).toEqual([]);
    expect(runner.spec.apply).toBeUndefined();
    expect({ ...runner.ticket }).toEqual(before);
  });
});
