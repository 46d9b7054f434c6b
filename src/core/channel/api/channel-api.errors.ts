import { ApiError } from '../../../infra/graphql/api-error';
import { ChannelErrorCode, ChannelException } from '../domain/channel.exception';

/** Runs a use case and turns its ChannelException into the API's error code; the only place they meet. */
export async function atChannelEdge<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ChannelException) {
      throw new ApiError(error.code === ChannelErrorCode.INVALID_INPUT ? 'BAD_USER_INPUT' : error.code, error.message, error.details);
    }
    throw error;
  }
}
