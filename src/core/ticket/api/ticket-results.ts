import { createUnionType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { TicketErrorCode, TicketException } from '../domain/ticket.exception';
import { TicketCommand, TicketState } from '../lifecycle';
import { TicketModel } from './ticket.model';

// Expected failures are data the client branches on (`... on VersionConflict`),
// not errors: a call taker's screen must say "someone else changed this" and
// offer a reload, not show "internal error".

@ObjectType({ description: 'The command was applied.' })
export class TicketChanged {
  @Field(() => TicketModel) ticket!: TicketModel;
}

@ObjectType({ description: 'A new ticket, or the same one again for a retried idempotency key.' })
export class TicketCreated {
  @Field(() => TicketModel) ticket!: TicketModel;
  @Field({ description: 'False when this answers a retry of an earlier request' }) created!: boolean;
}

@ObjectType({ description: 'The lifecycle does not allow the command now.' })
export class IllegalTransition {
  @Field() message!: string;
  @Field(() => TicketState) from!: TicketState;
  @Field(() => TicketCommand) command!: TicketCommand;
  @Field({ description: 'NOT_ALLOWED, GUARD_FAILED or MISSING_INPUT' }) reason!: string;
  @Field(() => [TicketCommand], { description: 'What the ticket accepts in its state' }) allowed!: TicketCommand[];
}

@ObjectType({ description: 'Someone changed the ticket since you read it: reload and retry.' })
export class VersionConflict {
  @Field() message!: string;
  @Field(() => ID) ticketId!: string;
  @Field(() => Int) currentVersion!: number;
}

@ObjectType()
export class TicketNotFound {
  @Field() message!: string;
  @Field() ref!: string;
}

@ObjectType({ description: 'The input breaks a domain rule; every problem is listed.' })
export class InvalidTicketInput {
  @Field() message!: string;
  @Field(() => [String]) problems!: string[];
}

@ObjectType({ description: 'The idempotency key was used before for a different report.' })
export class IdempotencyKeyReused {
  @Field() message!: string;
  @Field() key!: string;
}

export const TicketCommandResult = createUnionType({
  name: 'TicketCommandResult',
  types: () => [TicketChanged, IllegalTransition, VersionConflict, TicketNotFound, InvalidTicketInput] as const,
  resolveType: (value: object) => value.constructor,
});

export const CreateTicketResult = createUnionType({
  name: 'CreateTicketResult',
  types: () => [TicketCreated, InvalidTicketInput, IdempotencyKeyReused] as const,
  resolveType: (value: object) => value.constructor,
});

/** The only place a TicketException becomes API data. Anything else is rethrown. */
export function toFailure(error: unknown): IllegalTransition | VersionConflict | TicketNotFound | InvalidTicketInput | IdempotencyKeyReused {
  if (!(error instanceof TicketException)) throw error;
  const d = error.details;
  const message = error.message;
  switch (error.code) {
    case TicketErrorCode.ILLEGAL_TRANSITION:
      return Object.assign(new IllegalTransition(), {
        message,
        from: d.from,
        command: d.command,
        reason: d.reason,
        allowed: d.allowed,
      });
    case TicketErrorCode.VERSION_CONFLICT:
      return Object.assign(new VersionConflict(), { message, ticketId: d.ticketId, currentVersion: d.currentVersion });
    case TicketErrorCode.NOT_FOUND:
      return Object.assign(new TicketNotFound(), { message, ref: d.ref });
    case TicketErrorCode.INVALID_INPUT:
      return Object.assign(new InvalidTicketInput(), { message, problems: d.problems });
    case TicketErrorCode.IDEMPOTENCY_KEY_REUSED:
      return Object.assign(new IdempotencyKeyReused(), { message, key: d.key });
  }
}
