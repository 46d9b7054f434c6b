import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK } from '../../../../infra/clock/clock';
import { CallerFlags } from '../../application/caller-flags';
import type { CallerFlag } from '../../domain/caller-flag.entity';
import { callerPhone, flagReason } from '../../domain/caller-phone';
import { UnflagCallerCommand } from './unflag-caller.command';

@CommandHandler(UnflagCallerCommand)
export class UnflagCallerHandler implements ICommandHandler<UnflagCallerCommand, CallerFlag> {
  constructor(
    private readonly flags: CallerFlags,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(cmd: UnflagCallerCommand): Promise<CallerFlag> {
    return this.flags.clear(callerPhone(cmd.phone), flagReason(cmd.reason), cmd.actor, this.clock.now());
  }
}
