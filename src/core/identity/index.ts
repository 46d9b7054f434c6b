// The identity domain's public face: only what other domains need.
export { STAFF_RELATION_SQL } from './application/staff-relation';
export { ReporterAccessRecorder } from './application/reporter-access.recorder';
// A type for an entity relation (the notification's recipient); loading it never loads the domain.
export type { StaffUser } from './domain/staff-user.entity';
// Authenticating plain HTTP routes (POST /attachments) exactly like GraphQL, and the one permission table.
export { Authenticator } from './application/authenticator';
export type { Principal } from './application/principal';
export { accessFor } from './domain/permissions';
