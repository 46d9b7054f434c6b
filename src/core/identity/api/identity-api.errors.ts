import { ApiError } from '../../../infra/graphql/api-error';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';

/** Runs a use case and turns its IdentityException into the API's error code. */
export async function atIdentityEdge<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof IdentityException) {
      throw new ApiError(error.code === IdentityErrorCode.INVALID_INPUT ? 'BAD_USER_INPUT' : error.code, error.message, error.details);
    }
    throw error;
  }
}
