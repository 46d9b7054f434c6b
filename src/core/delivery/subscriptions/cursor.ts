import { ApiError } from '../../../infra/graphql/api-error';

/**
 * A subscription cursor: the position of an event in the published stream,
 * as the decimal text the client got in `cursor`. Absent: start from now.
 *
 * @example
 * parseCursor('1042'); // 1042
 */
export function parseCursor(after: string | null | undefined): number | null {
  if (after === null || after === undefined || after === '') return null;
  if (!/^\d{1,15}$/.test(after)) throw new ApiError('BAD_USER_INPUT', '`after` must be a cursor this API gave out (a number)');
  return Number(after);
}
