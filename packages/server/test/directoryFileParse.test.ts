import { encodeHprim } from '@liaison/core/hprim/encoding';
import { luhnCheckDigit } from '@liaison/core/ids/luhn';
import { mulberry32, randomRpps } from '@liaison/core/synthetic/index';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseDirectoryFile, type ParsedFile } from '../src/directory/fileImport/index.ts';
import { AppError } from '../src/errors.ts';

// Every name, address and number here is synthetic (RPPS numbers start with 99, see core/synthetic).
const rng = mulberry32(20_260_301);
const RPPS = randomRpps(rng);
/** The same number with a wrong check digit. */
const BAD_RPPS = RPPS.slice(0, 10) + String((Number(RPPS[10]) + 1) % 10);

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withBom = (text: string): Uint8Array => utf8('\uFEFF' + text);

async function refusal(bytes: Uint8Array, fileName = 'annuaire.csv'): Promise<AppError> {
  try {
    await parseDirectoryFile(bytes, fileName);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

function errorsAt(result: ParsedFile, line: number): { column: string | null; code: string }[] {
  return result.errors.filter((e) => e.line === line).map(({ column, code }) => ({ column, code }));
}

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Annuaire');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

interface ZipPart {
  name: string;
  /** Stored as is, unless `deflated` says these are already deflated bytes. */
  content: string | Uint8Array;
  deflated?: boolean;
  /** Uncompressed size written in the central directory (the real one by default). */
  declaredSize?: number;
}

/** A zip whose central directory says what we want; CRCs are left 0 (never checked before refusal). */
function zip(parts: ZipPart[]): Uint8Array {
  const locals: number[] = [];
  const directory: number[] = [];
  const u16 = (out: number[], n: number): void => void out.push(n & 0xff, (n >>> 8) & 0xff);
  const u32 = (out: number[], n: number): void => {
    u16(out, n & 0xffff);
    u16(out, n >>> 16);
  };
  for (const part of parts) {
    const name = utf8(part.name);
    const content = typeof part.content === 'string' ? utf8(part.content) : part.content;
    const method = part.deflated === true ? 8 : 0;
    const declared = part.declaredSize ?? content.length;
    const offset = locals.length;
    u32(locals, 0x04034b50);
    [20, 0, method, 0, 0].forEach((n) => u16(locals, n)); // version, flags, method, time, date
    u32(locals, 0);
    u32(locals, content.length);
    u32(locals, declared);
    u16(locals, name.length);
    u16(locals, 0);
    locals.push(...name);
    for (const byte of content) locals.push(byte);
    u32(directory, 0x02014b50);
    [20, 20, 0, method, 0, 0].forEach((n) => u16(directory, n));
    u32(directory, 0);
    u32(directory, content.length);
    u32(directory, declared);
    [name.length, 0, 0, 0, 0].forEach((n) => u16(directory, n));
    u32(directory, 0);
    u32(directory, offset);
    directory.push(...name);
  }
  const end: number[] = [];
  u32(end, 0x06054b50);
  [0, 0, parts.length, parts.length].forEach((n) => u16(end, n));
  u32(end, directory.length);
  u32(end, locals.length);
  u16(end, 0);
  return Uint8Array.from([...locals, ...directory, ...end]);
}

/** `size` zero bytes, deflated chunk by chunk (never held inflated in memory). */
async function deflatedZeros(size: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(deflate, 'end');
  const zeros = Buffer.alloc(1 << 20);
  for (let written = 0; written < size; written += zeros.length) {
    if (!deflate.write(zeros)) await once(deflate, 'drain');
  }
  deflate.end();
  await ended;
  return Buffer.concat(chunks);
}

describe('directory file parsing: CSV shapes', () => {
  it('reads French headers, ";", a UTF-8 BOM and CRLF', async () => {
    const csv = [
      'Nom;Prénom;Spécialité;E-mail;N° RPPS;Département;Service',
      `Durand;Alice;SM54;Alice.Durand@chu-exemple.fr;${RPPS};75;Médecine interne`,
      ';;;;;;',
      'Martin;Paul;SM04;paul.martin@chu-exemple.fr;;2A;',
      '',
    ].join('\r\n');
    const result = await parseDirectoryFile(withBom(csv), 'annuaire.csv');
    expect(result).toMatchObject({ format: 'csv', encoding: 'utf-8', separator: ';', totalRows: 2 });
    expect(result.errors).toEqual([]);
    expect(result.columns.map((c) => c.mappedTo)).toEqual([
      'lastName',
      'firstName',
      'specialty',
      'mailboxAddress',
      'nationalId',
      'departement',
      'serviceName',
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(result.rows[0]!.fields).toMatchObject({
      lastName: 'Durand',
      firstName: 'Alice',
      specialty: 'SM54',
      nationalIdKind: 'rpps',
      nationalId: RPPS,
      serviceName: 'Médecine interne',
      mailboxes: [{ address: 'alice.durand@chu-exemple.fr', kind: 'PER' }],
      departement: '75',
      acceptsAttachments: true,
      unlisted: false,
    });
    expect(result.rows[1]!.fields.departement).toBe('2A');
  });

  it('reads English headers with "," and LF', async () => {
    const csv = [
      'Last name,First name,Specialty,Email,Mailbox kind,Dept,Accepts attachments,Unlisted',
      'Smith,Anna,General practice,anna.smith@clinic-example.org,CAB,06,no,yes',
    ].join('\n');
    const result = await parseDirectoryFile(utf8(csv), 'directory.csv');
    expect(result.separator).toBe(',');
    expect(result.errors).toEqual([]);
    expect(result.rows[0]!.fields).toMatchObject({
      specialty: 'SM54',
      mailboxes: [{ address: 'anna.smith@clinic-example.org', kind: 'CAB' }],
      departement: '06',
      acceptsAttachments: false,
      unlisted: true,
    });
  });

  it('reads tab-separated text', async () => {
    const csv = 'Service\tSpécialité\tCourriel\nUrgences adultes\tSM54\turgences@chu-exemple.fr\n';
    const result = await parseDirectoryFile(utf8(csv), 'export.txt');
    expect(result.separator).toBe('\t');
    expect(result.rows[0]!.fields).toMatchObject({
      lastName: null,
      serviceName: 'Urgences adultes',
      // A service alone gets a shared (ORG) mailbox unless the file says otherwise.
      mailboxes: [{ address: 'urgences@chu-exemple.fr', kind: 'ORG' }],
    });
  });

  it('decodes Windows-1252 (Excel "CSV séparateur point-virgule")', async () => {
    const csv =
      'Nom;Prénom;Spécialité;Mail;Service\r\nLefèvre;Zoé;SM54;zoe.lefevre@chu-exemple.fr;Cœur et vaisseaux\r\n';
    const bytes = encodeHprim(csv, 'windows-1252');
    expect(bytes).toContain(0xe8); // è
    expect(bytes).toContain(0x9c); // œ, which Latin-1 does not have
    const result = await parseDirectoryFile(bytes, 'annuaire.csv');
    expect(result.encoding).toBe('windows-1252');
    expect(result.columns[1]!.header).toBe('Prénom');
    expect(result.rows[0]!.fields).toMatchObject({
      lastName: 'Lefèvre',
      firstName: 'Zoé',
      serviceName: 'Cœur et vaisseaux',
    });
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
  ])('keeps line numbers right after a quoted cell holding ";" and a line break (%s)', async (_, nl) => {
    const csv = [
      'Nom;Prénom;Spécialité;Email;Groupe',
      `Durand;Alice;SM54;alice@chu-exemple.fr;"GHT Nord;${nl}site Est"`,
      'Martin;Paul;SM99;paul@chu-exemple.fr;',
      '',
      'Petit;Léa;SM54;lea@chu-exemple.fr;',
      'Bernard;Luc;SM54;no-reply@chu-exemple.fr;',
    ].join(nl);
    const result = await parseDirectoryFile(utf8(csv), 'annuaire.csv');
    expect(result.rows.map((r) => r.line)).toEqual([2, 6]);
    expect(result.rows[0]!.fields.groupName).toBe('GHT Nord; site Est');
    expect(errorsAt(result, 4)).toEqual([{ column: 'Spécialité', code: 'UNKNOWN_CODE' }]);
    expect(errorsAt(result, 7)).toEqual([{ column: 'Email', code: 'NO_REPLY_FORBIDDEN' }]);
    expect(result.totalRows).toBe(4);
  });

  it('reports unknown columns and ignores their cells', async () => {
    const csv =
      'Nom;Prénom;Spécialité;Email;Téléphone;Commentaire\nDurand;Alice;SM54;alice@chu-exemple.fr;=1+1;x\n';
    const result = await parseDirectoryFile(utf8(csv), 'annuaire.csv');
    expect(result.columns.slice(4)).toEqual([
      { header: 'Téléphone', mappedTo: null },
      { header: 'Commentaire', mappedTo: null },
    ]);
    // A formula in an ignored column is never stored, so it does not cost the row.
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });

  it('follows an Excel "sep=" line', async () => {
    const csv = 'sep=,\r\nNom,Prénom,Spécialité,Email\r\nDurand,Alice,SM54,alice@chu-exemple.fr\r\n';
    const result = await parseDirectoryFile(utf8(csv), 'annuaire.csv');
    expect(result.separator).toBe(',');
    expect(result.rows.map((r) => r.line)).toEqual([3]);
  });

  it('reports a short row on its line and a row with a shifted value', async () => {
    const csv =
      'Nom;Prénom;Spécialité;Email;Groupe\nDurand;Alice\nMartin;Paul;SM54;paul@chu-exemple.fr;GHT A; B\n';
    const result = await parseDirectoryFile(utf8(csv), 'annuaire.csv');
    expect(errorsAt(result, 2)).toEqual([
      { column: 'Spécialité', code: 'REQUIRED' },
      { column: 'Email', code: 'REQUIRED' },
    ]);
    expect(errorsAt(result, 3)).toEqual([{ column: null, code: 'EXTRA_CELLS' }]);
  });

  it('reports a quote never closed on the line where it opens, keeping the rows before', async () => {
    const csv =
      'Nom;Prénom;Spécialité;Email\r\nDurand;Alice;SM54;alice@chu-exemple.fr\r\nMartin;"Paul;SM54;p@chu-exemple.fr\r\nPetit;Léa;SM54;lea@chu-exemple.fr\r\n';
    const result = await parseDirectoryFile(utf8(csv), 'annuaire.csv');
    expect(result.rows.map((r) => r.line)).toEqual([2]);
    expect(errorsAt(result, 3)).toEqual([{ column: null, code: 'UNREADABLE_LINE' }]);
  });
});

describe('directory file parsing: cell values', () => {
  const header = 'Nom;Prénom;Spécialité;Profession;Email;RPPS;Type de BAL;Service';

  async function rowsOf(...lines: string[]): Promise<ParsedFile> {
    return parseDirectoryFile(utf8([header, ...lines].join('\n')), 'annuaire.csv');
  }

  it('maps specialty and profession labels to their codes', async () => {
    const result = await rowsOf(
      'Durand;Alice;Médecine générale;Médecin;a@chu-exemple.fr;;;',
      'Martin;Paul;medecine GENERALE;10;b@chu-exemple.fr;;;',
      'Petit;Léa;sm04 - Cardiologie et maladies vasculaires;;c@chu-exemple.fr;;;',
      'Roux;Marc;Chirurgie orale;;d@chu-exemple.fr;;;',
      'Blanc;Inès;Cardiologue du sport;;e@chu-exemple.fr;;;',
      'Noir;Hugo;SM99;;f@chu-exemple.fr;;;',
    );
    expect(result.rows.map((r) => [r.line, r.fields.specialty, r.fields.profession])).toEqual([
      [2, 'SM54', '10'],
      [3, 'SM54', '10'],
      [4, 'SM04', null],
    ]);
    // A label shared by two codes (dentist SCD02, physician SM56) is not guessed.
    const ambiguous = result.errors.find((e) => e.line === 5)!;
    expect(ambiguous).toMatchObject({ column: 'Spécialité', code: 'UNKNOWN_CODE' });
    expect(ambiguous.message).toContain('SCD02');
    expect(errorsAt(result, 6)).toEqual([{ column: 'Spécialité', code: 'UNKNOWN_CODE' }]);
    expect(errorsAt(result, 7)).toEqual([{ column: 'Spécialité', code: 'UNKNOWN_CODE' }]);
  });

  it('refuses a bad RPPS key and a no-reply address with checkEntry codes, on their columns', async () => {
    const result = await rowsOf(
      `Durand;Alice;SM54;;alice@chu-exemple.fr;${BAD_RPPS};;`,
      'Martin;Paul;SM54;;ne-pas-repondre@chu-exemple.fr;;;',
    );
    expect(errorsAt(result, 2)).toEqual([{ column: 'RPPS', code: 'INVALID_IDENTIFIER' }]);
    expect(errorsAt(result, 3)).toEqual([{ column: 'Email', code: 'NO_REPLY_FORBIDDEN' }]);
    expect(result.rows).toEqual([]);
  });

  it('reads mailbox kinds and refuses unknown ones', async () => {
    const result = await rowsOf(
      ';;SM54;;secretariat@chu-exemple.fr;;Organisationnelle;Cardiologie',
      ';;SM54;;dpi@chu-exemple.fr;;APP;Informatique',
      ';;SM54;;x@chu-exemple.fr;;BAL-Z;Pharmacie',
      ';;SM54;;y@chu-exemple.fr;;PER;Pharmacie',
    );
    expect(result.rows.map((r) => r.fields.mailboxes[0]!.kind)).toEqual(['ORG', 'APP']);
    expect(errorsAt(result, 4)).toEqual([{ column: 'Type de BAL', code: 'UNKNOWN_CODE' }]);
    // A personal mailbox needs a person: checkEntry's rule, reported on the kind column.
    expect(errorsAt(result, 5)).toEqual([{ column: 'Type de BAL', code: 'INVALID' }]);
  });

  it('uses the caller default mailbox kind', async () => {
    const csv = 'Service;Spécialité;Email\nBloc;SM54;bloc@chu-exemple.fr\n';
    const result = await parseDirectoryFile(utf8(csv), 'a.csv', { defaultMailboxKind: 'APP' });
    expect(result.rows[0]!.fields.mailboxes).toEqual([{ address: 'bloc@chu-exemple.fr', kind: 'APP' }]);
  });

  it('reports the same address twice on the later line, naming the earlier one', async () => {
    const result = await rowsOf(
      'Durand;Alice;SM54;;alice@chu-exemple.fr;;;',
      'Martin;Paul;SM54;;paul@chu-exemple.fr;;;',
      'Durand;Alicia;SM54;;ALICE@chu-exemple.fr ;;;',
    );
    expect(result.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(result.errors).toEqual([
      {
        line: 4,
        column: 'Email',
        code: 'DUPLICATE_ROW',
        message: expect.stringContaining('Line 2') as string,
      },
    ]);
  });

  it('refuses formulas in CSV cells but not phone-like or dash values', async () => {
    const result = await rowsOf(
      '=HYPERLINK("http://x");Alice;SM54;;a@chu-exemple.fr;;;',
      'Martin;@SUM(A1:A2);SM54;;b@chu-exemple.fr;;;',
      "Petit;Léa;SM54;;c@chu-exemple.fr;;;-cmd|' /C calc'!A0",
      '-;Léa;SM54;;d@chu-exemple.fr;;;+33 Cardiologie',
      ' =1+2;Léa;SM54;;e@chu-exemple.fr;;;',
    );
    expect(errorsAt(result, 2)).toEqual([{ column: 'Nom', code: 'FORMULA_REFUSED' }]);
    expect(errorsAt(result, 3)).toEqual([{ column: 'Prénom', code: 'FORMULA_REFUSED' }]);
    expect(errorsAt(result, 4)).toEqual([{ column: 'Service', code: 'FORMULA_REFUSED' }]);
    expect(errorsAt(result, 6)).toEqual([{ column: 'Nom', code: 'FORMULA_REFUSED' }]);
    expect(result.rows.map((r) => [r.line, r.fields.lastName, r.fields.serviceName])).toEqual([
      [5, '-', '+33 Cardiologie'],
    ]);
  });

  it('refuses a 10 MB cell quickly on its line, without echoing it', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const csv = [
      'Nom;Prénom;Spécialité;Email',
      'Durand;Alice;SM54;alice@chu-exemple.fr',
      `Martin;"Paul\n${huge}";SM54;paul@chu-exemple.fr`,
      'Petit;Léa;SM54;lea@chu-exemple.fr',
    ].join('\n');
    const result = await parseDirectoryFile(utf8(csv), 'annuaire.csv');
    expect(result.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 3, column: 'Prénom', code: 'CELL_TOO_LONG' });
    expect(result.errors[0]!.message.length).toBeLessThan(200);
  });

  it('reads yes/no words and refuses other values', async () => {
    const csv =
      'Nom;Prénom;Spécialité;Email;Pièces jointes;Liste rouge;Proxy\nA;B;SM54;a@chu-exemple.fr;Non;x;oui\nC;D;SM54;c@chu-exemple.fr;peut-être;;\n';
    const result = await parseDirectoryFile(utf8(csv), 'annuaire.csv');
    expect(result.rows[0]!.fields).toMatchObject({
      acceptsAttachments: false,
      unlisted: true,
      proxyUser: true,
    });
    expect(errorsAt(result, 3)).toEqual([{ column: 'Pièces jointes', code: 'INVALID' }]);
  });
});

describe('directory file parsing: XLSX', () => {
  it('reads hyperlinks, rich text, numbers and dates as the user sees them', async () => {
    const bytes = await xlsx([
      [],
      ['Nom', 'Prénom', 'Spécialité', 'Email', 'Département', 'RPPS', 'Mis à jour'],
      [
        { richText: [{ text: 'Le' }, { text: 'fèvre', font: { bold: true } }] },
        'Zoé',
        'SM54',
        { text: 'zoe.lefevre@chu-exemple.fr', hyperlink: 'mailto:zoe.lefevre@chu-exemple.fr' },
        1,
        Number(RPPS),
        new Date(Date.UTC(2026, 2, 1)),
      ],
      ['Martin', 'Paul', 'Médecine générale', 'paul@chu-exemple.fr', 971, null, null],
    ]);
    const result = await parseDirectoryFile(bytes, 'annuaire.xlsx');
    expect(result).toMatchObject({ format: 'xlsx', encoding: null, separator: null, totalRows: 2 });
    expect(result.errors).toEqual([]);
    expect(result.columns.at(-1)).toEqual({ header: 'Mis à jour', mappedTo: null });
    // Row numbers are Excel's: the header is on row 2 here, after an empty row.
    expect(result.rows.map((r) => r.line)).toEqual([3, 4]);
    expect(result.rows[0]!.fields).toMatchObject({
      lastName: 'Lefèvre',
      mailboxes: [{ address: 'zoe.lefevre@chu-exemple.fr', kind: 'PER' }],
      departement: '01',
      nationalId: RPPS,
      nationalIdKind: 'rpps',
    });
    expect(result.rows[1]!.fields).toMatchObject({ specialty: 'SM54', departement: '971' });
  });

  it('refuses formula cells in mapped columns only', async () => {
    const bytes = await xlsx([
      ['Nom', 'Prénom', 'Spécialité', 'Email', 'Nom complet'],
      [
        'Durand',
        'Alice',
        'SM54',
        { formula: 'LOWER(B2)&"@chu-exemple.fr"', result: 'alice@chu-exemple.fr' },
        null,
      ],
      ['Martin', 'Paul', 'SM54', 'paul@chu-exemple.fr', { formula: 'A3&" "&B3', result: 'Martin Paul' }],
    ]);
    const result = await parseDirectoryFile(bytes, 'annuaire.xlsx');
    expect(errorsAt(result, 2)).toEqual([{ column: 'Email', code: 'FORMULA_REFUSED' }]);
    expect(result.rows.map((r) => r.line)).toEqual([3]);
  });

  it('refuses a workbook without the required columns', async () => {
    const error = await refusal(
      await xlsx([
        ['Nom', 'Prénom', 'Email'],
        ['A', 'B', 'a@chu-exemple.fr'],
      ]),
      'a.xlsx',
    );
    expect(error.code).toBe('FILE_COLUMNS_MISSING');
    expect(error.details).toEqual({ missing: ['specialty'], found: ['Nom', 'Prénom', 'Email'] });
  });

  it('refuses a workbook with no data row', async () => {
    expect((await refusal(await xlsx([['Nom', 'Prénom', 'Spécialité', 'Email']]), 'a.xlsx')).code).toBe(
      'FILE_EMPTY',
    );
  });
});

describe('directory file parsing: whole-file refusals', () => {
  it('names the missing required columns', async () => {
    const error = await refusal(utf8('Nom;Prénom;Spécialité;Téléphone\nA;B;SM54;0102030405\n'));
    expect(error).toMatchObject({ code: 'FILE_COLUMNS_MISSING', status: 400 });
    expect(error.details).toEqual({
      missing: ['mailboxAddress'],
      found: ['Nom', 'Prénom', 'Spécialité', 'Téléphone'],
    });
    expect(error.message).toContain('Téléphone');
    const noName = await refusal(utf8('Spécialité,Email\nSM54,a@chu-exemple.fr\n'));
    expect(noName.details).toMatchObject({ missing: ['nameOrService'] });
  });

  it('refuses legacy .xls whatever the extension, and says what to do', async () => {
    const ole2 = Uint8Array.from([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array<number>(504).fill(0),
    ]);
    for (const name of ['annuaire.xls', 'annuaire.xlsx', 'annuaire.csv']) {
      const error = await refusal(ole2, name);
      expect(error.code).toBe('FILE_FORMAT_UNSUPPORTED');
      expect(error.message).toMatch(/\.xls\b/);
      expect(error.message).toMatch(/save it as \.xlsx or CSV/);
    }
  });

  it('refuses other formats: PDF, OpenDocument, any zip that is not a workbook, HTML', async () => {
    const cases: [Uint8Array, string][] = [
      [utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'annuaire.pdf'],
      [
        zip([
          { name: 'mimetype', content: 'application/vnd.oasis.opendocument.spreadsheet' },
          { name: 'content.xml', content: '<x/>' },
        ]),
        'annuaire.ods',
      ],
      [zip([{ name: 'notes.txt', content: 'hello' }]), 'annuaire.zip'],
      [utf8('<html><body><table><tr><td>Nom</td></tr></table></body></html>'), 'annuaire.xls'],
    ];
    for (const [bytes, name] of cases)
      expect((await refusal(bytes, name)).code, name).toBe('FILE_FORMAT_UNSUPPORTED');
  });

  it('refuses a workbook zip that would inflate beyond the limit (zip bomb), even when it lies', async () => {
    const honest = zip([{ name: 'xl/workbook.xml', content: '<workbook/>', declaredSize: 0xfffffff0 }]);
    expect(await refusal(honest, 'annuaire.xlsx')).toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
    // 210 MB of zeros deflate to about 200 KB; the directory claims 1 KB.
    const lying = zip([
      { name: 'xl/workbook.xml', content: '<workbook/>' },
      {
        name: 'xl/worksheets/sheet1.xml',
        content: await deflatedZeros(210 << 20),
        deflated: true,
        declaredSize: 1024,
      },
    ]);
    expect(lying.length).toBeLessThan(1 << 20);
    expect(await refusal(lying, 'annuaire.xlsx')).toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
  });

  it('refuses a damaged workbook', async () => {
    const damaged = zip([{ name: 'xl/workbook.xml', content: 'not xml at all' }]);
    expect((await refusal(damaged, 'annuaire.xlsx')).code).toBe('FILE_FORMAT_UNSUPPORTED');
  });

  it('refuses binary and UTF-16 bytes as unknown encodings', async () => {
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(['FILE_ENCODING_UNKNOWN', 'FILE_FORMAT_UNSUPPORTED']).toContain((await refusal(binary)).code);
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from('Nom;Email\r\n', 'utf16le')]);
    expect((await refusal(utf16)).code).toBe('FILE_ENCODING_UNKNOWN');
    // 0x81 is undefined in Windows-1252 and invalid alone in UTF-8.
    expect((await refusal(Uint8Array.from([0x4e, 0x6f, 0x6d, 0x81, 0x0a]))).code).toBe(
      'FILE_ENCODING_UNKNOWN',
    );
  });

  it('refuses empty files and header-only files', async () => {
    for (const bytes of [
      new Uint8Array(0),
      withBom(''),
      utf8('\r\n\r\n  \r\n'),
      utf8('Nom;Prénom;Spécialité;Email\r\n;;;\r\n'),
    ]) {
      expect((await refusal(bytes)).code).toBe('FILE_EMPTY');
    }
  });

  it('refuses more rows than allowed', async () => {
    const csv = [
      'Nom;Prénom;Spécialité;Email',
      ...Array.from({ length: 11 }, (_, i) => `N${i};P;SM54;p${i}@chu-exemple.fr`),
    ];
    const bytes = utf8(csv.join('\n'));
    await expect(parseDirectoryFile(bytes, 'a.csv', { maxRows: 11 })).resolves.toMatchObject({
      totalRows: 11,
    });
    const error = await parseDirectoryFile(bytes, 'a.csv', { maxRows: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'FILE_TOO_LARGE', status: 413, details: { maxRows: 10 } });
  });
});

describe('directory file parsing: scale and robustness', () => {
  it('parses 100,000 rows', async () => {
    const lines = ['Nom;Prénom;Spécialité;Email;RPPS;Département;Service'];
    for (let i = 0; i < 100_000; i++) {
      // Every 1,000th row carries a wrong RPPS key; every 5,000th (others) repeats row 0's address.
      const body = `99${String(i).padStart(8, '0')}`;
      const rpps =
        i % 1000 === 999
          ? body + String((Number(luhnCheckDigit(body)) + 1) % 10)
          : body + luhnCheckDigit(body);
      const address = i % 5000 === 2500 ? 'p0@chu-exemple.fr' : `p${i}@chu-exemple.fr`;
      const specialty = i % 2 === 0 ? 'SM54' : 'Médecine générale';
      lines.push(
        `Nom${i};Prénom${i};${specialty};${address};${rpps};${String((i % 19) + 1).padStart(2, '0')};Service ${i % 40}`,
      );
    }
    const result = await parseDirectoryFile(utf8(lines.join('\r\n')), 'region.csv');
    expect(result.totalRows).toBe(100_000);
    expect(result.errors.filter((e) => e.code === 'INVALID_IDENTIFIER')).toHaveLength(100);
    expect(result.errors.filter((e) => e.code === 'DUPLICATE_ROW')).toHaveLength(20);
    expect(result.errors).toHaveLength(120);
    expect(result.rows).toHaveLength(100_000 - 120);
    expect(result.rows.at(-1)).toMatchObject({
      line: 100_000, // row i is on line i + 2; the last one (i = 99,999) has a wrong key
      fields: { lastName: 'Nom99998', specialty: 'SM54' },
    });
  });

  it('never crashes on arbitrary bytes: a ParsedFile or an AppError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom('a.csv', 'a.xlsx', 'a.xls'),
        async (bytes, name) => {
          try {
            const result = await parseDirectoryFile(bytes, name);
            expect(result.totalRows).toBeGreaterThan(0);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never crashes on a damaged workbook: a ParsedFile or an AppError', async () => {
    const good = await xlsx([
      ['Nom', 'Prénom', 'Spécialité', 'Email'],
      ['Durand', 'Alice', 'SM54', 'alice@chu-exemple.fr'],
    ]);
    const damage = fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(damage, async (changes) => {
        const bytes = good.slice();
        for (const [at, value] of changes) bytes[at] = value;
        try {
          await parseDirectoryFile(bytes, 'annuaire.xlsx');
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('never crashes on CSV-like text and keeps every line number inside the file', async () => {
    const cell = fc.stringMatching(/^[a-zé@.;,"=+\-\t \r\n0-9]{0,12}$/);
    const row = fc.array(cell, { maxLength: 6 }).map((cells) => cells.join(';'));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 20 }), fc.constantFrom('\n', '\r\n'), async (rows, nl) => {
        const text = ['Nom;Prénom;Spécialité;Email', ...rows].join(nl);
        const lineCount = text.split(/\r\n|\n|\r/).length;
        try {
          const result = await parseDirectoryFile(utf8(text), 'a.csv');
          for (const { line } of [...result.rows, ...result.errors]) {
            expect(line).toBeGreaterThanOrEqual(2);
            expect(line).toBeLessThanOrEqual(lineCount);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
