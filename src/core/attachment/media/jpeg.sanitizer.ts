import { orientationExif, readExif, type ExifFacts } from './exif.reader';
import { hasAscii, MediaRejected, need } from './media-rejected';

/** A JPEG with its metadata removed, and what was read from it first. */
export interface SanitizedImage {
  readonly bytes: Buffer;
  readonly exif: ExifFacts;
  /** Names of what was dropped, for the log and the tests (e.g. "APP1 Exif", "COM", "trailer 1234 bytes"). */
  readonly removed: readonly string[];
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const SOS = 0xda;
const EOI = 0xd9;
const COM = 0xfe;

/**
 * Walks every segment of a JPEG and rebuilds it without metadata: APP1
 * (EXIF with GPS, camera and owner; XMP), APP13 (IPTC), every other APPn but
 * JFIF (APP0), ICC colour profiles (APP2) and Adobe's colour transform
 * (APP14), comments, and anything after the end-of-image marker (motion-photo
 * videos and maker trailers ride there). The compressed image data is copied
 * byte for byte: no re-encoding, so the proof photo loses no quality. The
 * GPS position and orientation are read before the EXIF block goes; the
 * orientation is written back in a minimal EXIF block.
 *
 * A file that is not a whole, well-formed JPEG (no frame header, no scan, no
 * end marker, a segment running past the end) is refused as MALFORMED.
 *
 * @example
 * const { bytes, exif } = sanitizeJpeg(upload); // exif.position → the row; bytes → the store
 */
export function sanitizeJpeg(input: Buffer): SanitizedImage {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== 0xd8) throw new MediaRejected('MALFORMED', 'not a JPEG: no start-of-image marker');
  const kept: Buffer[] = [];
  const removed: string[] = [];
  let exif: ExifFacts = { position: null, orientation: null };
  let sawExif = false;
  let sawFrame = false;
  let sawScan = false;
  let pos = 2;
  for (;;) {
    need(input, pos + 2, 'JPEG marker');
    if (input[pos] !== 0xff) throw new MediaRejected('MALFORMED', `JPEG: expected a marker at byte ${pos}`);
    while (input[pos + 1] === 0xff) {
      pos++; // fill bytes before a marker
      need(input, pos + 2, 'JPEG marker');
    }
    const marker = input[pos + 1];
    if (marker === EOI) {
      kept.push(input.subarray(pos, pos + 2));
      if (pos + 2 < input.length) removed.push(`trailer ${input.length - pos - 2} bytes`);
      break;
    }
    if (marker === 0x00 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      throw new MediaRejected('MALFORMED', `JPEG: unexpected marker 0x${marker.toString(16)} at byte ${pos}`);
    }
    need(input, pos + 4, 'JPEG segment length');
    const length = input.readUInt16BE(pos + 2);
    if (length < 2) throw new MediaRejected('MALFORMED', `JPEG: segment length ${length} at byte ${pos}`);
    const end = pos + 2 + length;
    need(input, end, 'JPEG segment');
    const segment = input.subarray(pos, end);
    const body = input.subarray(pos + 4, end);
    if (marker >= 0xe0 && marker <= 0xef) {
      if (keepApp(marker, body)) kept.push(segment);
      else {
        if (marker === 0xe1 && hasAscii(body, 0, 'Exif\0') && !sawExif) {
          sawExif = true;
          exif = readExif(body.subarray(6));
        }
        removed.push(`APP${marker - 0xe0} ${appName(body)}`.trim());
      }
      pos = end;
      continue;
    }
    if (marker === COM) {
      removed.push('COM');
      pos = end;
      continue;
    }
    if (SOF.has(marker)) sawFrame = true;
    kept.push(segment);
    pos = end;
    if (marker === SOS) {
      if (!sawFrame) throw new MediaRejected('MALFORMED', 'JPEG: scan before frame header');
      sawScan = true;
      const dataEnd = scanEnd(input, pos);
      kept.push(input.subarray(pos, dataEnd));
      pos = dataEnd;
    }
  }
  if (!sawFrame || !sawScan) throw new MediaRejected('MALFORMED', 'JPEG: no image data (frame header and scan)');
  // JFIF wants its APP0 first; the orientation block follows it.
  if (exif.orientation && exif.orientation !== 1) {
    const block = orientationExif(exif.orientation);
    const app1 = Buffer.alloc(4);
    app1.writeUInt16BE(0xffe1, 0);
    app1.writeUInt16BE(block.length + 2, 2);
    const firstIsJfif = kept.length > 0 && kept[0][1] === 0xe0;
    kept.splice(firstIsJfif ? 1 : 0, 0, app1, block);
  }
  return { bytes: Buffer.concat([input.subarray(0, 2), ...kept]), exif, removed };
}

/** The APP segments that carry how to show the pixels, not who, where or with what they were taken. */
function keepApp(marker: number, body: Buffer): boolean {
  if (marker === 0xe0) return hasAscii(body, 0, 'JFIF\0') || hasAscii(body, 0, 'JFXX\0');
  if (marker === 0xe2) return hasAscii(body, 0, 'ICC_PROFILE\0');
  if (marker === 0xee) return hasAscii(body, 0, 'Adobe');
  return false;
}

function appName(body: Buffer): string {
  const end = body.indexOf(0);
  const name = body.toString('latin1', 0, end < 0 ? Math.min(body.length, 12) : Math.min(end, 32));
  return /^[\x20-\x7e]*$/.test(name) ? name : '';
}

/**
 * Where a scan's entropy-coded data ends: at the first marker that is not a
 * stuffed 0xFF00, a restart marker or fill. Progressive JPEGs continue with
 * more tables and scans after it; the caller's loop handles those.
 */
function scanEnd(input: Buffer, from: number): number {
  let p = from;
  while (p + 1 < input.length) {
    if (input[p] !== 0xff) {
      p++;
      continue;
    }
    const next = input[p + 1];
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) p += 2;
    else if (next === 0xff) p += 1;
    else return p;
  }
  throw new MediaRejected('MALFORMED', 'JPEG: the image data has no end-of-image marker');
}
