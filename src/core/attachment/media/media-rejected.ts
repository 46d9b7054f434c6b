/** Why bytes were refused: not a type we take, or a known type whose structure does not hold. */
export type MediaRejection = 'UNSUPPORTED_TYPE' | 'MALFORMED';

/**
 * Thrown by the sniffers and sanitizers when the bytes are refused. Never a
 * crash: every parser checks bounds first and turns a short or inconsistent
 * file into this, so a hostile upload is a 4xx, not a 500.
 *
 * @example
 * throw new MediaRejected('MALFORMED', 'PNG chunk IDAT fails its CRC');
 */
export class MediaRejected extends Error {
  constructor(
    readonly reason: MediaRejection,
    message: string,
  ) {
    super(message);
    this.name = 'MediaRejected';
  }
}

/** A position in WGS 84 degrees, as read from a photo's EXIF GPS tags. */
export interface GeoPosition {
  readonly latitude: number;
  readonly longitude: number;
}

/** Bounds-checked reads: a short file is MALFORMED, never a RangeError. */
export function need(buf: Buffer, end: number, what: string): void {
  if (end > buf.length || end < 0) throw new MediaRejected('MALFORMED', `${what}: the file ends early`);
}

/** Whether `buf` holds the ASCII `text` at `offset`. */
export function hasAscii(buf: Buffer, offset: number, text: string): boolean {
  return offset >= 0 && offset + text.length <= buf.length && buf.toString('latin1', offset, offset + text.length) === text;
}
