import { ApiError } from '../../../infra/graphql/api-error';
import { SlaErrorCode, SlaException } from '../domain/sla.exception';

/** Runs a use case and turns its SlaException into the API's error code; the only place they meet. */
export async function atSlaEdge<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SlaException) {
      throw new ApiError(error.code === SlaErrorCode.INVALID_INPUT ? 'BAD_USER_INPUT' : error.code, error.message, error.details);
    }
    throw error;
  }
}
