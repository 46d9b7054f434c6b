import type { Open311Form } from '../../domain/open311-form';
import { single } from '../../domain/open311-form';
import { parseClientDateTime } from '../../domain/open311-time';
import type { Open311Status } from '../../domain/open311-status';

export const MAX_SPAN_MS = 90 * 24 * 60 * 60 * 1000;
export const MAX_PAGE_SIZE = 1000;

/** GET /requests's arguments, checked. */
export interface RequestQuery {
  /** Overrides every other filter when given. */
  readonly ids: readonly string[] | null;
  readonly serviceCodes: readonly string[] | null;
  readonly start: Date;
  readonly end: Date;
  readonly status: Open311Status | null;
  readonly page: number;
  readonly pageSize: number;
}

/**
 * Reads GET /requests's arguments as the spec gives them: ids and service
 * codes as comma lists, a window of at most 90 days (default: the last 90),
 * open or closed, and the common page/page_size extension.
 *
 * @example
 * readRequestQuery(readOpen311Form({ status: 'open' }), now, 'Asia/Makassar').query?.start; // now - 90 days
 */
export function readRequestQuery(form: Open311Form, now: Date, timeZone: string): { query: RequestQuery | null; problems: string[] } {
  const problems = [...form.problems];
  const list = (key: string): string[] | null => {
    const text = single(form, key, 20_000, problems);
    if (!text) return null;
    const items = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
    if (items.length > MAX_PAGE_SIZE) problems.push(`${key}: at most ${MAX_PAGE_SIZE} values`);
    return items;
  };
  const ids = list('service_request_id');
  const serviceCodes = list('service_code');
  const date = (key: string): Date | null => {
    const text = single(form, key, 64, problems);
    if (text === null) return null;
    const parsed = parseClientDateTime(text, timeZone);
    if (!parsed) problems.push(`${key} must be an ISO 8601 date-time such as 2026-12-01T00:00:00+08:00`);
    return parsed;
  };
  const startGiven = date('start_date');
  const endGiven = date('end_date');
  const end = endGiven ?? (startGiven ? new Date(Math.min(startGiven.getTime() + MAX_SPAN_MS, now.getTime())) : now);
  const start = startGiven ?? new Date(end.getTime() - MAX_SPAN_MS);
  if (start.getTime() > end.getTime()) problems.push('start_date must not be after end_date');
  else if (end.getTime() - start.getTime() > MAX_SPAN_MS) problems.push('start_date and end_date may span at most 90 days');
  const statusText = single(form, 'status', 20, problems)?.toLowerCase() ?? null;
  if (statusText !== null && statusText !== 'open' && statusText !== 'closed') problems.push('status must be open or closed');
  const page = whole(form, 'page', 1, 1_000_000, 1, problems);
  const pageSize = whole(form, 'page_size', 1, MAX_PAGE_SIZE, MAX_PAGE_SIZE, problems);
  if (problems.length) return { query: null, problems };
  return { query: { ids, serviceCodes, start, end, status: statusText as Open311Status | null, page, pageSize }, problems };
}

function whole(form: Open311Form, key: string, min: number, max: number, fallback: number, problems: string[]): number {
  const text = single(form, key, 12, problems);
  if (text === null) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    problems.push(`${key} must be a whole number from ${min} to ${max}`);
    return fallback;
  }
  return value;
}
