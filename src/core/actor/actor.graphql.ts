import { registerEnumType } from '@nestjs/graphql';
import { ActorRole } from './actor';

// The enum stays framework-free; GraphQL learns its name here, once, for every domain that shows a role.
registerEnumType(ActorRole, { name: 'ActorRole' });
