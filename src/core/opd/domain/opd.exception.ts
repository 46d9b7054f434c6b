import { DomainException } from '../../shared';
/** Every expected way an OPD catalog operation can fail. */
export enum OpdErrorCode {
  CATEGORY_NOT_FOUND = 'CATEGORY_NOT_FOUND',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  INVALID_INPUT = 'INVALID_INPUT',
}

/**
 * The one exception of the OPD catalog domain; the API edge maps it to typed results.
 *
 * @example
 * throw OpdException.categoryNotFound('POHON_TUMBANG');
 */
export class OpdException extends DomainException<OpdErrorCode> {

  static categoryNotFound(code: string): OpdException {
    return new OpdException(OpdErrorCode.CATEGORY_NOT_FOUND, `No category ${code}`, { code });
  }

  static versionConflict(code: string, currentVersion: number): OpdException {
    return new OpdException(OpdErrorCode.VERSION_CONFLICT, `Category ${code} was changed meanwhile (now version ${currentVersion})`, {
      code,
      currentVersion,
    });
  }

  static invalidInput(problems: string[]): OpdException {
    return new OpdException(OpdErrorCode.INVALID_INPUT, problems.join('; '), { problems });
  }
}
