/**
 * `liaison hprim parse FILE` and `liaison hprim build --json FILE.json --out FILE`: the HPRIM codec
 * of packages/core on files, for connectors, support staff checking a lab's export, and tests.
 *
 * parse exit codes: 0 valid, 1 read but not valid (tags missing, out of order or followed by
 * content), 2 unreadable (missing file, directory, binary, unknown --encoding), with one line
 * `HPRIM_UNREADABLE: …` on stderr.
 * build exit codes: 0 written, 1 written but some characters could not be encoded (written as '?',
 * listed on stderr), 2 input unusable (HPRIM_UNREADABLE or HPRIM_JSON_INVALID).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  buildHprim,
  encodeHprimReport,
  HPRIM_ENCODINGS,
  HprimUnreadableError,
  isHprimEncoding,
  parseHprim,
  toHprimJson,
  type HprimDocument,
  type HprimDocumentInput,
  type HprimEncoding,
  type HprimParseResult,
  type HprimWarning,
} from '@liaison/core/hprim/index';
import { action, CliFailure } from '../failure.ts';

const EXIT_INVALID = 1;
const EXIT_UNREADABLE = 2;

interface ParseOptions {
  readonly json?: boolean;
  readonly encoding?: string;
}

interface BuildOptions {
  readonly json: string;
  readonly out: string;
  readonly encoding?: string;
}

export function registerHprimCommands(program: Command): void {
  const hprim = program
    .command('hprim')
    .description('HPRIM medical letters and lab results (plain-text files from practice software and labs)');
  hprim
    .command('parse')
    .description('read an HPRIM file; exit 0 valid, 1 not valid, 2 unreadable')
    .argument('<file>', 'the HPRIM file')
    .option('--json', 'print {"valid","documents"} as one JSON line (see docs/hprim.md)')
    .option('--encoding <encoding>', `force the encoding: ${HPRIM_ENCODINGS.join(' | ')} (default: detected)`)
    .action(action(async (file: string, options: ParseOptions) => Promise.resolve(runParse(file, options))));
  hprim
    .command('build')
    .description('write an HPRIM file from the JSON that `hprim parse --json` prints')
    .requiredOption('--json <file>', 'the JSON: {"documents": [...]} or an array of documents')
    .requiredOption('--out <file>', 'the HPRIM file to write ("-" for standard output)')
    .option('--encoding <encoding>', `${HPRIM_ENCODINGS.join(' | ')} (default: windows-1252)`)
    .action(action(async (options: BuildOptions) => Promise.resolve(runBuild(options))));
}

function unreadable(message: string): CliFailure {
  return new CliFailure('HPRIM_UNREADABLE', message, EXIT_UNREADABLE);
}

function encodingOption(value: string | undefined): HprimEncoding | undefined {
  if (value === undefined) return undefined;
  const name = value.toLowerCase();
  if (!isHprimEncoding(name)) {
    throw unreadable(`unknown encoding "${value}": expected one of ${HPRIM_ENCODINGS.join(', ')}`);
  }
  return name;
}

function readBytes(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (err) {
    throw unreadable(`cannot read ${path}: ${(err as Error).message}`);
  }
}

function runParse(file: string, options: ParseOptions): void {
  const encoding = encodingOption(options.encoding);
  let result: HprimParseResult;
  try {
    result = parseHprim(readBytes(file), encoding === undefined ? {} : { encoding });
  } catch (err) {
    if (err instanceof HprimUnreadableError) throw unreadable(`${file}: ${err.message}`);
    throw err;
  }
  const out = options.json === true ? JSON.stringify(toHprimJson(result)) + '\n' : summary(file, result);
  process.stdout.write(out);
  process.exitCode = result.valid ? 0 : EXIT_INVALID;
}

function warningLine(w: HprimWarning): string {
  return `line ${w.line ?? '-'}: ${w.code} ${w.message}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function documentLine(doc: HprimDocument, index: number): string {
  const h = doc.header;
  const patient = [h.lastName, h.firstName].filter((p) => p !== null).join(' ') || '(no name)';
  const born = h.birthDate === null ? 'birth date unknown' : `born ${h.birthDate}`;
  return `${index + 1}. ${patient}, ${born}, ${plural(doc.results.length, 'result')}, ${plural(doc.warnings.length, 'warning')}`;
}

/** For a person at a terminal: one line per document, its warnings indented under it. */
function summary(file: string, result: HprimParseResult): string {
  const lines = [
    `${file}: ${plural(result.documents.length, 'document')}, ${result.encoding ?? 'text'}, ` +
      (result.valid ? 'valid' : 'NOT VALID'),
  ];
  result.documents.forEach((doc, i) => {
    lines.push(documentLine(doc, i), ...doc.warnings.map((w) => `   ${warningLine(w)}`));
  });
  lines.push(...result.warnings.map(warningLine));
  return lines.join('\n') + '\n';
}

/** Loose on purpose: missing fields are null, extra keys (numeric, warnings) are ignored. */
const text = z.string().nullable().optional();
const HeaderSchema = z.object({
  patientId: text,
  lastName: text,
  firstName: text,
  address1: text,
  address2: text,
  postalCode: text,
  city: text,
  birthDate: text,
  nir: text,
  fileNumber: text,
  documentDate: text,
  sender: text,
  recipient: text,
});
const ResultSchema = z.object({
  label: text,
  code: text,
  type: text,
  value: text,
  unit: text,
  low: text,
  high: text,
  flag: text,
  status: text,
  value2: text,
  unit2: text,
  low2: text,
  high2: text,
});
const DocumentSchema = z.object({
  header: HeaderSchema,
  text: z.string().optional(),
  results: z.array(ResultSchema).optional(),
});
const DocumentsSchema = z.array(DocumentSchema);

function readDocuments(path: string): HprimDocumentInput[] {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readBytes(path)));
  } catch (err) {
    if (err instanceof CliFailure) throw err;
    throw unreadable(`${path} is not UTF-8 JSON: ${(err as Error).message}`);
  }
  // Either what `parse --json` prints or a bare array of documents; the path in errors says which.
  const bare = Array.isArray(json);
  const list: unknown = bare ? json : (json as { documents?: unknown } | null)?.documents;
  const parsed = DocumentsSchema.safeParse(list);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = [...(bare ? [] : ['documents']), ...(issue?.path ?? [])].map(String).join('.') || '(root)';
    const message = `${path} is not the hprim JSON shape (${where}: ${issue?.message ?? 'invalid'})`;
    throw new CliFailure('HPRIM_JSON_INVALID', message, EXIT_UNREADABLE);
  }
  return parsed.data;
}

function runBuild(options: BuildOptions): void {
  const encoding = encodingOption(options.encoding) ?? 'windows-1252';
  const documents = readDocuments(options.json);
  const { bytes, replaced } = encodeHprimReport(buildHprim(documents), encoding);
  try {
    if (options.out === '-') process.stdout.write(bytes);
    else writeFileSync(options.out, bytes);
  } catch (err) {
    throw new CliFailure('HPRIM_WRITE_FAILED', `cannot write ${options.out}: ${(err as Error).message}`);
  }
  if (replaced.length > 0) {
    const list = replaced.map((c) => JSON.stringify(c)).join(' ');
    process.stderr.write(
      `HPRIM_UNENCODABLE: ${plural(replaced.length, 'character')} cannot be written in ${encoding}, written as '?': ${list}\n`,
    );
    process.exitCode = EXIT_INVALID;
  }
}
