import { readExif, type ExifFacts } from './exif.reader';
import type { SanitizedImage } from './jpeg.sanitizer';
import { hasAscii, MediaRejected, need } from './media-rejected';

const KEEP = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

/** Whether the bytes start like a WebP (RIFF container, WEBP form). */
export function looksLikeWebp(input: Buffer): boolean {
  return hasAscii(input, 0, 'RIFF') && hasAscii(input, 8, 'WEBP');
}

/**
 * Walks a WebP's RIFF chunks (sizes must add up to the file), checks the
 * image data's own signature (VP8 start code, VP8L signature byte), drops
 * EXIF, XMP and unknown chunks (reading the GPS position first) and clears the
 * matching VP8X flags. Pixels are copied, never re-encoded.
 *
 * @example
 * sanitizeWebp(upload).removed; // ['EXIF', 'XMP ']
 */
export function sanitizeWebp(input: Buffer): SanitizedImage {
  if (!looksLikeWebp(input)) throw new MediaRejected('MALFORMED', 'not a WebP');
  const declared = input.readUInt32LE(4) + 8;
  if (declared > input.length || declared < 20) throw new MediaRejected('MALFORMED', 'WebP: RIFF size does not match the file');
  const kept: Buffer[] = [];
  const removed: string[] = declared < input.length ? [`trailer ${input.length - declared} bytes`] : [];
  let exif: ExifFacts = { position: null, orientation: null };
  let sawImage = false;
  let pos = 12;
  while (pos < declared) {
    need(input, pos + 8, 'WebP chunk header');
    const type = input.toString('latin1', pos, pos + 4);
    const size = input.readUInt32LE(pos + 4);
    const end = pos + 8 + size + (size % 2);
    if (end > declared) throw new MediaRejected('MALFORMED', `WebP: chunk ${JSON.stringify(type)} runs past the end`);
    const body = input.subarray(pos + 8, pos + 8 + size);
    if (type === 'VP8 ') {
      if (size < 10 || body[3] !== 0x9d || body[4] !== 0x01 || body[5] !== 0x2a) throw new MediaRejected('MALFORMED', 'WebP: VP8 data without its start code');
      sawImage = true;
    }
    if (type === 'VP8L') {
      if (size < 5 || body[0] !== 0x2f) throw new MediaRejected('MALFORMED', 'WebP: VP8L data without its signature');
      sawImage = true;
    }
    if (type === 'ANMF') sawImage = true;
    if (KEEP.has(type)) {
      const chunk = Buffer.from(input.subarray(pos, end));
      if (type === 'VP8X' && size >= 1) chunk[8] &= ~(VP8X_EXIF | VP8X_XMP) & 0xff;
      kept.push(chunk);
    } else {
      if (type === 'EXIF') exif = readExif(hasAscii(body, 0, 'Exif\0\0') ? body.subarray(6) : body);
      removed.push(type);
    }
    pos = end;
  }
  if (!sawImage) throw new MediaRejected('MALFORMED', 'WebP: no image data');
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(4 + kept.reduce((n, c) => n + c.length, 0), 4);
  header.write('WEBP', 8, 'latin1');
  // Orientation is not kept: WebP viewers do not apply EXIF orientation anyway.
  return { bytes: Buffer.concat([header, ...kept]), exif: { position: exif.position, orientation: null }, removed };
}
