import { deflateSync } from 'node:zlib';
import { oggCrc32, pngCrc32 } from '../../src/core/attachment/media/crc';

// Small, real media files built byte by byte, so tests need no binary
// fixtures and say exactly what each file carries.

export interface ExifOptions {
  /** Degrees; south and west negative. */
  gps?: { latitude: number; longitude: number };
  orientation?: number;
  /** The camera maker, a field that must not survive stripping. */
  make?: string;
}

/** A TIFF block (big-endian) with IFD0 (Make, Orientation, GPS pointer) and a GPS IFD. */
export function exifTiff({ gps, orientation, make = 'SigapTestPhone' }: ExifOptions): Buffer {
  const makeBytes = Buffer.from(`${make}\0`, 'latin1');
  const ifd0Entries = 1 + (orientation ? 1 : 0) + (gps ? 1 : 0);
  const ifd0At = 8;
  const ifd0Size = 2 + ifd0Entries * 12 + 4;
  const makeAt = ifd0At + ifd0Size;
  const gpsAt = makeAt + makeBytes.length + (makeBytes.length % 2);
  const gpsEntries = 4;
  const ratAt = gpsAt + 2 + gpsEntries * 12 + 4;
  const total = gps ? ratAt + 48 : gpsAt;
  const t = Buffer.alloc(total);
  t.write('MM', 0, 'latin1');
  t.writeUInt16BE(42, 2);
  t.writeUInt32BE(ifd0At, 4);
  t.writeUInt16BE(ifd0Entries, ifd0At);
  let e = ifd0At + 2;
  const entry = (tag: number, type: number, count: number, value: (at: number) => void) => {
    t.writeUInt16BE(tag, e);
    t.writeUInt16BE(type, e + 2);
    t.writeUInt32BE(count, e + 4);
    value(e + 8);
    e += 12;
  };
  entry(0x010f, 2, makeBytes.length, (at) => t.writeUInt32BE(makeAt, at));
  if (orientation) entry(0x0112, 3, 1, (at) => t.writeUInt16BE(orientation, at));
  if (gps) entry(0x8825, 4, 1, (at) => t.writeUInt32BE(gpsAt, at));
  makeBytes.copy(t, makeAt);
  if (gps) {
    t.writeUInt16BE(gpsEntries, gpsAt);
    e = gpsAt + 2;
    const dms = (deg: number, at: number) => {
      const abs = Math.abs(deg);
      const d = Math.floor(abs);
      const m = Math.floor((abs - d) * 60);
      const s = Math.round(((abs - d) * 60 - m) * 60 * 10000);
      [d, 1, m, 1, s, 10000].forEach((v, i) => t.writeUInt32BE(v, at + i * 4));
    };
    entry(0x0001, 2, 2, (at) => t.write(gps.latitude < 0 ? 'S\0' : 'N\0', at, 'latin1'));
    entry(0x0002, 5, 3, (at) => t.writeUInt32BE(ratAt, at));
    entry(0x0003, 2, 2, (at) => t.write(gps.longitude < 0 ? 'W\0' : 'E\0', at, 'latin1'));
    entry(0x0004, 5, 3, (at) => t.writeUInt32BE(ratAt + 24, at));
    dms(gps.latitude, ratAt);
    dms(gps.longitude, ratAt + 24);
  }
  return t;
}

function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

export interface JpegOptions {
  exif?: ExifOptions;
  comment?: string;
  xmp?: string;
  /** Bytes after the end-of-image marker (a motion photo's video rides there). */
  trailer?: Buffer;
}

/**
 * A real, decodable 8×8 grey baseline JPEG: one component, flat quantisation,
 * Huffman tables with a single one-bit code each, and one block whose DC
 * difference is 0 followed by end-of-block.
 */
export function tinyJpeg({ exif, comment, xmp, trailer }: JpegOptions = {}): Buffer {
  const jfif = segment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  const parts = [Buffer.from([0xff, 0xd8]), jfif];
  if (exif) parts.push(segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(exif)])));
  if (xmp) parts.push(segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${xmp}`, 'latin1')));
  if (comment) parts.push(segment(0xfe, Buffer.from(comment, 'latin1')));
  parts.push(segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)])));
  parts.push(segment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0])));
  const oneCode = (tableClassAndId: number) => Buffer.concat([Buffer.from([tableClassAndId, 1]), Buffer.alloc(15), Buffer.from([0x00])]);
  parts.push(segment(0xc4, oneCode(0x00)));
  parts.push(segment(0xc4, oneCode(0x10)));
  parts.push(segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])));
  parts.push(Buffer.from([0x3f, 0xff, 0xd9]));
  if (trailer) parts.push(trailer);
  return Buffer.concat(parts);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(pngCrc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A real 2×2 RGB PNG, optionally with a tEXt chunk and an eXIf chunk. */
export function tinyPng({ text, exif }: { text?: string; exif?: ExifOptions } = {}): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...(text ? [pngChunk('tEXt', Buffer.from(`Author\0${text}`, 'latin1'))] : []),
    ...(exif ? [pngChunk('eXIf', exifTiff(exif))] : []),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function oggPage(seq: number, body: Buffer, flags: number): Buffer {
  const segments: number[] = [];
  let left = body.length;
  while (left >= 255) {
    segments.push(255);
    left -= 255;
  }
  segments.push(left);
  const head = Buffer.alloc(27);
  head.write('OggS', 0, 'latin1');
  head[5] = flags;
  head.writeUInt32LE(0x5167, 14);
  head.writeUInt32LE(seq, 18);
  head[26] = segments.length;
  const page = Buffer.concat([head, Buffer.from(segments), body]);
  page.writeUInt32LE(oggCrc32(page), 22);
  return page;
}

/** An Ogg/Opus voice note as WhatsApp sends it: OpusHead, OpusTags, one audio page. */
export function tinyOpus(): Buffer {
  const head = Buffer.concat([Buffer.from('OpusHead', 'latin1'), Buffer.from([1, 1, 0x38, 1, 0x80, 0xbb, 0, 0, 0, 0, 0])]);
  const tags = Buffer.concat([Buffer.from('OpusTags', 'latin1'), Buffer.from([8, 0, 0, 0]), Buffer.from('WhatsApp', 'latin1'), Buffer.alloc(4)]);
  return Buffer.concat([oggPage(0, head, 2), oggPage(1, tags, 0), oggPage(2, Buffer.alloc(40, 0xfc), 4)]);
}

/** AMR narrow-band: the header and ten 12.2 kbit/s frames. */
export function tinyAmr(): Buffer {
  return Buffer.concat([Buffer.from('#!AMR\n', 'latin1'), ...Array.from({ length: 10 }, () => Buffer.concat([Buffer.from([0x3c]), Buffer.alloc(31, 0x11)]))]);
}

/** An MP3: an ID3v2 tag with a title, then five MPEG-1 layer III frames (128 kbit/s, 44.1 kHz). */
export function tinyMp3(): Buffer {
  const frame = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(417 - 4, 0)]);
  const id3Body = Buffer.from('TIT2\0\0\0\x06\0\0\0Jalan', 'latin1');
  const id3 = Buffer.concat([Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, id3Body.length]), id3Body]);
  return Buffer.concat([id3, frame, frame, frame, frame, frame]);
}

/** A one-page PDF. */
export function tinyPdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
}
