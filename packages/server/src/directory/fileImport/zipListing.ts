/**
 * Reads a zip's central directory (the table of contents at its end): enough to tell an .xlsx from
 * an .ods or a .docx, and to weigh the parts once inflated before exceljs inflates them all into
 * memory. The sizes the directory declares can lie (JSZip only compares them after inflating), so
 * `inflatedSize` also inflates each part with a hard cap on the output.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflate (the only two an .xlsx uses). */
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipListing {
  readonly names: ReadonlySet<string>;
  readonly entries: readonly ZipEntry[];
  /** Sum of the declared uncompressed sizes. */
  readonly declaredBytes: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_LENGTH = 22;
const ENTRY_HEADER_LENGTH = 46;
const LOCAL_HEADER_LENGTH = 30;
const MAX_COMMENT_LENGTH = 0xffff;
/** A ZIP64 archive writes 0xFFFFFFFF in the 32-bit fields and the real values elsewhere. */
const ZIP64_MARK = 0xffffffff;

const nameDecoder = new TextDecoder('utf-8');

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfDirectory(view: DataView): number | null {
  const last = view.byteLength - END_RECORD_LENGTH;
  const first = Math.max(0, last - MAX_COMMENT_LENGTH);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return null;
}

/** The listing, or null when the bytes are not a zip this reader follows (damaged, or ZIP64). */
export function readZipListing(bytes: Uint8Array): ZipListing | null {
  if (bytes.byteLength < END_RECORD_LENGTH) return null;
  const view = viewOf(bytes);
  const end = findEndOfDirectory(view);
  if (end === null) return null;
  const entryCount = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (directoryOffset === ZIP64_MARK || directoryOffset + directorySize > end) return null;

  const names = new Set<string>();
  const entries: ZipEntry[] = [];
  let declaredBytes = 0;
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + ENTRY_HEADER_LENGTH > end || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    const nameStart = at + ENTRY_HEADER_LENGTH;
    if (nameStart + nameLength > end) return null;
    if (compressedSize === ZIP64_MARK || uncompressedSize === ZIP64_MARK) return null;
    // Some writers put a leading slash on part names; exceljs strips it too.
    const name = nameDecoder.decode(bytes.subarray(nameStart, nameStart + nameLength)).replace(/^\//, '');
    names.add(name);
    entries.push({ name, method: view.getUint16(at + 10, true), compressedSize, localHeaderOffset });
    declaredBytes += uncompressedSize;
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return { names, entries, declaredBytes };
}

export type InflatedSize = { ok: true; bytes: number } | { ok: false; reason: 'too-large' | 'damaged' };

/** The real size of all parts once inflated, stopping as soon as it passes `limit`. */
export function inflatedSize(bytes: Uint8Array, listing: ZipListing, limit: number): InflatedSize {
  const view = viewOf(bytes);
  let total = 0;
  for (const entry of listing.entries) {
    const header = entry.localHeaderOffset;
    if (header + LOCAL_HEADER_LENGTH > bytes.byteLength || view.getUint32(header, true) !== LOCAL_HEADER) {
      return { ok: false, reason: 'damaged' };
    }
    const dataStart =
      header + LOCAL_HEADER_LENGTH + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
    if (entry.method === 0) total += data.byteLength;
    else if (entry.method === 8) {
      try {
        // Over the cap, zlib stops and throws instead of allocating what the part claims.
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, limit - total) }).byteLength;
      } catch (error) {
        const tooLarge = (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';
        return { ok: false, reason: tooLarge ? 'too-large' : 'damaged' };
      }
    } else return { ok: false, reason: 'damaged' };
    if (total > limit) return { ok: false, reason: 'too-large' };
  }
  return { ok: true, bytes: total };
}
