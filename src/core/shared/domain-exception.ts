/**
 * What every domain's one exception class shares: a code from the domain's
 * enum, a message for people, details for machines. The API edge maps the
 * code; nothing else inspects messages.
 *
 * @example
 * export class SlaException extends DomainException<SlaErrorCode> {
 *   static calendarNotFound(code: string) { return new SlaException(SlaErrorCode.CALENDAR_NOT_FOUND, `No calendar ${code}`, { code }); }
 * }
 */
export abstract class DomainException<Code extends string> extends Error {
  protected constructor(
    readonly code: Code,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
