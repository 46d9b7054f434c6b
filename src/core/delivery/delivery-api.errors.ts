import { ApiError } from '../../infra/graphql/api-error';
import { DeliveryErrorCode, DeliveryException } from './delivery.exception';

/** Runs a use case and turns its DeliveryException into the API's error code; the only place they meet. */
export async function atDeliveryEdge<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DeliveryException) {
      throw new ApiError(error.code === DeliveryErrorCode.INVALID_INPUT ? 'BAD_USER_INPUT' : error.code, error.message, error.details);
    }
    throw error;
  }
}
