import type { GeoPosition } from './media-rejected';

/** What Sigap keeps from a photo's EXIF before dropping the rest. */
export interface ExifFacts {
  /** The GPS position, kept as proof of presence (in the database row, not in the file). */
  readonly position: GeoPosition | null;
  /** 1-8; re-written into the stripped file so the photo is not shown on its side. */
  readonly orientation: number | null;
}

const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };
const GPS_IFD_POINTER = 0x8825;
const ORIENTATION = 0x0112;

/**
 * Reads the GPS position and orientation from a TIFF structure (the body of
 * an EXIF block after "Exif\0\0", or a PNG eXIf / WebP EXIF chunk). Defensive:
 * any offset outside the block, a zero denominator or an out-of-range value
 * reads as "absent"; it never throws, since a broken EXIF block is dropped anyway.
 *
 * @example
 * readExif(app1.subarray(10)); // { position: { latitude: -8.45, longitude: 115.35 }, orientation: 1 }
 */
export function readExif(tiff: Buffer): ExifFacts {
  try {
    return readTiff(tiff);
  } catch {
    return { position: null, orientation: null };
  }
}

function readTiff(t: Buffer): ExifFacts {
  if (t.length < 8) return { position: null, orientation: null };
  const order = t.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return { position: null, orientation: null };
  const le = order === 'II';
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o));
  const u32 = (o: number) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o));
  if (u16(2) !== 42) return { position: null, orientation: null };

  const ifd0 = entries(t, u32(4), u16, u32);
  const orientationEntry = ifd0.get(ORIENTATION);
  const orientationValue = orientationEntry && orientationEntry.type === 3 ? u16(orientationEntry.valueAt) : null;
  const orientation = orientationValue !== null && orientationValue >= 1 && orientationValue <= 8 ? orientationValue : null;

  const gpsPointer = ifd0.get(GPS_IFD_POINTER);
  if (!gpsPointer) return { position: null, orientation };
  const gps = entries(t, u32(gpsPointer.valueAt), u16, u32);
  const ref = (tag: number) => {
    const e = gps.get(tag);
    return e && e.type === 2 ? t.toString('latin1', e.valueAt, e.valueAt + 1) : null;
  };
  const degrees = (tag: number) => {
    const e = gps.get(tag);
    if (!e || e.type !== 5 || e.count !== 3) return null;
    const part = (i: number) => {
      const den = u32(e.valueAt + i * 8 + 4);
      return den === 0 ? NaN : u32(e.valueAt + i * 8) / den;
    };
    const value = part(0) + part(1) / 60 + part(2) / 3600;
    return Number.isFinite(value) ? value : null;
  };
  const lat = degrees(2);
  const lng = degrees(4);
  const latRef = ref(1);
  const lngRef = ref(3);
  if (lat === null || lng === null || !latRef || !lngRef || !'NS'.includes(latRef) || !'EW'.includes(lngRef)) return { position: null, orientation };
  const latitude = latRef === 'S' ? -lat : lat;
  const longitude = lngRef === 'W' ? -lng : lng;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return { position: null, orientation };
  return { position: { latitude: round(latitude), longitude: round(longitude) }, orientation };
}

interface Entry {
  readonly type: number;
  readonly count: number;
  /** Where the value starts in the TIFF block: inside the entry when it fits in 4 bytes, else at its offset. */
  readonly valueAt: number;
}

function entries(t: Buffer, at: number, u16: (o: number) => number, u32: (o: number) => number): Map<number, Entry> {
  const found = new Map<number, Entry>();
  if (at < 8 || at + 2 > t.length) return found;
  const n = u16(at);
  // A real IFD has a few dozen entries; a count beyond the block is a broken or hostile file.
  if (n > 1000 || at + 2 + n * 12 > t.length) return found;
  for (let i = 0; i < n; i++) {
    const e = at + 2 + i * 12;
    const type = u16(e + 2);
    const count = u32(e + 4);
    const size = (TYPE_SIZES[type] ?? 0) * count;
    if (size === 0) continue;
    const valueAt = size <= 4 ? e + 8 : u32(e + 8);
    if (valueAt + size > t.length) continue;
    found.set(u16(e), { type, count, valueAt });
  }
  return found;
}

/** Seven decimals: about 1 cm, more than any phone's GPS resolves. */
function round(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

/**
 * A minimal EXIF block holding only the orientation, so a stripped photo
 * still displays upright. Big-endian TIFF, one IFD with one entry.
 *
 * @example
 * orientationExif(6); // Buffer "Exif\0\0MM\0*…" (26 bytes)
 */
export function orientationExif(orientation: number): Buffer {
  const b = Buffer.alloc(6 + 8 + 2 + 12 + 4);
  b.write('Exif\0\0', 0, 'latin1');
  b.write('MM', 6, 'latin1');
  b.writeUInt16BE(42, 8);
  b.writeUInt32BE(8, 10);
  b.writeUInt16BE(1, 14);
  b.writeUInt16BE(ORIENTATION, 16);
  b.writeUInt16BE(3, 18);
  b.writeUInt32BE(1, 20);
  b.writeUInt16BE(orientation, 24);
  return b;
}
