/**
 * One data row → DirectoryEntryInput → checkEntry. The rules of what an entry must be live in
 * checkEntry (core); this file only reads cells (codes from labels, yes/no words, numbers Excel
 * stripped of their leading zero) and ties each problem back to the column it came from.
 */
import type { MailboxKind } from '@liaison/core/api/common';
import type { DirectoryEntryFields, DirectoryEntryInput } from '@liaison/core/api/directory';
import { checkEntry } from '@liaison/core/directory/entryRules';
import { looksLikeFormula, quoteValue, readMailboxKind, readYesNo } from './cellText.ts';
import { resolveProfession, resolveSpecialty, type CodeResolution } from './codeLookup.ts';
import type { ColumnMap } from './headers.ts';
import { MAX_CELL_LENGTH } from './limits.ts';
import { COLUMN_FIELDS, type ColumnField, type RowError, type SheetCell } from './types.ts';

export interface RowReading {
  /** Set only when the row has no error at all. */
  fields: DirectoryEntryFields | null;
  errors: RowError[];
  /** The main address, lower-cased, for the duplicate check (null when absent or refused). */
  mainAddress: string | null;
  /** Header of the column the main address came from. */
  mainAddressColumn: string | null;
}

/** Shapes of a code someone meant to write: checkEntry then says "unknown code". */
const SPECIALTY_CODE_SHAPE = /^[a-z]{1,4}\d{1,4}$/i;
const PROFESSION_CODE_SHAPE = /^\d{1,4}$/;

/**
 * Numbers only come from XLSX, where Excel stores "01" typed into a cell as 1: a département gets
 * its two digits back, and an 8-digit identifier is an ADELI (9 characters, starting with the
 * département) that lost its leading zero. Whole numbers are written without exponent (an RPPS
 * typed as a number shows as 1,00035E+10 but is stored exactly).
 */
function numberText(field: ColumnField, value: number): string {
  if (!Number.isInteger(value) || Math.abs(value) >= 1e21) return String(value);
  const digits = value.toFixed(0);
  if (field === 'departement' && value >= 0 && value < 10) return digits.padStart(2, '0');
  if (field === 'nationalId' && digits.length === 8) return digits.padStart(9, '0');
  return digits;
}

/** checkEntry's problem paths ("mailboxes.0.address"…) → the column field they are about. */
function fieldOfProblem(path: string): ColumnField | null {
  if (path === 'mailboxes' || path === 'mailboxes.0.address') return 'mailboxAddress';
  if (path === 'mailboxes.0.kind') return 'mailboxKind';
  if (path === 'nationalIdKind') return 'nationalId';
  return (COLUMN_FIELDS as readonly string[]).includes(path) ? (path as ColumnField) : null;
}

export interface RowOptions {
  defaultMailboxKind: MailboxKind | undefined;
}

const FORMULA_MESSAGE =
  'The cell starts like a spreadsheet formula (=, or +, -, @ before a function): formulas are refused.';

/** One row being read: which column fed each field, and which fields were refused. */
class RowReader {
  readonly errors: RowError[] = [];
  /** Fields whose cell was refused here: checkEntry's findings about them would only repeat it. */
  private readonly refused = new Set<ColumnField>();
  /** The column each field's value was read from, to name it in errors. */
  private readonly source = new Map<ColumnField, number>();

  constructor(
    private readonly cells: readonly SheetCell[],
    private readonly line: number,
    private readonly map: ColumnMap,
  ) {}

  columnOf(field: ColumnField): string | null {
    const index =
      this.source.get(field) ??
      this.map.byField.get(field)?.[0] ??
      // "An entry needs a surname… or a service name" when the file has only a service column.
      (field === 'lastName' ? this.map.byField.get('serviceName')?.[0] : undefined);
    return index === undefined ? null : (this.map.columns[index]?.header ?? null);
  }

  sourceOf(field: ColumnField): number | undefined {
    return this.source.get(field);
  }

  isRefused(field: ColumnField): boolean {
    return this.refused.has(field);
  }

  refuse(field: ColumnField, code: string, message: string): null {
    this.refused.add(field);
    this.errors.push({ line: this.line, column: this.columnOf(field), code, message });
    return null;
  }

