import { z } from 'zod';
import { subtle } from '../crypto/engine.ts';

/**
 * Photos in chat (issue 8). The sending device decodes the picture, draws it no larger than
 * CHAT_PHOTO_MAX_SIDE on its longest side, re-encodes it as JPEG (which drops EXIF, GPS, XMP and
 * comments: only pixels are drawn) and strips any metadata segment the encoder may still have written.
 * It then sends two envelopes for the same certificates: a small JSON card (caption, dimensions, the
 * SHA-256 of the JPEG and a thumbnail) and the JPEG itself. The receiving device checks that what it
 * decrypted is a JPEG of the announced size and digest before showing it: the server cannot look.
 *
 * Everything here is pure byte work, shared by the web app, the CLI and the tests; decoding and drawing
 * pixels is the platform's job (a canvas in the browser).
 */

export const CHAT_PHOTO_MAX_SIDE = 1600;
export const CHAT_THUMBNAIL_MAX_SIDE = 320;
/** JPEG quality the devices encode with: a wound or a rash stays readable at about 0.3 MB. */
export const CHAT_PHOTO_QUALITY = 0.85;
export const CHAT_THUMBNAIL_QUALITY = 0.7;
export const MAX_CHAT_CAPTION_CHARS = 2000;
/** What a device accepts to reduce: larger files are refused before decoding (a phone's 50 MP RAW is not a photo to send). */
export const MAX_CHAT_PHOTO_SOURCE_BYTES = 40 * 1024 * 1024;

const Side = z.number().int().min(1).max(CHAT_PHOTO_MAX_SIDE);
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** The JSON inside a photo message's (small) envelope. */
export const ChatPhotoCard = z.strictObject({
  v: z.literal(1),
  caption: z.string().max(MAX_CHAT_CAPTION_CHARS),
  width: Side,
  height: Side,
  /** Byte length and SHA-256 (hex) of the JPEG in the photo envelope. */
  bytes: z.number().int().min(1),
  sha256: Hex64,
  thumbnail: z.strictObject({
    width: z.number().int().min(1).max(CHAT_THUMBNAIL_MAX_SIDE),
    height: z.number().int().min(1).max(CHAT_THUMBNAIL_MAX_SIDE),
    /** Base64 JPEG. */
    jpeg: z.string().min(1),
  }),
});
export type ChatPhotoCard = z.infer<typeof ChatPhotoCard>;

export class ChatPhotoError extends Error {
  constructor(
    readonly code: 'PHOTO_NOT_IMAGE' | 'PHOTO_CARD_INVALID' | 'PHOTO_MISMATCH' | 'PHOTO_TOO_LARGE',
    message: string,
  ) {
    super(message);
    this.name = 'ChatPhotoError';
  }
}

/** The size to draw at: within `max` on the longest side, never enlarged, aspect kept. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  if (width <= 0 || height <= 0) throw new ChatPhotoError('PHOTO_NOT_IMAGE', 'the image has no size');
  const scale = Math.min(1, max / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

export type ImageKind = 'jpeg' | 'png' | 'gif' | 'webp' | 'heic';

/**
 * What kind of image the bytes are, by their signature; null when they are not one of the formats a
 * phone or a browser produces. Used on the sending side to refuse a PDF before trying to draw it.
 */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
  const at = (i: number, ...values: number[]) => values.every((v, k) => bytes[i + k] === v);
  const ascii = (i: number, text: string) => at(i, ...[...text].map((c) => c.charCodeAt(0)));
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp';
  if (ascii(4, 'ftyp') && ['heic', 'heix', 'mif1', 'msf1', 'hevc'].some((b) => ascii(8, b))) return 'heic';
  return null;
}

export interface JpegSegment {
  marker: number;
  /** Offset of the 0xFF marker byte. */
  start: number;
  /** Offset just past the segment (marker, length and payload). */
  end: number;
}

/** Markers with no length field (restart markers, TEM). */
const STANDALONE = new Set([0x01, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7]);
const SOS = 0xda;
const EOI = 0xd9;

/**
 * The header segments of a baseline or progressive JPEG, from SOI up to and including the first SOS
 * (what follows is entropy-coded data). Throws PHOTO_NOT_IMAGE on anything malformed.
 */
