import {
  CHAT_PHOTO_MAX_SIDE,
  CHAT_PHOTO_QUALITY,
  CHAT_THUMBNAIL_MAX_SIDE,
  CHAT_THUMBNAIL_QUALITY,
  ChatPhotoError,
  fitWithin,
  MAX_CHAT_PHOTO_SOURCE_BYTES,
  sha256Hex,
  sniffImage,
  stripJpegMetadata,
  type ChatPhotoCard,
} from '@liaison/core/chat/photo';
import { base64Encode } from '@liaison/core/crypto/index';

/**
 * The sending side of a chat photo, in the browser: the picture is decoded (turned upright by its
 * EXIF orientation), drawn no larger than 1600 px and re-encoded as JPEG. Only pixels are drawn, so
 * the camera's EXIF (GPS position, serial number, time) cannot travel; the metadata segments the
 * encoder might still write are stripped anyway, belt and braces.
 */

export interface ReducedJpeg {
  jpeg: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
}

export interface ReducedPhoto {
  photo: ReducedJpeg;
  thumbnail: ReducedJpeg;
}

/** Refuses what is not a photo before decoding it (a PDF picked by mistake gets a clear message). */
export async function checkPhotoFile(file: Blob): Promise<void> {
  if (file.size > MAX_CHAT_PHOTO_SOURCE_BYTES) {
    throw new ChatPhotoError('PHOTO_TOO_LARGE', 'the file is too large to be a photo to send');
  }
  const head = new Uint8Array(await file.slice(0, 32).arrayBuffer());
  if (sniffImage(head) === null) throw new ChatPhotoError('PHOTO_NOT_IMAGE', 'not an image');
}

function canvasBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) =>
        blob
          ? resolve(blob)
          : reject(new ChatPhotoError('PHOTO_NOT_IMAGE', 'the image could not be encoded')),
      'image/jpeg',
      quality,
    );
  });
}

async function drawJpeg(bitmap: ImageBitmap, maxSide: number, quality: number): Promise<ReducedJpeg> {
  const size = fitWithin(bitmap.width, bitmap.height, maxSide);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new ChatPhotoError('PHOTO_NOT_IMAGE', 'no canvas to draw on');
  // A transparent PNG would turn black in JPEG: paint white first.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  const blob = await canvasBlob(canvas, quality);
  const jpeg = stripJpegMetadata(new Uint8Array(await blob.arrayBuffer()));
  return { jpeg, ...size };
}

export async function reducePhoto(file: Blob): Promise<ReducedPhoto> {
  await checkPhotoFile(file);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    // A format this browser cannot decode (HEIC outside Safari) or a damaged file.
    throw new ChatPhotoError('PHOTO_NOT_IMAGE', 'this browser cannot decode the image');
  }
  try {
    return {
      photo: await drawJpeg(bitmap, CHAT_PHOTO_MAX_SIDE, CHAT_PHOTO_QUALITY),
      thumbnail: await drawJpeg(bitmap, CHAT_THUMBNAIL_MAX_SIDE, CHAT_THUMBNAIL_QUALITY),
    };
  } finally {
    bitmap.close();
  }
}

/** The card sent in the message's small envelope: what the receiver shows at once and checks against. */
export async function photoCard(reduced: ReducedPhoto, caption: string): Promise<ChatPhotoCard> {
  return {
    v: 1,
    caption,
    width: reduced.photo.width,
    height: reduced.photo.height,
    bytes: reduced.photo.jpeg.length,
    sha256: await sha256Hex(reduced.photo.jpeg),
    thumbnail: {
      width: reduced.thumbnail.width,
      height: reduced.thumbnail.height,
      jpeg: base64Encode(reduced.thumbnail.jpeg),
    },
  };
}
