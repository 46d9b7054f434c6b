import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ActorRole } from '../../actor';

@ObjectType('StaffUser')
export class StaffUserModel {
  @Field(() => ID) id!: string;
  @Field() username!: string;
  @Field() displayName!: string;
  @Field(() => ActorRole) role!: ActorRole;
  @Field(() => String, { nullable: true }) opdCode!: string | null;
  @Field(() => [String], { description: 'BCP 47 tags; call takers\' languages route calls.' }) languages!: string[];
  @Field() active!: boolean;
  @Field(() => Int) version!: number;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('StaffUserWithPassword', { description: 'The one-time password is shown here once; its owner replaces it with changeMyPassword.' })
export class StaffUserWithPasswordModel {
  @Field(() => StaffUserModel) user!: StaffUserModel;
  @Field() temporaryPassword!: string;
}

@ObjectType('AuthTokens')
export class AuthTokensModel {
  @Field({ description: 'Send as Authorization: Bearer <accessToken>.' }) accessToken!: string;
  @Field(() => GraphQLISODateTime) accessTokenExpiresAt!: Date;
  @Field({ description: 'Single use: refreshSession returns a new one. Keep it secret.' }) refreshToken!: string;
  @Field(() => GraphQLISODateTime) refreshTokenExpiresAt!: Date;
}

@ObjectType('LoginResult')
export class LoginResultModel extends AuthTokensModel {
  @Field(() => StaffUserModel) user!: StaffUserModel;
}

@ObjectType('Me', { description: 'Who the credentials belong to.' })
export class MeModel {
  @Field({ description: 'Username, or apikey:<prefix> for an OPD system' }) id!: string;
  @Field(() => ActorRole) role!: ActorRole;
  @Field(() => String, { nullable: true }) opdCode!: string | null;
  @Field({ description: 'USER or API_KEY' }) kind!: string;
  @Field(() => [String], { description: 'Operations of the permission table these credentials may use.' }) operations!: string[];
}

@ObjectType('ApiKey')
export class ApiKeyModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'Identifies the key (sgp_<prefix>_…); the secret itself is never shown again.' }) prefix!: string;
  @Field() opdCode!: string;
  @Field(() => [String]) permissions!: string[];
  @Field() createdBy!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Within a minute.' }) lastUsedAt!: Date | null;
}

@ObjectType('ApiKeyCreated')
export class ApiKeyCreatedModel {
  @Field(() => ApiKeyModel) apiKey!: ApiKeyModel;
  @Field({ description: 'Shown once. Send as Authorization: ApiKey <secret> (or x-api-key).' }) secret!: string;
}

@ObjectType('ReporterAccess', { description: 'One read of a reporter\'s identity.' })
export class ReporterAccessModel {
  @Field(() => ID, { nullable: true, description: 'Null for a caller lookup as such (Query.callerHistory); see reporterPhone.' }) ticketId!: string | null;
  @Field(() => String, { nullable: true, description: 'For caller lookups: the phone number looked up (E.164).' }) reporterPhone!: string | null;
  @Field() actorId!: string;
  @Field() actorRole!: string;
  @Field(() => String, { nullable: true }) actorOpd!: string | null;
  @Field() operation!: string;
  @Field(() => GraphQLISODateTime) accessedAt!: Date;
}
