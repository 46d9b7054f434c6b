import { hasAscii, MediaRejected, need } from './media-rejected';

const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'mp42', 'mp41', 'isom', 'iso2', 'dash', '3gp4', '3gp5', '3gp6', '3gp7', '3gr6', '3ga6', '3gs7']);
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);
/** Boxes that carry tags, cover art, the recording place (Apple's ©xyz) or XMP. */
const METADATA_BOXES = new Set(['udta', 'meta', 'uuid']);
/** Containers whose children may hold metadata boxes. */
const CONTAINERS = new Set(['moov', 'trak']);

/** The ftyp box's brands, or null when the bytes do not start with one. */
export function isoBrands(input: Buffer): string[] | null {
  if (input.length < 16 || !hasAscii(input, 4, 'ftyp')) return null;
  const size = input.readUInt32BE(0);
  if (size < 16 || size > input.length || size > 4096) return null;
  const brands = [input.toString('latin1', 8, 12)];
  for (let p = 16; p + 4 <= size; p += 4) brands.push(input.toString('latin1', p, p + 4));
  return brands;
}

/** HEIC/HEIF/AVIF: recognised, and refused (see sanitizeAudioMp4). */
export function isHeif(brands: readonly string[]): boolean {
  return brands.some((b) => HEIF_BRANDS.has(b));
}

/**
 * An MPEG-4 or 3GPP audio file (M4A, voice recorders' 3GP): the top-level
 * boxes must fill the file exactly, with a movie header (moov) and media data
 * (mdat) and a sound track and no video track. Metadata boxes (udta, meta,
 * uuid) at the top, in moov and in each track are renamed to "free" in
 * place: players skip free boxes, and keeping every size unchanged keeps the
 * sample offsets valid without rewriting the index.
 *
 * @example
 * sanitizeAudioMp4(recording, isoBrands(recording)!); // { mediaType: 'audio/mp4', … }
 */
export function sanitizeAudioMp4(input: Buffer, brands: readonly string[]): { bytes: Buffer; mediaType: string; removed: string[] } {
  if (!brands.some((b) => AUDIO_BRANDS.has(b))) throw new MediaRejected('UNSUPPORTED_TYPE', `MPEG-4 brand ${JSON.stringify(brands[0])} is not an audio file Sigap accepts`);
  const out = Buffer.from(input);
  const removed: string[] = [];
  const top = walk(out, 0, out.length, removed, 0);
  if (!top.has('moov') || !top.has('mdat')) throw new MediaRejected('MALFORMED', 'MPEG-4: no movie header or no media data');
  const handlers = handlerTypes(out);
  if (handlers.includes('vide')) throw new MediaRejected('UNSUPPORTED_TYPE', 'MPEG-4 video is not accepted: send a photo or a voice note');
  if (!handlers.includes('soun')) throw new MediaRejected('MALFORMED', 'MPEG-4: no sound track');
  const mediaType = brands.some((b) => b.startsWith('3g')) ? 'audio/3gpp' : 'audio/mp4';
  return { bytes: out, mediaType, removed };
}

function walk(buf: Buffer, from: number, to: number, removed: string[], depth: number): Set<string> {
  const seen = new Set<string>();
  let pos = from;
  while (pos < to) {
    need(buf, pos + 8, 'MPEG-4 box header');
    let size = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    let header = 8;
    if (size === 1) {
      need(buf, pos + 16, 'MPEG-4 large box header');
      const large = buf.readBigUInt64BE(pos + 8);
      if (large > BigInt(to - pos)) throw new MediaRejected('MALFORMED', `MPEG-4: box ${JSON.stringify(type)} runs past the end`);
      size = Number(large);
      header = 16;
    } else if (size === 0) size = to - pos;
    if (size < header || pos + size > to) throw new MediaRejected('MALFORMED', `MPEG-4: box ${JSON.stringify(type)} at byte ${pos} has a bad size`);
    if (!/^[\x20-\x7e\xa9]{4}$/.test(type)) throw new MediaRejected('MALFORMED', `MPEG-4: bad box type at byte ${pos}`);
    seen.add(type);
    if (METADATA_BOXES.has(type)) {
      buf.write('free', pos + 4, 'latin1');
      removed.push(type);
    } else if (CONTAINERS.has(type) && depth < 4) {
      walk(buf, pos + header, pos + size, removed, depth + 1);
    }
    pos += size;
  }
  return seen;
}

/** Every track's handler type (hdlr: 'soun', 'vide' …), found by scanning the movie header. */
function handlerTypes(buf: Buffer): string[] {
  const found: string[] = [];
  let at = buf.indexOf('hdlr', 0, 'latin1');
  while (at >= 4 && at + 16 <= buf.length) {
    found.push(buf.toString('latin1', at + 12, at + 16));
    at = buf.indexOf('hdlr', at + 4, 'latin1');
  }
  return found;
}
