import { oggCrc32 } from './crc';
import { hasAscii, MediaRejected, need } from './media-rejected';

// Voice notes as phones send them: WhatsApp and Telegram record Ogg/Opus,
// Android recorders AMR (raw or in 3GP) and M4A, older phones MP3. Each
// format is walked frame by frame or page by page to its end, so a magic
// number glued onto something else is refused.

/** Whether the bytes start like an Ogg stream. */
export function looksLikeOgg(input: Buffer): boolean {
  return hasAscii(input, 0, 'OggS');
}

/**
 * Checks every Ogg page (capture pattern, CRC, lengths adding up to the file)
 * and that the first page starts an Opus or Vorbis stream. The bytes are
 * kept as they are: the comment header (encoder name, tags) is not removed.
 *
 * @example
 * checkOgg(voiceNote); // 'audio/ogg'
 */
export function checkOgg(input: Buffer): string {
  let pos = 0;
  let pages = 0;
  while (pos < input.length) {
    need(input, pos + 27, 'Ogg page header');
    if (!hasAscii(input, pos, 'OggS') || input[pos + 4] !== 0) throw new MediaRejected('MALFORMED', `Ogg: no page at byte ${pos}`);
    const segments = input[pos + 26];
    need(input, pos + 27 + segments, 'Ogg segment table');
    let bodyLength = 0;
    for (let i = 0; i < segments; i++) bodyLength += input[pos + 27 + i];
    const end = pos + 27 + segments + bodyLength;
    need(input, end, 'Ogg page');
    const page = Buffer.from(input.subarray(pos, end));
    const stored = page.readUInt32LE(22);
    page.writeUInt32LE(0, 22);
    if (oggCrc32(page) !== stored) throw new MediaRejected('MALFORMED', `Ogg: page ${pages} fails its CRC`);
    if (pages === 0) {
      const body = input.subarray(pos + 27 + segments, end);
      if (!hasAscii(body, 0, 'OpusHead') && !hasAscii(body, 0, '\x01vorbis')) throw new MediaRejected('UNSUPPORTED_TYPE', 'Ogg: only Opus and Vorbis audio are accepted');
    }
    pages++;
    pos = end;
  }
  if (pages < 2) throw new MediaRejected('MALFORMED', 'Ogg: no audio pages');
  return 'audio/ogg';
}

const AMR_NB_SIZES = [12, 13, 15, 17, 19, 20, 26, 31, 5, -1, -1, -1, -1, -1, -1, 0];
const AMR_WB_SIZES = [17, 23, 32, 36, 40, 46, 50, 58, 60, 5, -1, -1, -1, -1, 0, 0];

/** Whether the bytes start like an AMR file (narrow- or wide-band). */
export function looksLikeAmr(input: Buffer): boolean {
  return hasAscii(input, 0, '#!AMR\n') || hasAscii(input, 0, '#!AMR-WB\n');
}

/**
 * Walks every AMR frame: each header names a valid frame type, and the
 * frames fill the file exactly. The format has no metadata to remove.
 *
 * @example
 * checkAmr(recording); // 'audio/amr'
 */
export function checkAmr(input: Buffer): string {
  const wide = hasAscii(input, 0, '#!AMR-WB\n');
  const sizes = wide ? AMR_WB_SIZES : AMR_NB_SIZES;
  let pos = wide ? 9 : 6;
  let frames = 0;
  while (pos < input.length) {
    const header = input[pos];
    const size = sizes[(header >> 3) & 0x0f];
    if ((header & 0x83) !== 0 || size < 0) throw new MediaRejected('MALFORMED', `AMR: bad frame header at byte ${pos}`);
    pos += 1 + size;
    frames++;
  }
  if (pos !== input.length || frames === 0) throw new MediaRejected('MALFORMED', 'AMR: frames do not fill the file');
  return wide ? 'audio/amr-wb' : 'audio/amr';
}

const MP3_BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1];
const MP3_BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1];
const MP3_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** Whether the bytes start like an MP3 (an ID3v2 tag, or an MPEG audio layer III frame). */
export function looksLikeMp3(input: Buffer): boolean {
  return hasAscii(input, 0, 'ID3') || frameLength(input, 0) > 0;
}

/**
 * Drops the ID3v2 tag in front (title, artist, pictures, sometimes a
 * location) and whatever follows the last whole frame (ID3v1, APE tags),
 * and requires at least three consecutive MPEG layer III frames.
 *
 * @example
 * const { bytes } = sanitizeMp3(upload); // starts with the first frame
 */
export function sanitizeMp3(input: Buffer): { bytes: Buffer; removed: string[] } {
  const removed: string[] = [];
  let start = 0;
  if (hasAscii(input, 0, 'ID3')) {
    need(input, 10, 'ID3 header');
    const size = ((input[6] & 0x7f) << 21) | ((input[7] & 0x7f) << 14) | ((input[8] & 0x7f) << 7) | (input[9] & 0x7f);
    start = 10 + size + (input[5] & 0x10 ? 10 : 0);
    need(input, start, 'ID3 tag');
    removed.push('ID3v2');
  }
  let pos = start;
  let frames = 0;
  for (;;) {
    const length = frameLength(input, pos);
    if (length <= 0 || pos + length > input.length) break;
    pos += length;
    frames++;
  }
  if (frames < 3) throw new MediaRejected('MALFORMED', 'MP3: fewer than three whole audio frames');
  if (pos < input.length) removed.push(`trailer ${input.length - pos} bytes`);
  return { bytes: input.subarray(start, pos), removed };
}

/** The length of the MPEG layer III frame at `pos`, or 0 when there is none. */
function frameLength(input: Buffer, pos: number): number {
  if (pos + 4 > input.length || input[pos] !== 0xff || (input[pos + 1] & 0xe0) !== 0xe0) return 0;
  const version = (input[pos + 1] >> 3) & 0x03; // 3: MPEG 1, 2: MPEG 2, 0: MPEG 2.5
  const layer = (input[pos + 1] >> 1) & 0x03; // 1: layer III
  if (version === 1 || layer !== 1) return 0;
  const bitrate = (version === 3 ? MP3_BITRATES_V1 : MP3_BITRATES_V2)[(input[pos + 2] >> 4) & 0x0f];
  const rateIndex = (input[pos + 2] >> 2) & 0x03;
  if (bitrate <= 0 || rateIndex === 3) return 0;
  const rate = MP3_RATES[version][rateIndex];
  const padding = (input[pos + 2] >> 1) & 0x01;
  return Math.floor(((version === 3 ? 144 : 72) * bitrate * 1000) / rate) + padding;
}
