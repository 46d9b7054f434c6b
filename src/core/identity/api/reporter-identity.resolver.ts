import { Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { ReporterModel, TicketModel, withheldReporter } from '../../ticket';
import type { Actor } from '../../actor';
import { ReporterAccessRecorder } from '../application/reporter-access.recorder';
import { accessFor, IDENTITY_OF_ANONYMOUS } from '../domain/permissions';
import type { AuthContext } from './authorization.guard';

interface ReporterContext extends AuthContext {
  /** One recorder per root field: each has its own actor (reach) and operation. */
  reporterReads?: Map<string, DataLoader<string, true>>;
}

const FIELD = 'Ticket.reporter';

/**
 * `Ticket.reporter`, wherever a ticket appears (one ticket, lists, command
 * results): name, phone, e-mail and NIK only for roles that need them, of
 * their own OPD's tickets, and for anonymous reports only for the call
 * centre. Every read of an identity is recorded (who, when, which ticket,
 * which operation), in one insert per root field of a request.
 */
@Resolver(() => TicketModel)
export class ReporterIdentityResolver {
  constructor(private readonly log: ReporterAccessRecorder) {}

  @ResolveField(() => ReporterModel)
  async reporter(@Parent() ticket: TicketModel, @Context() ctx: ReporterContext, @Info() info: GraphQLResolveInfo): Promise<ReporterModel> {
    const root = rootKey(info.path);
    const actor = ctx.actors?.get(root);
    const principal = await ctx.principal;
    const full = ticket.reporterOnRecord;
    const withheld = withheldReporter(full);
    if (!actor || !mayRead(actor, ticket, principal?.kind === 'API_KEY' ? principal.permissions : null)) return withheld;
    if (full.name || full.phone || full.email || full.nik) {
      const readers = (ctx.reporterReads ??= new Map<string, DataLoader<string, true>>());
      if (!readers.has(root)) readers.set(root, this.recorder(actor, ctx.operations?.get(root) ?? root));
      await readers.get(root)!.load(ticket.id);
    }
    return { ...full, identityVisible: true };
  }

  private recorder(actor: Actor, operation: string): DataLoader<string, true> {
    return new DataLoader(async (ticketIds: readonly string[]) => {
      await this.log.ticketsRead(actor, operation, ticketIds);
      return ticketIds.map(() => true as const);
    });
  }
}

function mayRead(actor: Actor, ticket: TicketModel, keyPermissions: ReadonlySet<string> | null): boolean {
  const access = accessFor(FIELD, actor.role);
  if (!access || (keyPermissions && !keyPermissions.has(FIELD))) return false;
  if (access === 'OWN_OPD' && ticket.opdCode !== actor.opdCode) return false;
  return !ticket.reporter.anonymous || IDENTITY_OF_ANONYMOUS.has(actor.role);
}

/** The response key of the root field a nested field hangs under. */
function rootKey(path: GraphQLResolveInfo['path']): string {
  let node = path;
  while (node.prev) node = node.prev;
  return String(node.key);
}
