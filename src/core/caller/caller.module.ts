import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CallerResolver } from './api/caller.resolver';
import { CallerFlags } from './application/caller-flags';
import { FlagCallerHandler } from './commands/flag-caller/flag-caller.handler';
import { UnflagCallerHandler } from './commands/unflag-caller/unflag-caller.handler';
import { CallerHistoryHandler } from './queries/caller-history/caller-history.handler';

/**
 * Callers as the call centre knows them, by phone: their earlier contacts
 * (asked of the ticket domain) and supervisors' prank/hoax flags (its own
 * table). Every lookup goes to identity's reporter access log.
 */
@Module({
  imports: [CqrsModule],
  providers: [CallerFlags, FlagCallerHandler, UnflagCallerHandler, CallerHistoryHandler, CallerResolver],
})
export class CallerModule {}