export function jpegSegments(bytes: Uint8Array): JpegSegment[] {
  if (!(bytes[0] === 0xff && bytes[1] === 0xd8)) {
    throw new ChatPhotoError('PHOTO_NOT_IMAGE', 'not a JPEG (no start-of-image marker)');
  }
  const segments: JpegSegment[] = [];
  let i = 2;
  for (;;) {
    if (i + 1 >= bytes.length || bytes[i] !== 0xff) {
      throw new ChatPhotoError('PHOTO_NOT_IMAGE', 'JPEG header is truncated or malformed');
    }
    // Fill bytes (0xFF repeated) may precede a marker.
    while (bytes[i + 1] === 0xff && i + 2 < bytes.length) i++;
    const marker = bytes[i + 1]!;
    if (marker === EOI) throw new ChatPhotoError('PHOTO_NOT_IMAGE', 'JPEG has no image data');
    if (STANDALONE.has(marker)) {
      segments.push({ marker, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if (i + 3 >= bytes.length) throw new ChatPhotoError('PHOTO_NOT_IMAGE', 'JPEG header is truncated');
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (length < 2 || i + 2 + length > bytes.length) {
      throw new ChatPhotoError('PHOTO_NOT_IMAGE', 'JPEG segment length is out of the file');
    }
    const segment = { marker, start: i, end: i + 2 + length };
    segments.push(segment);
    if (marker === SOS) return segments;
    i = segment.end;
  }
}

/** Start-of-frame markers (SOF0–SOF15 but DHT, JPG and DAC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Width and height from the JPEG's start-of-frame segment. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  const frame = jpegSegments(bytes).find((s) => isStartOfFrame(s.marker));
  if (!frame) throw new ChatPhotoError('PHOTO_NOT_IMAGE', 'JPEG has no frame header');
  const p = frame.start + 4;
  const height = (bytes[p + 1]! << 8) | bytes[p + 2]!;
  const width = (bytes[p + 3]! << 8) | bytes[p + 4]!;
  if (width === 0 || height === 0) throw new ChatPhotoError('PHOTO_NOT_IMAGE', 'JPEG has no size');
  return { width, height };
}

/**
 * Segments that carry no pixels but may carry who, where and when: APP1–APP15 (EXIF with GPS and the
 * camera's serial, XMP, IPTC, ICC profiles, maker notes) and comments. APP0 (JFIF: pixel density only)
 * is kept, since some decoders want it.
 */
export function isMetadataMarker(marker: number): boolean {
  return (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
}

export function jpegMetadataMarkers(bytes: Uint8Array): number[] {
  return jpegSegments(bytes)
    .filter((s) => isMetadataMarker(s.marker))
    .map((s) => s.marker);
}

/** The same JPEG without its metadata segments (pixels untouched, byte for byte). */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const segments = jpegSegments(bytes);
  const dropped = segments.filter((s) => isMetadataMarker(s.marker));
  const out = new Uint8Array(bytes.length - dropped.reduce((n, s) => n + (s.end - s.start), 0));
  out.set(bytes.subarray(0, 2), 0);
  let w = 2;
  let from = 2;
  for (const s of dropped) {
    out.set(bytes.subarray(from, s.start), w);
    w += s.start - from;
    from = s.end;
  }
  out.set(bytes.subarray(from), w);
  return out;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await subtle().digest('SHA-256', new Uint8Array(bytes)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The card's JSON, as the bytes to encrypt. */
export function encodePhotoCard(card: ChatPhotoCard): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(ChatPhotoCard.parse(card)));
}

/** The decrypted card, checked: PHOTO_CARD_INVALID for anything else (the sender may be buggy or hostile). */
export function parsePhotoCard(bytes: Uint8Array): ChatPhotoCard {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ChatPhotoError('PHOTO_CARD_INVALID', 'the photo card is not JSON');
  }
  const card = ChatPhotoCard.safeParse(json);
  if (!card.success) throw new ChatPhotoError('PHOTO_CARD_INVALID', 'the photo card is not a photo card');
  const thumbnail = base64Bytes(card.data.thumbnail.jpeg);
  checkJpeg(thumbnail, card.data.thumbnail, CHAT_THUMBNAIL_MAX_SIDE);
  return card.data;
}

function base64Bytes(text: string): Uint8Array {
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    throw new ChatPhotoError('PHOTO_CARD_INVALID', 'the thumbnail is not base64');
  }
}

function checkJpeg(bytes: Uint8Array, announced: { width: number; height: number }, max: number): void {
  if (sniffImage(bytes) !== 'jpeg') throw new ChatPhotoError('PHOTO_NOT_IMAGE', 'not a JPEG image');
  const size = jpegSize(bytes);
  if (size.width > max || size.height > max) {
    throw new ChatPhotoError('PHOTO_TOO_LARGE', `the image is over ${max} px`);
  }
  if (size.width !== announced.width || size.height !== announced.height) {
    throw new ChatPhotoError('PHOTO_MISMATCH', 'the image is not the size its card announces');
  }
}

/**
 * The receiving side's check of a decrypted photo before it is shown: a JPEG, within 1600 px, of the
 * size and SHA-256 its card announced (so the card and the photo were sent together). Throws
 * ChatPhotoError; returns the bytes to display.
 */
export async function checkReceivedPhoto(card: ChatPhotoCard, bytes: Uint8Array): Promise<Uint8Array> {
  checkJpeg(bytes, card, CHAT_PHOTO_MAX_SIDE);
  if (bytes.length !== card.bytes || (await sha256Hex(bytes)) !== card.sha256) {
    throw new ChatPhotoError('PHOTO_MISMATCH', 'the photo is not the one its card announces');
  }
  return bytes;
}
