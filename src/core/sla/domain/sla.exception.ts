import { DomainException } from '../../shared';
/** Every expected way an SLA operation can fail. */
export enum SlaErrorCode {
  POLICY_NOT_FOUND = 'POLICY_NOT_FOUND',
  CALENDAR_NOT_FOUND = 'CALENDAR_NOT_FOUND',
  ESCALATION_NOT_FOUND = 'ESCALATION_NOT_FOUND',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  INVALID_INPUT = 'INVALID_INPUT',
}

/**
 * The one exception of the SLA domain; the API edge maps it to error codes.
 *
 * @example
 * throw SlaException.calendarNotFound('WORKING_DAYS');
 */
export class SlaException extends DomainException<SlaErrorCode> {

  static policyNotFound(id: string): SlaException {
    return new SlaException(SlaErrorCode.POLICY_NOT_FOUND, `No SLA policy ${id}`, { id });
  }

  static calendarNotFound(code: string): SlaException {
    return new SlaException(SlaErrorCode.CALENDAR_NOT_FOUND, `No calendar ${code}`, { code });
  }

  static escalationNotFound(id: string): SlaException {
    return new SlaException(SlaErrorCode.ESCALATION_NOT_FOUND, `No escalation ${id}`, { id });
  }

  static versionConflict(what: string, currentVersion: number): SlaException {
    return new SlaException(SlaErrorCode.VERSION_CONFLICT, `${what} was changed meanwhile (now version ${currentVersion})`, { currentVersion });
  }

  static invalidInput(problems: string[]): SlaException {
    return new SlaException(SlaErrorCode.INVALID_INPUT, problems.join('; '), { problems });
  }
}
