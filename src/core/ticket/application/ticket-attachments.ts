import type { SqlRunner } from '../../../infra/database/sql-runner';
import { TicketException } from '../domain/ticket.exception';
import type { AttachmentBinding, TicketAttachmentBinder } from './ticket-attachment.binder';

/**
 * Binds a command's uploads through the port, or fails the command with
 * InvalidTicketInput naming each refused id; thrown inside the transaction,
 * so nothing of the command (and no binding) is kept.
 *
 * @example
 * await bindAttachments(binder, entityManagerSql(tx), { ticketId, seq: 4, attachmentIds, actor, at: now });
 */
export async function bindAttachments(binder: TicketAttachmentBinder | null, sql: SqlRunner, binding: AttachmentBinding): Promise<void> {
  if (!binder) throw TicketException.invalidInput(['attachmentIds: attachments are not available on this server']);
  const problems = await binder.bind(sql, binding);
  if (problems.length) throw TicketException.invalidInput(problems.map((p) => `attachmentIds: ${p}`));
}
