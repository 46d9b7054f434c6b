import { Injectable } from '@nestjs/common';
import type { SqlRunner } from '../../../infra/database/sql-runner';
import type { AttachmentBinding, TicketAttachmentBinder } from '../../ticket';

const IDS = `(select cast(value as uuid) from jsonb_array_elements_text(cast(? as jsonb)))`;

/**
 * The ticket domain's TicketAttachmentBinder: binds the actor's own unbound
 * uploads to the ticket on the command's connection. The rows are locked
 * first (in id order, so two commands naming the same uploads queue instead
 * of deadlocking), which also keeps the cleanup job (SKIP LOCKED) off them.
 * An id that does not exist, belongs to someone else or was cleaned up reads
 * the same ("no upload of yours"), so ids of others cannot be probed.
 *
 * @example
 * { provide: TICKET_ATTACHMENT_BINDER, useExisting: AttachmentBinder }
 */
@Injectable()
export class AttachmentBinder implements TicketAttachmentBinder {
  async bind(sql: SqlRunner, { ticketId, seq, attachmentIds, actor, at }: AttachmentBinding): Promise<string[]> {
    const ids = [...new Set(attachmentIds)];
    const rows = await sql.query<{ id: string; uploaded_by: string; ticket_id: string | null }>(
      `select id, uploaded_by, ticket_id from attachment where id in ${IDS} order by id for update`,
      [JSON.stringify(ids)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const problems = ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row || row.uploaded_by !== actor.userId) return [`${id} is no upload of yours (unknown, someone else's, or expired and deleted)`];
      if (row.ticket_id) return [`${id} is already attached to a ticket`];
      return [];
    });
    if (problems.length) return problems;
    await sql.query(`update attachment set ticket_id = ?, bound_seq = ?, bound_at = ? where id in ${IDS}`, [ticketId, seq, at, JSON.stringify(ids)]);
    return [];
  }
}
