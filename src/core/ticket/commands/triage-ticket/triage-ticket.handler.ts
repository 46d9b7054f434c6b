import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CategoryRouting } from '../../application/category-routing';
import { DistrictCheck } from '../../application/district.check';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketKind, TicketPriority } from '../../domain/ticket.enums';
import { TicketCommand } from '../../lifecycle';
import { compact } from '../ticket-command.base';
import { TriageTicketCommand } from './triage-ticket.command';

@CommandHandler(TriageTicketCommand)
export class TriageTicketHandler implements ICommandHandler<TriageTicketCommand, Ticket> {
  constructor(
    private readonly runner: TicketCommandRunner,
    private readonly districts: DistrictCheck,
    private readonly routing: CategoryRouting,
  ) {}

  async execute(cmd: TriageTicketCommand): Promise<Ticket> {
    if (cmd.district) await this.districts.assertKnown(cmd.district);
    const emergency = cmd.kind === TicketKind.EMERGENCY;
    const payload = compact({
      kind: cmd.kind,
      categoryCode: cmd.categoryCode,
      priority: cmd.priority,
      fieldResponse: cmd.fieldResponse,
      district: cmd.district,
      attributes: Object.keys(cmd.attributes).length ? cmd.attributes : null,
    });
    return this.runner.run(cmd, {
      command: TicketCommand.TRIAGE,
      payload,
      apply: async (ticket, now, em) => {
        // Answers given earlier count, unless they answered another category's
        // questions (a transfer): those stay in the event log, not on the ticket.
        const earlier = ticket.categoryCode === null || ticket.categoryCode === cmd.categoryCode ? ticket.attributes : {};
        const route = await this.routing.route(em, cmd.categoryCode, cmd.opdCode, { ...earlier, ...cmd.attributes });
        // The event is written after this effect: it records where the category routed the ticket.
        payload.opdCode = route.opdCode;
        ticket.kind = cmd.kind;
        ticket.categoryCode = route.categoryCode;
        ticket.opdCode = route.opdCode;
        ticket.attributes = route.attributes;
        ticket.priority = cmd.priority ?? (emergency ? TicketPriority.URGENT : ticket.priority);
        ticket.fieldResponse = cmd.fieldResponse ?? (emergency || route.fieldResponse);
        if (cmd.district) ticket.location.district = cmd.district;
        // The first triage is the call centre's milestone; a re-triage keeps it.
        ticket.triagedAt ??= now;
      },
    });
  }
}
