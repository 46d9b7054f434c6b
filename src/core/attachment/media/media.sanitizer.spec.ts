import { exifTiff, tinyAmr, tinyJpeg, tinyMp3, tinyOpus, tinyPdf, tinyPng } from '../../../../test/support/media-fixtures';
import { readExif } from './exif.reader';
import { AttachmentKind, MediaRejected, sanitizeMedia } from './media.sanitizer';

const BANGLI = { latitude: -8.4546, longitude: 115.3547 };

function rejection(input: Buffer): MediaRejected {
  try {
    sanitizeMedia(input);
  } catch (error) {
    if (error instanceof MediaRejected) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('sanitizeMedia: JPEG', () => {
  const photo = tinyJpeg({ exif: { gps: BANGLI, orientation: 6, make: 'SecretPhoneMaker' }, comment: 'owner: Made', xmp: '<x:xmpmeta>Made</x:xmpmeta>', trailer: Buffer.from('MOTION-PHOTO-VIDEO') });

  it('keeps the GPS position aside and removes EXIF, XMP, comments and the trailer from the file', () => {
    const media = sanitizeMedia(photo);
    expect(media).toMatchObject({ mediaType: 'image/jpeg', kind: AttachmentKind.PHOTO });
    expect(media.position?.latitude).toBeCloseTo(BANGLI.latitude, 5);
    expect(media.position?.longitude).toBeCloseTo(BANGLI.longitude, 5);
    const text = media.bytes.toString('latin1');
    for (const gone of ['SecretPhoneMaker', 'owner: Made', 'xmpmeta', 'MOTION-PHOTO-VIDEO']) expect(text).not.toContain(gone);
    expect(media.removed).toEqual(expect.arrayContaining(['APP1 Exif', 'COM', 'trailer 18 bytes']));
    // The minimal block written back holds the orientation and no position.
    const app1 = media.bytes.indexOf('Exif\0\0', 0, 'latin1');
    expect(readExif(media.bytes.subarray(app1 + 6))).toEqual({ position: null, orientation: 6 });
    expect(media.bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
  });

  it('leaves the image data byte for byte', () => {
    const media = sanitizeMedia(photo);
    const scan = (b: Buffer) => b.subarray(b.indexOf(Buffer.from([0xff, 0xda])));
    expect(scan(media.bytes)).toEqual(scan(photo).subarray(0, scan(media.bytes).length));
  });

  it('changes nothing in a clean photo but the missing EXIF', () => {
    const clean = tinyJpeg();
    expect(sanitizeMedia(clean).bytes).toEqual(clean);
    expect(sanitizeMedia(clean).position).toBeNull();
  });

  it('refuses a JPEG start on garbage and a truncated JPEG', () => {
    expect(rejection(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not really a photo at all')])).reason).toBe('MALFORMED');
    expect(rejection(tinyJpeg().subarray(0, 60)).reason).toBe('MALFORMED');
  });

  it('survives every truncation without throwing anything but MediaRejected', () => {
    for (let n = 3; n < photo.length; n += 7) {
      try {
        sanitizeMedia(photo.subarray(0, n));
      } catch (error) {
        expect(error).toBeInstanceOf(MediaRejected);
      }
    }
  });
});

describe('sanitizeMedia: PNG and EXIF', () => {
  it('drops text and eXIf chunks, keeping the position', () => {
    const media = sanitizeMedia(tinyPng({ text: 'Made Wirawan', exif: { gps: BANGLI } }));
    expect(media.mediaType).toBe('image/png');
    expect(media.removed).toEqual(['tEXt', 'eXIf']);
    expect(media.bytes.toString('latin1')).not.toContain('Made Wirawan');
    expect(media.position?.latitude).toBeCloseTo(BANGLI.latitude, 5);
  });

  it('refuses a PNG signature on garbage (the CRC fails) and a chunk cut short', () => {
    const forged = Buffer.concat([tinyPng().subarray(0, 8), Buffer.from('<?php system($_GET["c"]); ?> padding padding')]);
    expect(rejection(forged).reason).toBe('MALFORMED');
    const flipped = tinyPng();
    flipped[40] ^= 0xff;
    expect(rejection(flipped).reason).toBe('MALFORMED');
  });

  it('reads nothing from a hostile EXIF block (offsets out of range)', () => {
    const tiff = exifTiff({ gps: BANGLI });
    tiff.writeUInt32BE(0xfffffff0, 4);
    expect(readExif(tiff)).toEqual({ position: null, orientation: null });
  });
});

describe('sanitizeMedia: voice notes and documents', () => {
  it('accepts Ogg/Opus, AMR, MP3 (ID3 removed) and PDF', () => {
    expect(sanitizeMedia(tinyOpus())).toMatchObject({ mediaType: 'audio/ogg', kind: AttachmentKind.VOICE });
    expect(sanitizeMedia(tinyAmr())).toMatchObject({ mediaType: 'audio/amr', kind: AttachmentKind.VOICE });
    const mp3 = sanitizeMedia(tinyMp3());
    expect(mp3).toMatchObject({ mediaType: 'audio/mpeg', removed: ['ID3v2'] });
    expect(mp3.bytes.toString('latin1')).not.toContain('Jalan');
    expect(sanitizeMedia(tinyPdf())).toMatchObject({ mediaType: 'application/pdf', kind: AttachmentKind.DOCUMENT });
  });

  it('refuses an Ogg page with a wrong CRC, and AMR frames that do not fill the file', () => {
    const ogg = tinyOpus();
    ogg[ogg.length - 1] ^= 1;
    expect(rejection(ogg).reason).toBe('MALFORMED');
    expect(rejection(Buffer.concat([tinyAmr(), Buffer.from([0x3c, 1, 2])])).reason).toBe('MALFORMED');
  });

  it('refuses a PDF that runs JavaScript', () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj<</OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF\n', 'latin1');
    expect(rejection(pdf).reason).toBe('UNSUPPORTED_TYPE');
  });
});

describe('sanitizeMedia: what is not accepted', () => {
  it.each([
    ['a shell script named .jpg', Buffer.from('#!/bin/sh\nrm -rf /\n')],
    ['HTML', Buffer.from('<html><script>alert(1)</script></html>')],
    ['a HEIC photo', Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(64)])],
    ['a ZIP archive', Buffer.from('PK\x03\x04 archive', 'latin1')],
  ])('refuses %s as UNSUPPORTED_TYPE', (_name, bytes) => {
    expect(rejection(bytes).reason).toBe('UNSUPPORTED_TYPE');
  });

  it('refuses an empty file', () => {
    expect(rejection(Buffer.alloc(0)).reason).toBe('MALFORMED');
  });
});
