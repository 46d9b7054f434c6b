import { DomainException } from '../../shared';
/** Every expected way an identity operation can fail. */
export enum IdentityErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  LOGIN_LOCKED = 'LOGIN_LOCKED',
  INVALID_REFRESH_TOKEN = 'INVALID_REFRESH_TOKEN',
  SETUP_CLOSED = 'SETUP_CLOSED',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  API_KEY_NOT_FOUND = 'API_KEY_NOT_FOUND',
  USERNAME_TAKEN = 'USERNAME_TAKEN',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  INVALID_INPUT = 'INVALID_INPUT',
}

/**
 * The one exception of the identity domain; the API edge maps it to error codes.
 *
 * @example
 * throw IdentityException.locked(120);
 */
export class IdentityException extends DomainException<IdentityErrorCode> {

  static invalidCredentials(): IdentityException {
    return new IdentityException(IdentityErrorCode.INVALID_CREDENTIALS, 'Wrong username or password');
  }

  static locked(retryAfterSeconds: number): IdentityException {
    return new IdentityException(IdentityErrorCode.LOGIN_LOCKED, `Too many failed logins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }

  static invalidRefreshToken(): IdentityException {
    return new IdentityException(IdentityErrorCode.INVALID_REFRESH_TOKEN, 'The refresh token is not valid (expired, revoked or already used): log in again');
  }

  static setupClosed(): IdentityException {
    return new IdentityException(IdentityErrorCode.SETUP_CLOSED, 'Setup is closed: an admin exists, or the setup secret is wrong or expired');
  }

  static userNotFound(id: string): IdentityException {
    return new IdentityException(IdentityErrorCode.USER_NOT_FOUND, `No staff user ${id}`, { id });
  }

  static apiKeyNotFound(id: string): IdentityException {
    return new IdentityException(IdentityErrorCode.API_KEY_NOT_FOUND, `No API key ${id}`, { id });
  }

  static usernameTaken(username: string): IdentityException {
    return new IdentityException(IdentityErrorCode.USERNAME_TAKEN, `The username ${username} is taken`, { username });
  }

  static versionConflict(currentVersion: number): IdentityException {
    return new IdentityException(IdentityErrorCode.VERSION_CONFLICT, `Changed meanwhile (now version ${currentVersion})`, { currentVersion });
  }

  static invalidInput(problems: string[]): IdentityException {
    return new IdentityException(IdentityErrorCode.INVALID_INPUT, problems.join('; '), { problems });
  }
}
