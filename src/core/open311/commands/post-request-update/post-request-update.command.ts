import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AddNoteCommand, NoteVisibility, PublicTicketReader, ReopenTicketCommand, TicketErrorCode, TicketException } from '../../../ticket';
import type { Ticket } from '../../../ticket';
import { PublicServiceCatalog } from '../../../opd';
import type { Open311Client } from '../../domain/open311-client.entity';
import { Open311Form, single } from '../../domain/open311-form';
import { Open311Error } from '../../domain/open311.error';
import { open311Status, updateIntent } from '../../domain/open311-status';
import { parseClientDateTime } from '../../domain/open311-time';
import { MAX_DESCRIPTION } from '../../domain/service-request.input';
import { open311Actor } from '../create-service-request/create-service-request.command';

/** A concurrent change (an OPD's note) between our read and our write is retried this often. */
const ATTEMPTS = 3;

/**
 * FixMyStreet's POST /servicerequestupdates from a citizen's app: a comment
 * on a request the same app filed, or a request to reopen it (REOPEN, or
 * OPEN on a closed request), which the lifecycle allows within the reopen
 * window. A comment is an internal note for the OPD: the citizen's words
 * are not republished in GET /servicerequestupdates (they may carry a name
 * or a phone number, and FixMyStreet would read its own comment back as the
 * regency's update).
 *
 * @example
 * await post.execute({ client, form: readOpen311Form({ service_request_id, status: 'REOPEN', description: 'Masih berlubang' }), timeZone });
 * // { updateId: '…', accountId: null }
 */
@Injectable()
export class PostRequestUpdate {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly tickets: PublicTicketReader,
    private readonly catalog: PublicServiceCatalog,
  ) {}

  async execute(p: { client: Open311Client; form: Open311Form; timeZone: string }): Promise<{ updateId: string; accountId: string | null }> {
    const problems = [...p.form.problems];
    const id = single(p.form, 'service_request_id', 40, problems);
    const status = single(p.form, 'status', 40, problems);
    const description = single(p.form, 'description', MAX_DESCRIPTION, problems);
    const updated = single(p.form, 'updated_datetime', 64, problems);
    const accountId = single(p.form, 'account_id', 200, problems);
    single(p.form, 'update_id', 200, problems);
    if (!id) problems.push('service_request_id is required');
    if (!status) problems.push('status is required');
    if (!description) problems.push('description is required');
    if (updated !== null && !parseClientDateTime(updated, p.timeZone)) problems.push('updated_datetime must be an ISO 8601 date-time such as 2026-12-02T09:30:00+08:00');
    if (problems.length || !id || !status || !description) throw Open311Error.badRequest(problems);

    const offered = (await this.catalog.services()).map((s) => s.code);
    for (let attempt = 1; ; attempt++) {
      const ticket = await this.tickets.byNumber(id, offered);
      if (!ticket) throw Open311Error.notFound(`service_request_id ${JSON.stringify(id)} not found`);
      const actor = open311Actor(p.client);
      if (ticket.createdBy !== actor.userId) throw Open311Error.forbidden('only the app that filed a request may post updates to it');
      const intent = updateIntent(status, open311Status(ticket.state));
      if (!intent) {
        throw Open311Error.badRequest([`status ${status.toUpperCase()} cannot be set by an app on a request that is ${open311Status(ticket.state)}: send OPEN or CLOSED with a comment, or REOPEN`]);
      }
      const envelope = { ticketId: ticket.id, expectedVersion: ticket.version, actor };
      try {
        const changed = await this.commandBus.execute<AddNoteCommand | ReopenTicketCommand, Ticket>(
          intent === 'REOPEN'
            ? new ReopenTicketCommand({ ...envelope, reason: description })
            : new AddNoteCommand({ ...envelope, text: description, visibility: NoteVisibility.INTERNAL }),
        );
        const updateId = await this.tickets.eventId(changed.id, changed.version);
        return { updateId: updateId ?? `${changed.number}:${changed.version}`, accountId };
      } catch (error) {
        if (!(error instanceof TicketException)) throw error;
        if (error.code === TicketErrorCode.VERSION_CONFLICT && attempt < ATTEMPTS) continue;
        if (error.code === TicketErrorCode.ILLEGAL_TRANSITION) {
          const detail = typeof error.details.detail === 'string' ? error.details.detail : error.message;
          throw Open311Error.badRequest([`the request cannot be reopened now: ${detail}`]);
        }
        throw Open311Error.badRequest([error.message]);
      }
    }
  }
}
