/**
 * Which reader a file needs, decided from its bytes: the extension is only a hint people get wrong
 * (a CSV renamed .xls, an old .xls renamed .xlsx), so it is used in messages, never to decide.
 */
import { fail } from '../../errors.ts';
import { MAX_CSV_BYTES, MAX_XLSX_BYTES, MAX_XLSX_UNCOMPRESSED_BYTES } from './limits.ts';
import { inflatedSize, readZipListing } from './zipListing.ts';

export type FileFormat = 'csv' | 'xlsx';

const SAVE_AS = 'open it in Excel or LibreOffice and save it as .xlsx or CSV';

/** Binary formats people upload by mistake, recognised so the message can name them. */
const KNOWN_BINARIES: readonly { magic: readonly number[]; what: string }[] = [
  {
    // OLE2 compound file: Excel 97-2003, and also any workbook saved with a password (Office
    // encrypts an .xlsx into an OLE2 container).
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'a legacy Excel 97-2003 (.xls) workbook or a password-protected one',
  },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
];

const ZIP_MAGICS: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06], // an empty zip
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

function unsupported(fileName: string, what: string): never {
  fail('FILE_FORMAT_UNSUPPORTED', `${fileName} is ${what}: ${SAVE_AS}.`, { fileName });
}

function tooLarge(fileName: string, limitBytes: number, what: string): never {
  fail('FILE_TOO_LARGE', `${fileName} is larger than ${limitBytes / (1024 * 1024)} MB ${what}.`, {
    fileName,
    maxBytes: limitBytes,
  });
}

function checkWorkbookZip(bytes: Uint8Array, fileName: string): 'xlsx' {
  if (bytes.length > MAX_XLSX_BYTES) tooLarge(fileName, MAX_XLSX_BYTES, '(the .xlsx limit)');
  const listing = readZipListing(bytes);
  if (listing === null) unsupported(fileName, 'a damaged or unreadable zip archive');
  const { names } = listing;
  if (names.has('xl/workbook.xml')) {
    // Declared sizes first (free), then the real ones (a zip bomb lies about them).
    const inflated =
      listing.declaredBytes > MAX_XLSX_UNCOMPRESSED_BYTES
        ? ({ ok: false, reason: 'too-large' } as const)
        : inflatedSize(bytes, listing, MAX_XLSX_UNCOMPRESSED_BYTES);
    if (!inflated.ok && inflated.reason === 'too-large') {
      tooLarge(fileName, MAX_XLSX_UNCOMPRESSED_BYTES, 'once uncompressed');
    }
    if (!inflated.ok) unsupported(fileName, 'a damaged .xlsx workbook');
    return 'xlsx';
  }
  if (names.has('xl/workbook.bin')) unsupported(fileName, 'an Excel binary workbook (.xlsb)');
  if (names.has('content.xml')) unsupported(fileName, 'an OpenDocument file (.ods)');
  if ([...names].some((name) => name.startsWith('word/'))) unsupported(fileName, 'a Word document');
  return unsupported(fileName, 'a zip archive, not an .xlsx workbook');
}

/** The format of the bytes, or an AppError saying why no reader applies. */
export function detectFormat(bytes: Uint8Array, fileName: string): FileFormat {
  if (ZIP_MAGICS.some((magic) => startsWith(bytes, magic))) return checkWorkbookZip(bytes, fileName);
  const binary = KNOWN_BINARIES.find(({ magic }) => startsWith(bytes, magic));
  if (binary !== undefined) unsupported(fileName, binary.what);
  if (bytes.length > MAX_CSV_BYTES) tooLarge(fileName, MAX_CSV_BYTES, '(the CSV limit)');
  return 'csv';
}
