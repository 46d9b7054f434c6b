import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from '../../../infra/graphql/api-error';
import type { ActorContext } from '../../actor';
import { unauthenticated } from '../application/auth-errors';
import { Authenticator } from '../application/authenticator';
import type { Principal } from '../application/principal';
import { accessFor, isPublic } from '../domain/permissions';
import { PublicRateLimit } from './public-rate-limit';

/** The GraphQL context as the guard uses it. */
export interface AuthContext extends ActorContext {
  req: { headers: IncomingHttpHeaders; ip?: string };
  principal?: Promise<Principal | null>;
  /** The permission-table operation of each root field, by response key (aliases included). */
  operations?: Map<string, string>;
}

/**
 * Every GraphQL root field passes here (a global guard): authenticate once
 * per request, look the field up in the one permission table, refuse what it
 * does not grant, and hand the resolver the actor with its reach (own OPD or
 * all). A field missing from the table is refused for everyone: forgetting
 * a rule closes a door, it never opens one. Public fields called without
 * credentials are rate limited per client address, across instances.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly publicLimit: PublicRateLimit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const ctx = gql.getContext<AuthContext>();
    const operation = `${info.parentType.name}.${info.fieldName}`;
    ctx.principal ??= this.authenticator.authenticate(ctx.req.headers);
    const principal = await ctx.principal;
    (ctx.operations ??= new Map()).set(info.path.key, operation);

    if (isPublic(operation)) {
      // Only the anonymous are counted: the call centre's screens read categories all day from one address.
      if (!principal) await this.publicLimit.check(ctx.req, operation);
      if (principal) (ctx.actors ??= new Map()).set(info.path.key, principal.actor);
      return true;
    }
    if (!principal) throw unauthenticated('MISSING', 'Log in first: send Authorization: Bearer <access token>, or an OPD system\'s API key');
    const access = accessFor(operation, principal.actor.role);
    const keyAllows = principal.kind !== 'API_KEY' || principal.permissions.has(operation);
    if (!access || !keyAllows) {
      throw new ApiError('FORBIDDEN', `${principal.kind === 'API_KEY' ? 'This API key' : `The role ${principal.actor.role}`} may not use ${operation}`, { operation });
    }
    const { actor } = principal;
    // Fail closed: an OPD-bound account without an OPD must not read as "no restriction".
    if (access === 'OWN_OPD' && !actor.opdCode) throw new ApiError('FORBIDDEN', `${operation} needs an account that belongs to an OPD`, { operation });
    (ctx.actors ??= new Map()).set(info.path.key, { ...actor, restrictedToOpd: access === 'OWN_OPD' ? actor.opdCode : null });
    return true;
  }
}
