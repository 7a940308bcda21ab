/**
 * Checks of a header before it is written, for a compose form: the reader's warnings, plus what a
 * recipient needs to file the letter under the right patient (surname, first name, birth date).
 * Line numbers are those of the 12-line header.
 */
import { isIsoDate, isoDay } from './dates.ts';
import { isHprimPostcode } from './header.ts';
import { readHprimNir } from './nir.ts';
import { hprimWarning } from './warnings.ts';
import type { HprimHeader, HprimHeaderInput, HprimWarning } from './types.ts';

/** Header field → its line (line 6 holds both postcode and city). */
export const HPRIM_HEADER_FIELD_LINES: Readonly<Record<keyof HprimHeader, number>> = {
  patientId: 1,
  lastName: 2,
  firstName: 3,
  address1: 4,
  address2: 5,
  postalCode: 6,
  city: 6,
  birthDate: 7,
  nir: 8,
  fileNumber: 9,
  documentDate: 10,
  sender: 11,
  recipient: 12,
};

const REQUIRED: readonly [keyof HprimHeader, string][] = [
  ['lastName', 'surname'],
  ['firstName', 'first name'],
  ['birthDate', 'birth date'],
];

function present(value: string | null | undefined): value is string {
  return value != null && value.trim() !== '';
}

export function validateHprimHeader(header: HprimHeaderInput, options: { now?: Date } = {}): HprimWarning[] {
  const warnings: HprimWarning[] = [];
  const line = HPRIM_HEADER_FIELD_LINES;
  for (const [name, what] of REQUIRED) {
    if (!present(header[name])) {
      warnings.push(hprimWarning('HPRIM_FIELD_REQUIRED', line[name], `the ${what} is required`));
    }
  }
  for (const name of Object.keys(line) as (keyof HprimHeader)[]) {
    if (/[\r\n]/.test(header[name] ?? '')) {
      const message = `the ${name} holds a line break: it will be written as a space`;
      warnings.push(hprimWarning('HPRIM_FIELD_LINE_BREAK', line[name], message));
    }
  }
  if (present(header.postalCode) && !isHprimPostcode(header.postalCode.trim())) {
    const message = `the postcode "${header.postalCode}" is not 5 digits`;
    warnings.push(hprimWarning('HPRIM_POSTCODE', line.postalCode, message));
  }
  const birth = header.birthDate?.trim();
  if (present(birth)) {
    if (!isIsoDate(birth)) {
      const message = `the birth date "${birth}" is not a possible YYYY-MM-DD date`;
      warnings.push(hprimWarning('HPRIM_DATE_INVALID', line.birthDate, message));
    } else if (birth > isoDay(options.now ?? new Date())) {
      warnings.push(
        hprimWarning('HPRIM_DATE_INVALID', line.birthDate, `the birth date ${birth} is in the future`),
      );
    }
  }
  const documentDate = header.documentDate?.trim();
  if (present(documentDate) && !isIsoDate(documentDate)) {
    const message = `the document date "${documentDate}" is not a possible YYYY-MM-DD date`;
    warnings.push(hprimWarning('HPRIM_DATE_INVALID', line.documentDate, message));
  }
  warnings.push(...readHprimNir(header.nir ?? null, line.nir).warnings);
  // In header order, as a form shows its fields (sort is stable: same-line warnings keep their order).
  return warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
