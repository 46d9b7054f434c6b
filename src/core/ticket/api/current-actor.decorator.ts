import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from '../../../infra/graphql/api-error';
import type { Actor } from '../domain/actor';
import { ActorRole } from '../domain/ticket.enums';

const USER = /^[A-Za-z0-9._@-]{1,64}$/;
const OPD = /^[A-Z][A-Z0-9_-]{1,47}$/;

/**
 * The actor seam. Until authentication lands (its own issue), the calling
 * frontend states who acts in headers; authentication will replace this one
 * function and nothing downstream changes. Not a security boundary yet.
 */
export function actorFromHeaders(headers: IncomingHttpHeaders): Actor {
  const userId = single(headers['x-sigap-user']);
  const role = single(headers['x-sigap-role']);
  const opd = single(headers['x-sigap-opd']);
  if (!userId || !role) {
    throw new ApiError('UNAUTHENTICATED', 'Commands need an actor: send the x-sigap-user and x-sigap-role headers');
  }
  if (!USER.test(userId)) throw new ApiError('UNAUTHENTICATED', 'x-sigap-user must be 1-64 letters, digits or ._@-');
  if (!(Object.values(ActorRole) as string[]).includes(role)) {
    throw new ApiError('UNAUTHENTICATED', `x-sigap-role must be one of ${Object.values(ActorRole).join(', ')}`);
  }
  if (opd && !OPD.test(opd)) throw new ApiError('UNAUTHENTICATED', 'x-sigap-opd must be an OPD code');
  return { userId, role: role as ActorRole, opdCode: opd ?? null };
}

function single(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.trim() || undefined;
}

/** Injects the {@link Actor} of the current GraphQL request. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const req = GqlExecutionContext.create(context).getContext<{ req: { headers: IncomingHttpHeaders } }>().req;
  return actorFromHeaders(req.headers);
});
