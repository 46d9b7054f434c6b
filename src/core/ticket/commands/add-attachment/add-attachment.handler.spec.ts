import { TicketErrorCode } from '../../domain/ticket.exception';
import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, missingRequiredInputs, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { AddAttachmentCommand } from './add-attachment.command';
import { AddAttachmentHandler } from './add-attachment.handler';

const PHOTO = '0b6f3c1e-8d0a-4d55-9a40-3f1c2b7e9a01';

describe('AddAttachmentHandler', () => {
  it('names the uploads in the event and for binding, and changes no field', async () => {
    const runner = new CapturingRunner();
    const before = { ...runner.ticket };
    await new AddAttachmentHandler(runner as unknown as TicketCommandRunner).execute(
      new AddAttachmentCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, attachmentIds: [PHOTO, PHOTO], caption: 'Pohon tumbang' }),
    );
    expect(runner.spec.command).toBe(TicketCommand.ADD_ATTACHMENT);
    expect(runner.spec.payload).toEqual({ attachmentIds: [PHOTO], caption: 'Pohon tumbang' });
    expect(runner.spec.attachmentIds).toEqual([PHOTO]);
    expect(missingRequiredInputs(TicketCommand.ADD_ATTACHMENT, runner.spec.payload)).toEqual([]);
    expect(runner.spec.apply).toBeUndefined();
    expect({ ...runner.ticket }).toEqual(before);
  });

  it('refuses an empty list without running', async () => {
    const runner = new CapturingRunner();
    await expect(
      new AddAttachmentHandler(runner as unknown as TicketCommandRunner).execute(new AddAttachmentCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, attachmentIds: [] })),
    ).rejects.toMatchObject({ code: TicketErrorCode.INVALID_INPUT });
    expect(runner.calls).toHaveLength(0);
  });
});
