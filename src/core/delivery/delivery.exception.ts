import { DomainException } from '../shared';

/** Every expected way a delivery operation (notifications, dead letters) can fail. */
export enum DeliveryErrorCode {
  /** Unknown, or not the caller's: another user's notification is not found, never forbidden. */
  NOT_FOUND = 'NOT_FOUND',
  INVALID_INPUT = 'INVALID_INPUT',
}

/**
 * The one exception of the delivery domain; the API edge maps it to error codes.
 *
 * @example
 * throw DeliveryException.notFound('notification', id);
 */
export class DeliveryException extends DomainException<DeliveryErrorCode> {
  static notFound(what: 'notification' | 'dead letter', id: string): DeliveryException {
    return new DeliveryException(DeliveryErrorCode.NOT_FOUND, `No ${what} ${id}`, { id });
  }

  static invalidInput(problem: string): DeliveryException {
    return new DeliveryException(DeliveryErrorCode.INVALID_INPUT, problem, { problems: [problem] });
  }
}
