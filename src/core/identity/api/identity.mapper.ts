import type { ApiKey } from '../domain/api-key.entity';
import type { StaffUser } from '../domain/staff-user.entity';
import type { ApiKeyModel, StaffUserModel } from './identity.model';

export function toStaffUserModel(user: StaffUser): StaffUserModel {
  return {
    id: user.id, username: user.username, displayName: user.displayName, role: user.role, opdCode: user.opdCode,
    languages: user.languages, active: user.active, version: user.version, createdAt: user.createdAt,
  };
}

export function toApiKeyModel(key: ApiKey): ApiKeyModel {
  return {
    id: key.id, name: key.name, prefix: key.prefix, opdCode: key.opdCode, permissions: key.permissions,
    createdBy: key.createdBy, createdAt: key.createdAt, revokedAt: key.revokedAt, lastUsedAt: key.lastUsedAt,
  };
}