  /** The first filled cell among the field's columns, trimmed, checked for size and formulas. */
  text(field: ColumnField): string | null {
    for (const index of this.map.byField.get(field) ?? []) {
      const cell = this.cells[index];
      if (cell === undefined) continue;
      if (typeof cell === 'object') {
        this.source.set(field, index);
        return this.refuse(field, cell.refused.code, cell.refused.message);
      }
      const text = typeof cell === 'number' ? numberText(field, cell) : cell;
      if (!/\S/.test(text)) continue;
      this.source.set(field, index);
      if (text.length > MAX_CELL_LENGTH) {
        // Never echo the value: the cell may be megabytes long.
        const message = `The cell has ${text.length} characters; at most ${MAX_CELL_LENGTH} are accepted.`;
        return this.refuse(field, 'CELL_TOO_LONG', message);
      }
      if (looksLikeFormula(text)) return this.refuse(field, 'FORMULA_REFUSED', FORMULA_MESSAGE);
      return text.trim();
    }
    return null;
  }

  /** A code, from the code itself or its label. */
  code(
    field: 'specialty' | 'profession',
    resolve: (text: string) => CodeResolution,
    codeShape: RegExp,
    listName: string,
  ): string | null {
    const text = this.text(field);
    if (text === null) return null;
    const found = resolve(text);
    if (found.kind === 'code') return found.code;
    if (found.kind === 'ambiguous') {
      const codes = found.codes.join(', ');
      return this.refuse(
        field,
        'UNKNOWN_CODE',
        `${quoteValue(text)} is the label of several ${listName} codes (${codes}): write the code.`,
      );
    }
    // Something shaped like a code goes to checkEntry, which owns the "unknown code" rule.
    if (codeShape.test(text)) return text;
    const message = `${quoteValue(text)} is neither a ${listName} code nor the label of one.`;
    return this.refuse(field, 'UNKNOWN_CODE', message);
  }

  /** A yes/no cell; undefined (checkEntry's default) when empty or unreadable. */
  flag(field: 'acceptsAttachments' | 'unlisted' | 'proxyUser'): boolean | undefined {
    const text = this.text(field);
    if (text === null) return undefined;
    const value = readYesNo(text);
    if (value !== null) return value;
    this.refuse(field, 'INVALID', `${quoteValue(text)} is not a yes/no value (oui, non, yes, no, 1, 0, x).`);
    return undefined;
  }

  /** The kind written in the row, else the default (refused: the default, so checks can go on). */
  mailboxKind(defaultKind: MailboxKind): MailboxKind {
    const text = this.text('mailboxKind');
    if (text === null) return defaultKind;
    const named = readMailboxKind(text);
    if (named !== null) return named;
    this.refuse(
      'mailboxKind',
      'UNKNOWN_CODE',
      `${quoteValue(text)} is not a mailbox type (PER, ORG, APP or CAB).`,
    );
    return defaultKind;
  }
}

export function readRow(
  cells: readonly SheetCell[],
  line: number,
  map: ColumnMap,
  options: RowOptions,
): RowReading {
  const row = new RowReader(cells, line, map);
  const lastName = row.text('lastName');
  const firstName = row.text('firstName');
  const nationalId = row.text('nationalId');
  const idColumn = row.sourceOf('nationalId');
  // Addresses copied from a hyperlink sometimes keep its scheme.
  const address = row.text('mailboxAddress')?.replace(/^mailto:/i, '') ?? null;
  const isPerson = lastName !== null || firstName !== null;
  const input: DirectoryEntryInput = {
    lastName,
    firstName,
    serviceName: row.text('serviceName'),
    specialty: row.code('specialty', resolveSpecialty, SPECIALTY_CODE_SHAPE, 'TRE_R38 specialty'),
    profession: row.code('profession', resolveProfession, PROFESSION_CODE_SHAPE, 'TRE_G15 profession'),
    nationalId,
    nationalIdKind: idColumn === undefined ? null : (map.idKindOf.get(idColumn) ?? null),
    mailboxes:
      address === null
        ? []
        : [{ address, kind: row.mailboxKind(options.defaultMailboxKind ?? (isPerson ? 'PER' : 'ORG')) }],
    departement: row.text('departement'),
    groupName: row.text('groupName'),
    acceptsAttachments: row.flag('acceptsAttachments'),
    unlisted: row.flag('unlisted'),
    proxyUser: row.flag('proxyUser'),
  };

  const check = checkEntry(input);
  if (!check.ok) {
    for (const problem of check.problems) {
      const field = fieldOfProblem(problem.field);
      if (field !== null && row.isRefused(field)) continue;
      row.errors.push({
        line,
        column: field === null ? null : row.columnOf(field),
        code: problem.code,
        message: problem.message,
      });
    }
  }
  return {
    fields: check.ok && row.errors.length === 0 ? check.fields : null,
    errors: row.errors,
    mainAddress: address === null ? null : address.toLowerCase(),
    mainAddressColumn: row.columnOf('mailboxAddress'),
  };
}
