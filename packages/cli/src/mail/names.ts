/**
 * File names in the output directory. Attachment names come from the sender, who may be careless or
 * hostile: a name is reduced to one harmless path component, and every name is checked to land in
 * the directory before anything is written.
 */
import { dirname, resolve } from 'node:path';
import { CliFailure } from '../failure.ts';

/** Most file systems allow 255 bytes per name; the message id and index prefix take 45. */
const MAX_NAME_BYTES = 180;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * C0/C1 controls, and the bidirectional and zero-width marks that can make `fiche.exe` look like
 * `fiche.pdf` in a file manager.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Characters Windows refuses in names (the output directory may be a share read by Windows). */
const WINDOWS_RESERVED = /[<>:"|?*]/g;

/** A message id as a file name prefix: the server's, so checked to be the UUID it must be. */
export function messageIdName(id: string): string {
  const lower = id.toLowerCase();
  if (!UUID.test(lower)) throw new CliFailure('MESSAGE_ID_INVALID', `the server listed a letter id "${id}"`);
  return lower;
}

function cutToBytes(name: string, max: number): string {
  if (Buffer.byteLength(name) <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  let stem = Array.from(name.slice(0, name.length - extension.length));
  while (stem.length > 0 && Buffer.byteLength(stem.join('') + extension) > max) stem = stem.slice(0, -1);
  return stem.join('') + extension;
}

/**
 * One safe path component from a sender's file name: the last segment after `/` or `\`, without
 * invisible characters, Windows-reserved ones, leading dots (no `..`, no hidden files) or trailing
 * dots and spaces; "attachment" when nothing is left.
 */
export function safeFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  const cleaned = last
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(WINDOWS_RESERVED, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  return cutToBytes(cleaned, MAX_NAME_BYTES) || 'attachment';
}

/** The full path of `name` in `dir`, refused if it would land anywhere else. */
export function inside(dir: string, name: string): string {
  const base = resolve(dir);
  const path = resolve(base, name);
  if (dirname(path) !== base || name.includes('/') || name.includes('\\')) {
    throw new CliFailure('FILE_NAME_UNSAFE', `refusing to write ${JSON.stringify(name)} outside ${base}`);
  }
  return path;
}
