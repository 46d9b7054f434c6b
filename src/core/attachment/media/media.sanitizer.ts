import { checkAmr, checkOgg, looksLikeAmr, looksLikeMp3, looksLikeOgg, sanitizeMp3 } from './audio.sanitizers';
import { isHeif, isoBrands, sanitizeAudioMp4 } from './iso-bmff.sanitizer';
import { sanitizeJpeg } from './jpeg.sanitizer';
import { GeoPosition, MediaRejected } from './media-rejected';
import { checkPdf, looksLikePdf } from './pdf.check';
import { looksLikePng, sanitizePng } from './png.sanitizer';
import { looksLikeWebp, sanitizeWebp } from './webp.sanitizer';

/** What an attachment is, for screens to show it (a thumbnail, a player, a document link). */
export enum AttachmentKind {
  PHOTO = 'PHOTO',
  VOICE = 'VOICE',
  DOCUMENT = 'DOCUMENT',
}

/** Bytes ready to store: their real type, metadata removed, the position kept aside. */
export interface SanitizedMedia {
  readonly mediaType: string;
  readonly kind: AttachmentKind;
  readonly bytes: Buffer;
  /** From the photo's EXIF GPS tags; the file itself no longer carries it. */
  readonly position: GeoPosition | null;
  /** What was dropped (segment and chunk names), for the log. */
  readonly removed: readonly string[];
}

/**
 * Decides what the bytes are from the bytes alone (never the file name or the
 * client's content type), checks their structure and removes metadata. One
 * entry point, so every upload takes the same path.
 *
 * Accepted: JPEG, PNG, WebP photos; Ogg (Opus, Vorbis), MP3, M4A/3GP and AMR
 * voice notes; PDF documents. HEIC/HEIF is recognised and refused: its EXIF
 * lives in an item of an ISO box tree that this sanitizer does not rewrite,
 * and phones send JPEG when sharing. Anything else is UNSUPPORTED_TYPE; a
 * known magic number on a broken body is MALFORMED.
 *
 * @example
 * const media = sanitizeMedia(upload); // { mediaType: 'image/jpeg', kind: 'PHOTO', position: {…}, … }
 */
export function sanitizeMedia(input: Buffer): SanitizedMedia {
  if (input.length === 0) throw new MediaRejected('MALFORMED', 'the file is empty');
  if (input[0] === 0xff && input[1] === 0xd8 && input[2] === 0xff) {
    const { bytes, exif, removed } = sanitizeJpeg(input);
    return { mediaType: 'image/jpeg', kind: AttachmentKind.PHOTO, bytes, position: exif.position, removed };
  }
  if (looksLikePng(input)) {
    const { bytes, exif, removed } = sanitizePng(input);
    return { mediaType: 'image/png', kind: AttachmentKind.PHOTO, bytes, position: exif.position, removed };
  }
  if (looksLikeWebp(input)) {
    const { bytes, exif, removed } = sanitizeWebp(input);
    return { mediaType: 'image/webp', kind: AttachmentKind.PHOTO, bytes, position: exif.position, removed };
  }
  if (looksLikePdf(input)) return { mediaType: checkPdf(input), kind: AttachmentKind.DOCUMENT, bytes: input, position: null, removed: [] };
  if (looksLikeOgg(input)) return { mediaType: checkOgg(input), kind: AttachmentKind.VOICE, bytes: input, position: null, removed: [] };
  if (looksLikeAmr(input)) return { mediaType: checkAmr(input), kind: AttachmentKind.VOICE, bytes: input, position: null, removed: [] };
  const brands = isoBrands(input);
  if (brands) {
    if (isHeif(brands)) throw new MediaRejected('UNSUPPORTED_TYPE', 'HEIC/HEIF photos are not accepted: send JPEG (phones convert when sharing)');
    const { bytes, mediaType, removed } = sanitizeAudioMp4(input, brands);
    return { mediaType, kind: AttachmentKind.VOICE, bytes, position: null, removed };
  }
  if (looksLikeMp3(input)) {
    const { bytes, removed } = sanitizeMp3(input);
    return { mediaType: 'audio/mpeg', kind: AttachmentKind.VOICE, bytes, position: null, removed };
  }
  throw new MediaRejected('UNSUPPORTED_TYPE', 'not a photo (JPEG, PNG, WebP), voice note (Ogg/Opus, MP3, M4A, AMR) or PDF');
}

export { MediaRejected } from './media-rejected';
export type { GeoPosition } from './media-rejected';
