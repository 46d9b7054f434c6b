import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import { AuthService } from '../application/auth.service';
import { IdentityBootstrap } from '../application/identity-bootstrap';
import { accessFor, OPERATIONS } from '../domain/permissions';
import type { AuthContext } from './authorization.guard';
import { atIdentityEdge } from './identity-api.errors';
import { ChangeMyPasswordInput, LoginInput, SetupFirstAdminInput } from './identity.inputs';
import { toStaffUserModel } from './identity.mapper';
import { AuthTokensModel, LoginResultModel, MeModel, StaffUserModel } from './identity.model';

/** Logging in and out, refreshing, the first admin, and "who am I". */
@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly bootstrap: IdentityBootstrap,
  ) {}

  @Mutation(() => LoginResultModel, { description: 'Repeated failures lock the account for a growing time (LOGIN_LOCKED).' })
  login(@Args('input') input: LoginInput): Promise<LoginResultModel> {
    return atIdentityEdge(async () => {
      const { user, tokens } = await this.auth.login(input.username, input.password);
      return { ...tokens, user: toStaffUserModel(user) };
    });
  }

  @Mutation(() => AuthTokensModel, { description: 'New tokens for a refresh token, which is then spent; a spent one presented again ends the session.' })
  refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthTokensModel> {
    return atIdentityEdge(() => this.auth.refresh(refreshToken.slice(0, 256)));
  }

  @Mutation(() => Boolean, { description: 'Ends this session: its access and refresh tokens stop working.' })
  async logout(@Context() ctx: AuthContext): Promise<boolean> {
    const principal = await ctx.principal;
    if (principal?.kind === 'USER') await this.auth.logout(principal.sessionId);
    return true;
  }

  @Mutation(() => Boolean)
  changeMyPassword(@Args('input') input: ChangeMyPasswordInput, @CurrentActor() actor: Actor): Promise<boolean> {
    return atIdentityEdge(async () => {
      await this.auth.changePassword(actor.userId, input.currentPassword, input.newPassword);
      return true;
    });
  }

  @Mutation(() => StaffUserModel, { description: 'Creates the first admin with the one-time secret printed at first boot.' })
  setupFirstAdmin(@Args('input') input: SetupFirstAdminInput): Promise<StaffUserModel> {
    return atIdentityEdge(async () => toStaffUserModel(await this.bootstrap.setupFirstAdmin(input.secret, input, input.password)));
  }

  @Query(() => MeModel)
  async me(@CurrentActor() actor: Actor, @Context() ctx: AuthContext): Promise<MeModel> {
    const principal = await ctx.principal;
    const kind = principal?.kind ?? 'USER';
    const operations = OPERATIONS.filter((op) => accessFor(op, actor.role) && (principal?.kind !== 'API_KEY' || principal.permissions.has(op)));
    return { id: actor.userId, role: actor.role, opdCode: actor.opdCode, kind, operations };
  }
}
