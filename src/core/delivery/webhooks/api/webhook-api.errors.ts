import { ApiError } from '../../../../infra/graphql/api-error';
import { WebhookErrorCode, WebhookException } from '../domain/webhook.exception';

/** Runs a use case and turns its WebhookException into the API's error code; the only place they meet. */
export async function atWebhookEdge<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WebhookException) {
      throw new ApiError(error.code === WebhookErrorCode.INVALID_INPUT ? 'BAD_USER_INPUT' : error.code, error.message, error.details);
    }
    throw error;
  }
}
