import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import { DistrictCheck } from '../../application/district.check';
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
  ) {}

  async execute(cmd: TriageTicketCommand): Promise<Ticket> {
    if (cmd.district) await this.districts.assertKnown(cmd.district);
    const emergency = cmd.kind === TicketKind.EMERGENCY;
    return this.runner.run(cmd, {
      command: TicketCommand.TRIAGE,
      payload: compact({
        kind: cmd.kind,
        categoryCode: cmd.categoryCode,
        opdCode: cmd.opdCode,
        priority: cmd.priority,
        fieldResponse: cmd.fieldResponse,
        district: cmd.district,
      }),
      apply: (ticket, now) => {
        ticket.kind = cmd.kind;
        ticket.categoryCode = cmd.categoryCode;
        ticket.opdCode = cmd.opdCode;
        ticket.priority = cmd.priority ?? (emergency ? TicketPriority.URGENT : ticket.priority);
        ticket.fieldResponse = cmd.fieldResponse ?? emergency;
        if (cmd.district) ticket.location.district = cmd.district;
        // The first triage is the call centre's milestone; a re-triage keeps it.
        ticket.triagedAt ??= now;
      },
    });
  }
}
