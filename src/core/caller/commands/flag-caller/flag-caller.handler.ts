import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK } from '../../../../infra/clock/clock';
import { CallerFlags } from '../../application/caller-flags';
import type { CallerFlag } from '../../domain/caller-flag.entity';
import { callerPhone, flagReason } from '../../domain/caller-phone';
import { FlagCallerCommand } from './flag-caller.command';

@CommandHandler(FlagCallerCommand)
export class FlagCallerHandler implements ICommandHandler<FlagCallerCommand, CallerFlag> {
  constructor(
    private readonly flags: CallerFlags,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(cmd: FlagCallerCommand): Promise<CallerFlag> {
    return this.flags.flag(callerPhone(cmd.phone), flagReason(cmd.reason), cmd.actor, this.clock.now());
  }
}
