import {
  ChatPhotoError,
  checkReceivedPhoto,
  encodePhotoCard,
  jpegMetadataMarkers,
  parsePhotoCard,
} from '@liaison/core/chat/photo';
import { syntheticJpeg } from '@liaison/core/synthetic/jpeg';
import { describe, expect, it } from 'vitest';
import { openChatMessage } from '../src/pages/chat/crypto/envelopes.ts';
import { checkPhotoFile, photoCard, type ReducedPhoto } from '../src/pages/chat/crypto/reducePhoto.ts';

function reduced(): ReducedPhoto {
  const photo = new Uint8Array(syntheticJpeg({ width: 1600, height: 1067 }));
  const thumbnail = new Uint8Array(syntheticJpeg({ width: 320, height: 213 }));
  return {
    photo: { jpeg: photo, width: 1600, height: 1067 },
    thumbnail: { jpeg: thumbnail, width: 320, height: 213 },
  };
}

describe('chat photo card', () => {
  it('goes from the sending device to the receiving one and checks the photo against it', async () => {
    const photo = reduced();
    const card = await photoCard(photo, 'Plaie du talon, J3');
    const received = parsePhotoCard(encodePhotoCard(card));
    expect(received).toEqual(card);
    expect(received.bytes).toBe(photo.photo.jpeg.length);
    await expect(checkReceivedPhoto(received, photo.photo.jpeg)).resolves.toBe(photo.photo.jpeg);
    // Another photo under this card is refused rather than shown.
    const other = new Uint8Array(syntheticJpeg({ width: 1600, height: 1067, comment: 'x' }));
    await expect(checkReceivedPhoto(received, other)).rejects.toBeInstanceOf(ChatPhotoError);
    expect(jpegMetadataMarkers(photo.photo.jpeg)).toEqual([]);
  });

  it('refuses a file that is not an image before decoding it', async () => {
    const pdf = new Blob([new TextEncoder().encode('%PDF-1.7\n%âãÏÓ')], { type: 'application/pdf' });
    await expect(checkPhotoFile(pdf)).rejects.toMatchObject({ code: 'PHOTO_NOT_IMAGE' });
    const jpeg = new Blob([new Uint8Array(syntheticJpeg({ width: 10, height: 10 }))], { type: 'image/jpeg' });
    await expect(checkPhotoFile(jpeg)).resolves.toBeUndefined();
  });

  it('reports an envelope it cannot open as unreadable instead of failing the thread', async () => {
    const opened = await openChatMessage({ kind: 'text', envelope: 'AAAA' }, []);
    expect(opened.kind).toBe('unreadable');
  });
});
