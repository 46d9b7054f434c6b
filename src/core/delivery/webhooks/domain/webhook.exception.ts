import { DomainException } from '../../../shared';

/** Every expected way a webhook operation can fail. */
export enum WebhookErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  WEBHOOK_ENDPOINT_NOT_FOUND = 'WEBHOOK_ENDPOINT_NOT_FOUND',
  WEBHOOK_DELIVERY_NOT_FOUND = 'WEBHOOK_DELIVERY_NOT_FOUND',
  /** Its endpoint is disabled: enable it first. */
  WEBHOOK_ENDPOINT_DISABLED = 'WEBHOOK_ENDPOINT_DISABLED',
  /** Being sent right now; ask again once the attempt has ended. */
  WEBHOOK_DELIVERY_IN_FLIGHT = 'WEBHOOK_DELIVERY_IN_FLIGHT',
}

/**
 * The one exception of outbound webhooks; the API edge maps it to error codes
 * (INVALID_INPUT becomes BAD_USER_INPUT). Another OPD's endpoint is "not
 * found", exactly like an unknown id.
 *
 * @example
 * throw WebhookException.endpointNotFound(id);
 */
export class WebhookException extends DomainException<WebhookErrorCode> {
  static invalidInput(problems: string[]): WebhookException {
    return new WebhookException(WebhookErrorCode.INVALID_INPUT, problems.join('; '), { problems });
  }

  static endpointNotFound(id: string): WebhookException {
    return new WebhookException(WebhookErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND, `No webhook endpoint ${id}`, { id });
  }

  static deliveryNotFound(id: string): WebhookException {
    return new WebhookException(WebhookErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, `No webhook delivery ${id}`, { id });
  }

  static endpointDisabled(id: string): WebhookException {
    return new WebhookException(WebhookErrorCode.WEBHOOK_ENDPOINT_DISABLED, `The webhook endpoint ${id} is disabled; enable it first`, { id });
  }

  static deliveryInFlight(id: string): WebhookException {
    return new WebhookException(WebhookErrorCode.WEBHOOK_DELIVERY_IN_FLIGHT, `The webhook delivery ${id} is being sent; try again when the attempt has ended`, { id });
  }
}
