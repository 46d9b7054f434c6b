import { DomainException } from '../../shared';

export enum CallerErrorCode {
  /** Not a phone number (E.164 after normalising), or a reason missing or too long. */
  INVALID_INPUT = 'INVALID_INPUT',
  ALREADY_FLAGGED = 'CALLER_ALREADY_FLAGGED',
  NOT_FLAGGED = 'CALLER_NOT_FLAGGED',
}

/** The caller domain's one exception; the resolver maps it to an API code. */
export class CallerException extends DomainException<CallerErrorCode> {
  static invalidInput(problem: string): CallerException {
    return new CallerException(CallerErrorCode.INVALID_INPUT, problem, { problems: [problem] });
  }

  static alreadyFlagged(phone: string, since: Date): CallerException {
    return new CallerException(CallerErrorCode.ALREADY_FLAGGED, `This caller is already flagged (since ${since.toISOString()}); unflag first to change the reason`, {
      flaggedAt: since.toISOString(),
      phone,
    });
  }

  static notFlagged(phone: string): CallerException {
    return new CallerException(CallerErrorCode.NOT_FLAGGED, 'This caller is not flagged', { phone });
  }
}
