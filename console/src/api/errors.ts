import { CombinedGraphQLErrors } from '@apollo/client';

/**
 * The API's error code of a failed request (`extensions.code`: INVALID_CREDENTIALS, LOGIN_LOCKED, FORBIDDEN,
 * BAD_USER_INPUT, …), or NETWORK when the server could not be reached: the i18n key `errors.code.<CODE>`
 * says it in the user's language.
 */
export function errorCode(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.['code'];
    return typeof code === 'string' ? code : 'UNKNOWN';
  }
  return 'NETWORK';
}

/** The server's own message of the first GraphQL error (already meant for people), if any. */
export function errorMessage(error: unknown): string | null {
  return CombinedGraphQLErrors.is(error) ? (error.errors[0]?.message ?? null) : null;
}
