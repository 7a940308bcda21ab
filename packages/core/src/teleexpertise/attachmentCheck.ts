import { sniffImage, type ImageKind } from '../chat/photo.ts';
import { IMAGE_MIME_TYPES, mimeTypes } from './extensions.ts';
import type { QuestionnaireItem } from './questionnaire.ts';
import type { Attachment } from './responseSchema.ts';

/**
 * Attachment answers are checked on both devices: the declared type must be one the item accepts, and
 * when the bytes travel inline they must really be of that type (a PDF renamed .jpg is not a photo).
 * Files sent by reference are checked when their own envelope is opened.
 */

export type AttachmentFault = {
  code: 'NOT_AN_IMAGE' | 'FILE_TYPE_NOT_ALLOWED' | 'FILE_MISMATCH';
  message: string;
};

const KIND_BY_MIME: Record<string, ImageKind> = { 'image/jpeg': 'jpeg', 'image/png': 'png' };
const isImageType = (type: string) => (IMAGE_MIME_TYPES as readonly string[]).includes(type);

/** Strict base64 (standard alphabet, padded); undefined when it is not. */
function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

const isPdf = (bytes: Uint8Array) => [...'%PDF-'].every((c, i) => bytes[i] === c.charCodeAt(0));

export function checkAttachment(
  item: QuestionnaireItem,
  attachment: Attachment,
): AttachmentFault | undefined {
  const allowed = mimeTypes(item);
  const type = attachment.contentType.toLowerCase();
  if (!allowed.includes(type)) {
    return allowed.every(isImageType)
      ? { code: 'NOT_AN_IMAGE', message: `${type} is not a photo (expected ${allowed.join(' or ')})` }
      : {
          code: 'FILE_TYPE_NOT_ALLOWED',
          message: `${type} is not accepted (expected ${allowed.join(' or ')})`,
        };
  }
  if (attachment.data === undefined) return undefined;
  const bytes = decodeBase64(attachment.data);
  if (!bytes) return { code: 'FILE_MISMATCH', message: 'the attachment data is not base64' };
  if (attachment.size !== undefined && attachment.size !== bytes.length) {
    return {
      code: 'FILE_MISMATCH',
      message: `the attachment is ${bytes.length} bytes, not ${attachment.size}`,
    };
  }
  if (isImageType(type)) {
    const kind = sniffImage(bytes);
    if (kind !== KIND_BY_MIME[type]) {
      return { code: 'NOT_AN_IMAGE', message: `the file's bytes are not a ${type} image` };
    }
  } else if (type === 'application/pdf' && !isPdf(bytes)) {
    return { code: 'FILE_MISMATCH', message: "the file's bytes are not a PDF" };
  }
  return undefined;
}
