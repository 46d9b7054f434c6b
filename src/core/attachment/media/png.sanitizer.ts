import { pngCrc32 } from './crc';
import { readExif, type ExifFacts } from './exif.reader';
import type { SanitizedImage } from './jpeg.sanitizer';
import { MediaRejected, need } from './media-rejected';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The chunks a PNG keeps: the critical ones, and the ancillary ones that say
 * how to show the pixels (transparency, colour space, animation). Text
 * (tEXt, zTXt, iTXt: author, software, comments), eXIf, tIME and every
 * unknown ancillary chunk go.
 */
const KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'pHYs', 'bKGD', 'acTL', 'fcTL', 'fdAT']);
const CRITICAL = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);

/** Whether the bytes start like a PNG. */
export function looksLikePng(input: Buffer): boolean {
  return input.length >= 8 && input.subarray(0, 8).equals(SIGNATURE);
}

/**
 * Checks every chunk of a PNG (length in bounds, CRC correct, IHDR first,
 * image data present, IEND last: a PNG signature glued onto garbage fails
 * here) and rebuilds it with only the chunks in KEEP. An eXIf chunk's GPS
 * position is read before it goes. Pixels are copied, never re-encoded.
 *
 * @example
 * const { bytes, removed } = sanitizePng(upload); // removed: ['tEXt', 'eXIf']
 */
export function sanitizePng(input: Buffer): SanitizedImage {
  if (!looksLikePng(input)) throw new MediaRejected('MALFORMED', 'not a PNG: bad signature');
  const kept: Buffer[] = [input.subarray(0, 8)];
  const removed: string[] = [];
  let exif: ExifFacts = { position: null, orientation: null };
  let pos = 8;
  let first = true;
  let sawData = false;
  let ended = false;
  while (pos < input.length) {
    need(input, pos + 12, 'PNG chunk header');
    const length = input.readUInt32BE(pos);
    if (length > 0x7fffffff) throw new MediaRejected('MALFORMED', 'PNG: chunk length out of range');
    const type = input.toString('latin1', pos + 4, pos + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new MediaRejected('MALFORMED', `PNG: bad chunk type at byte ${pos}`);
    const end = pos + 12 + length;
    need(input, end, `PNG chunk ${type}`);
    if (pngCrc32(input, pos + 4, pos + 8 + length) !== input.readUInt32BE(pos + 8 + length)) {
      throw new MediaRejected('MALFORMED', `PNG: chunk ${type} fails its CRC`);
    }
    if (first && (type !== 'IHDR' || length !== 13)) throw new MediaRejected('MALFORMED', 'PNG: IHDR must come first');
    first = false;
    if (type === 'IDAT') sawData = true;
    const isCritical = type.charCodeAt(0) < 0x61;
    if (isCritical && !CRITICAL.has(type)) throw new MediaRejected('MALFORMED', `PNG: unknown critical chunk ${type}`);
    if (KEEP.has(type)) kept.push(input.subarray(pos, end));
    else {
      if (type === 'eXIf') exif = readExif(input.subarray(pos + 8, pos + 8 + length));
      removed.push(type);
    }
    pos = end;
    if (type === 'IEND') {
      ended = true;
      if (pos < input.length) removed.push(`trailer ${input.length - pos} bytes`);
      break;
    }
  }
  if (!sawData || !ended) throw new MediaRejected('MALFORMED', 'PNG: no image data or no IEND');
  return { bytes: Buffer.concat(kept), exif: { position: exif.position, orientation: null }, removed };
}
