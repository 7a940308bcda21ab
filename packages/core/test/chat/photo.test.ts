import { describe, expect, it } from 'vitest';
import {
  ChatPhotoError,
  checkReceivedPhoto,
  encodePhotoCard,
  fitWithin,
  jpegMetadataMarkers,
  jpegSize,
  parsePhotoCard,
  sha256Hex,
  sniffImage,
  stripJpegMetadata,
  type ChatPhotoCard,
} from '../../src/chat/photo.ts';
import { syntheticJpeg } from '../../src/synthetic/jpeg.ts';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text));

async function cardFor(photo: Uint8Array, caption = 'Plaie J3'): Promise<ChatPhotoCard> {
  const size = jpegSize(photo);
  return {
    v: 1,
    caption,
    ...size,
    bytes: photo.length,
    sha256: await sha256Hex(photo),
    thumbnail: { width: 320, height: 240, jpeg: base64(syntheticJpeg({ width: 320, height: 240 })) },
  };
}

describe('photo reduction rules', () => {
  it('fits the longest side within the limit, keeps the aspect and never enlarges', () => {
    expect(fitWithin(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10000, 10, 320)).toEqual({ width: 320, height: 1 });
    expect(() => fitWithin(0, 10, 1600)).toThrow(ChatPhotoError);
  });

  it('recognises what phones and browsers produce, and nothing else', () => {
    expect(sniffImage(syntheticJpeg({ width: 10, height: 10 }))).toBe('jpeg');
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffImage(new TextEncoder().encode('GIF89a....'))).toBe('gif');
    expect(sniffImage(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffImage(new TextEncoder().encode('\0\0\0\x18ftypheic'))).toBe('heic');
    expect(sniffImage(new TextEncoder().encode('%PDF-1.7'))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });

  it('reads the size from the frame header', () => {
    expect(jpegSize(syntheticJpeg({ width: 3000, height: 2000, exif: 'x' }))).toEqual({
      width: 3000,
      height: 2000,
    });
    expect(() => jpegSize(new TextEncoder().encode('%PDF-1.7'))).toThrow(/not a JPEG/);
    expect(() => jpegSize(syntheticJpeg({ width: 10, height: 10 }).subarray(0, 30))).toThrow(ChatPhotoError);
  });

  it('removes EXIF (GPS, camera) and comments and keeps the pixels byte for byte', () => {
    const withGps = syntheticJpeg({
      width: 1600,
      height: 1200,
      exif: 'GPS 48.8566N 2.3522E',
      comment: 'Dr X',
    });
    expect(jpegMetadataMarkers(withGps)).toEqual([0xe1, 0xfe]);
    const stripped = stripJpegMetadata(withGps);
    expect(jpegMetadataMarkers(stripped)).toEqual([]);
    expect(contains(stripped, 'GPS')).toBe(false);
    expect(contains(stripped, 'Dr X')).toBe(false);
    expect(jpegSize(stripped)).toEqual({ width: 1600, height: 1200 });
    const clean = syntheticJpeg({ width: 1600, height: 1200 });
    expect(Buffer.from(stripped).equals(Buffer.from(clean))).toBe(true);
    expect(Buffer.from(stripJpegMetadata(clean)).equals(Buffer.from(clean))).toBe(true);
  });
});

describe('the receiving side', () => {
  it('shows a photo only when it is the JPEG its card announced', async () => {
    const photo = syntheticJpeg({ width: 1600, height: 1200 });
    const card = parsePhotoCard(encodePhotoCard(await cardFor(photo)));
    expect(card.caption).toBe('Plaie J3');
    await expect(checkReceivedPhoto(card, photo)).resolves.toBe(photo);

    const other = syntheticJpeg({ width: 1600, height: 1199 });
    await expect(checkReceivedPhoto(card, other)).rejects.toMatchObject({ code: 'PHOTO_MISMATCH' });
    const tampered = photo.slice();
    tampered[tampered.length - 4] = tampered.at(-4)! ^ 1;
    await expect(checkReceivedPhoto(card, tampered)).rejects.toMatchObject({ code: 'PHOTO_MISMATCH' });
    const pdf = new TextEncoder().encode('%PDF-1.7 pretending');
    await expect(checkReceivedPhoto(card, pdf)).rejects.toMatchObject({ code: 'PHOTO_NOT_IMAGE' });
  });

  it('refuses a photo over 1600 px even if its card says so', async () => {
    const huge = syntheticJpeg({ width: 4000, height: 3000 });
    const card = { ...(await cardFor(syntheticJpeg({ width: 1600, height: 1200 }))) };
    await expect(checkReceivedPhoto({ ...card, width: 1600 }, huge)).rejects.toMatchObject({
      code: 'PHOTO_TOO_LARGE',
    });
  });

  it('refuses cards that are not photo cards', async () => {
    const photo = syntheticJpeg({ width: 100, height: 100 });
    const good = await cardFor(photo);
    const bad = [
      new TextEncoder().encode('plain text'),
      new Uint8Array([0xff, 0xfe, 0x00]),
      new TextEncoder().encode(JSON.stringify({ ...good, width: 4000 })),
      new TextEncoder().encode(JSON.stringify({ ...good, extra: 1 })),
      new TextEncoder().encode(
        JSON.stringify({
          ...good,
          thumbnail: { ...good.thumbnail, jpeg: base64(new TextEncoder().encode('%PDF')) },
        }),
      ),
      new TextEncoder().encode(JSON.stringify({ ...good, thumbnail: { ...good.thumbnail, width: 300 } })),
    ];
    for (const bytes of bad) expect(() => parsePhotoCard(bytes)).toThrow(ChatPhotoError);
  });
});
