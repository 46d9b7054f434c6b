import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** The instants Sigap accepts from clients: wide enough for any report, narrow enough for any column. */
export const SANE_DATE_RANGE = { from: new Date('1900-01-01T00:00:00.000Z'), to: new Date('2200-01-01T00:00:00.000Z') } as const;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `value` cannot be stored, or null when it can. */
export function insaneText(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character (\\u0000), which text cannot hold';
  if (LONE_SURROGATE.test(value)) return 'contains a lone surrogate (half of a UTF-16 pair), which is not text';
  return null;
}

/** Why `value` is not an instant Sigap accepts, or null when it is. */
export function insaneDate(value: Date): string | null {
  const t = value.getTime();
  if (Number.isNaN(t)) return 'is not a date';
  if (t < SANE_DATE_RANGE.from.getTime() || t >= SANE_DATE_RANGE.to.getTime()) return 'must lie between 1900 and 2200';
  return null;
}

/**
 * The edge every argument passes before anything else looks at it: text
 * PostgreSQL cannot store (NUL) or that is not text at all (lone
 * surrogates), and dates outside 1900-2200, are refused as BAD_USER_INPUT
 * naming the field, for every operation at once. Before this, each reached
 * the database or a validator and came back as INTERNAL.
 *
 * @example
 * app.useGlobalPipes(new SaneInputPipe(), new ValidationPipe({ … }));
 */
@Injectable()
export class SaneInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // Injected values (the actor, the request) are not client input.
    if (metadata.type === 'custom') return value;
    const problems: string[] = [];
    inspect(value, metadata.data ?? 'input', problems, 0);
    if (problems.length) throw new BadRequestException(problems);
    return value;
  }
}

// Deeper than any input type of the schema; the depth limit stops deeper documents first.
const MAX_DEPTH = 16;

function inspect(value: unknown, path: string, problems: string[], depth: number): void {
  if (typeof value === 'string') {
    const problem = insaneText(value);
    if (problem) problems.push(`${path} ${problem}`);
  } else if (value instanceof Date) {
    const problem = insaneDate(value);
    if (problem) problems.push(`${path} ${problem}`);
  } else if (Array.isArray(value)) {
    if (depth < MAX_DEPTH) value.forEach((item: unknown, i) => inspect(item, `${path}[${i}]`, problems, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    if (depth < MAX_DEPTH) for (const [key, item] of Object.entries(value)) inspect(item, `${path}.${key}`, problems, depth + 1);
  }
}
