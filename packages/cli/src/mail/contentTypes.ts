/**
 * The content type of an attachment from its file name, for what health professionals attach:
 * reports (PDF), photos and scans, HPRIM and plain text, structured documents (CDA is XML). Anything
 * else goes as application/octet-stream, which every reader can still save.
 */
import { extname } from 'node:path';
import { DEFAULT_ATTACHMENT_TYPE } from '@liaison/core/mail/index';

const BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  webp: 'image/webp',
  heic: 'image/heic',
  txt: 'text/plain',
  // HPRIM has no registered type; it is plain text in a charset the reader detects.
  hpr: 'text/plain',
  hprim: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  xml: 'application/xml',
  json: 'application/json',
  rtf: 'application/rtf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  dcm: 'application/dicom',
  eml: 'message/rfc822',
};

export function contentTypeOf(filename: string): string {
  const extension = extname(filename).slice(1).toLowerCase();
  return BY_EXTENSION[extension] ?? DEFAULT_ATTACHMENT_TYPE;
}
