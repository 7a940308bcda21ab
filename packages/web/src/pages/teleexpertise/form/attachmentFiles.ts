import { ChatPhotoError } from '@liaison/core/chat/photo';
import { base64Encode } from '@liaison/core/crypto/index';
import { IMAGE_MIME_TYPES } from '@liaison/core/teleexpertise/extensions';
import type { Answer } from '@liaison/core/teleexpertise/responseSchema';
import { reducePhoto } from '../../chat/crypto/reducePhoto.ts';

/**
 * A picked file to an attachment answer, on the device. Photos go through the very reduction chat
 * photos get (pages/chat/crypto/reducePhoto.ts): decoded upright, drawn no larger than 1600 px,
 * re-encoded as JPEG, so the camera's EXIF (GPS position…) never travels and six photos fit in one
 * request envelope. A PDF (an ECG, a letter) travels as it is, within a size that keeps the envelope
 * under the server's limit.
 */

/** Largest PDF accepted in a form (the whole request envelope may not pass 12 MiB). */
export const MAX_TE_PDF_BYTES = 4 * 1024 * 1024;

export type FileProblem = 'notAllowed' | 'tooLarge' | 'notImage';

export class AttachmentFileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly fileName: string,
  ) {
    super(`${fileName}: ${problem}`);
    this.name = 'AttachmentFileError';
  }
}

const isImageAllowed = (allowed: readonly string[]) =>
  allowed.some((type) => (IMAGE_MIME_TYPES as readonly string[]).includes(type));

async function isPdfFile(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return new TextDecoder().decode(head) === '%PDF-';
}

export async function attachmentFromFile(file: File, allowed: readonly string[]): Promise<Answer> {
  const title = file.name || 'photo.jpg';
  if (allowed.includes('application/pdf') && (file.type === 'application/pdf' || (await isPdfFile(file)))) {
    if (file.size > MAX_TE_PDF_BYTES) throw new AttachmentFileError('tooLarge', title);
    const bytes = new Uint8Array(await file.arrayBuffer());
    return {
      valueAttachment: {
        contentType: 'application/pdf',
        data: base64Encode(bytes),
        size: bytes.length,
        title,
      },
    };
  }
  if (!isImageAllowed(allowed)) throw new AttachmentFileError('notAllowed', title);
  try {
    const reduced = await reducePhoto(file);
    const jpeg = reduced.photo.jpeg;
    return {
      valueAttachment: { contentType: 'image/jpeg', data: base64Encode(jpeg), size: jpeg.length, title },
    };
  } catch (error) {
    if (error instanceof ChatPhotoError) {
      throw new AttachmentFileError(error.code === 'PHOTO_TOO_LARGE' ? 'tooLarge' : 'notImage', title);
    }
    throw error;
  }
}
