/**
 * `RES|label|code|type|value|unit|low|high|flag|status|value2|unit2|low2|high2`: one lab result,
 * optionally with the value in a second unit. Writers stop early when trailing fields are empty,
 * which is fine; more than 13 fields is not, but the extra text is kept in the warning.
 */
import { oneLine } from './lines.ts';
import { hprimWarning } from './warnings.ts';
import type { HprimResult, HprimResultInput, HprimWarning } from './types.ts';

/** Field order after `RES|`. */
export const HPRIM_RES_FIELDS = [
  'label',
  'code',
  'type',
  'value',
  'unit',
  'low',
  'high',
  'flag',
  'status',
  'value2',
  'unit2',
  'low2',
  'high2',
] as const satisfies readonly Exclude<keyof HprimResult, 'numeric'>[];

export const HPRIM_RESULT_TYPES: readonly string[] = ['N', 'A', 'C'];
export const HPRIM_RESULT_FLAGS: readonly string[] = ['L', 'H', 'LL', 'HH', 'N'];
export const HPRIM_RESULT_STATUSES: readonly string[] = ['F', 'R', 'C'];

/** Plain decimals with a comma or a dot, and thousands grouped by single spaces (`250 000`). */
const PLAIN_NUMBER = /^[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)$/;
const GROUPED_NUMBER = /^[+-]?[0-9]{1,3}(?: [0-9]{3})+(?:[.,][0-9]+)?$/;

/**
 * The number a type N value stands for, or null. Censored values (`<0,5`, `>90`) and exponents are
 * not numbers here: the text says more than a number would.
 */
export function readHprimNumber(value: string): number | null {
  const grouped = GROUPED_NUMBER.test(value);
  if (!grouped && !PLAIN_NUMBER.test(value)) return null;
  const plain = grouped ? value.replace(/ /g, '') : value;
  return Number(plain.replace(',', '.'));
}

function cell(raw: string | undefined): string | null {
  const trimmed = raw?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function checkCode(
  name: string,
  value: string | null,
  known: readonly string[],
  line: number,
  warnings: HprimWarning[],
): void {
  if (value === null || known.includes(value)) return;
  const message = `the RES ${name} "${value}" is not one of ${known.join(', ')}`;
  warnings.push(hprimWarning('HPRIM_RES_CODE', line, message));
}

/** `fields` are the pipe-separated fields after `RES`; `line` the file line. */
export function readHprimResult(
  fields: readonly string[],
  line: number,
): { result: HprimResult; warnings: HprimWarning[] } {
  const warnings: HprimWarning[] = [];
  const extra = fields.slice(HPRIM_RES_FIELDS.length);
  // A trailing `|` (an empty 14th field) is a common writer habit and loses nothing: not reported.
  if (extra.some((f) => f.trim() !== '')) {
    const message =
      `the RES line has ${fields.length} fields, 13 expected; ` +
      `the extra text is ${JSON.stringify(extra.join('|'))}`;
    warnings.push(hprimWarning('HPRIM_RES_FIELDS', line, message));
  }
  const get = (name: (typeof HPRIM_RES_FIELDS)[number]) => cell(fields[HPRIM_RES_FIELDS.indexOf(name)]);
  const type = get('type');
  const value = get('value');
  let numeric: number | null = null;
  if (type?.toUpperCase() === 'N' && value !== null) {
    numeric = readHprimNumber(value);
    if (numeric === null) {
      const message = `the type N value "${value}" is not a number`;
      warnings.push(hprimWarning('HPRIM_NUMERIC_INVALID', line, message));
    }
  }
  const result: HprimResult = {
    label: get('label'),
    code: get('code'),
    type,
    value,
    numeric,
    unit: get('unit'),
    low: get('low'),
    high: get('high'),
    flag: get('flag'),
    status: get('status'),
    value2: get('value2'),
    unit2: get('unit2'),
    low2: get('low2'),
    high2: get('high2'),
  };
  checkCode('type', result.type, HPRIM_RESULT_TYPES, line, warnings);
  checkCode('flag', result.flag, HPRIM_RESULT_FLAGS, line, warnings);
  checkCode('status', result.status, HPRIM_RESULT_STATUSES, line, warnings);
  return { result, warnings };
}

/**
 * All 13 fields are written, empty ones included, so every reader finds the same columns. A `|`
 * inside a value would start a new field: it is written as `/`.
 */
export function hprimResultLine(result: HprimResultInput): string {
  const fields = HPRIM_RES_FIELDS.map((name) =>
    oneLine(result[name] ?? '')
      .trim()
      .replace(/\|/g, '/'),
  );
  return `RES|${fields.join('|')}`;
}
