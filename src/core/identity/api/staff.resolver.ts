import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { StaffDirectory } from '../application/staff-directory';
import { IdentityException } from '../domain/identity.exception';
import { atIdentityEdge } from './identity-api.errors';
import { CreateStaffUserInput, UpdateStaffUserInput } from './identity.inputs';
import { toStaffUserModel } from './identity.mapper';
import { StaffUserModel, StaffUserWithPasswordModel } from './identity.model';

/** Staff accounts (admins). */
@Resolver()
export class StaffResolver {
  constructor(private readonly staff: StaffDirectory) {}

  @Query(() => [StaffUserModel])
  async staffUsers(): Promise<StaffUserModel[]> {
    return (await this.staff.list()).map(toStaffUserModel);
  }

  @Mutation(() => StaffUserWithPasswordModel, { description: 'Creates an account with a one-time password, shown once.' })
  createStaffUser(@Args('input') input: CreateStaffUserInput): Promise<StaffUserWithPasswordModel> {
    return atIdentityEdge(async () => {
      const { user, temporaryPassword } = await this.staff.create(input);
      return { user: toStaffUserModel(user), temporaryPassword: temporaryPassword! };
    });
  }

  @Mutation(() => StaffUserModel, { description: 'Changes role, OPD, languages or name, or deactivates; a role or OPD change ends the user\'s sessions.' })
  updateStaffUser(@Args('input') input: UpdateStaffUserInput): Promise<StaffUserModel> {
    const { id, expectedVersion, ...change } = input;
    return atIdentityEdge(async () => toStaffUserModel(await this.staff.update(id, expectedVersion, change)));
  }

  @Mutation(() => StaffUserWithPasswordModel, { description: 'A new one-time password (shown once); ends the user\'s sessions.' })
  resetStaffPassword(@Args('id', { type: () => ID }) id: string): Promise<StaffUserWithPasswordModel> {
    return atIdentityEdge(async () => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw IdentityException.userNotFound(id);
      const { user, temporaryPassword } = await this.staff.resetPassword(id);
      return { user: toStaffUserModel(user), temporaryPassword };
    });
  }
}
