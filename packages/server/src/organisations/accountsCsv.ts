import type { AccountRow } from '@liaison/core/api/organisations';
import { stringify } from 'csv-stringify/sync';

/**
 * CSV for hospital IT: `;` separated with a UTF-8 BOM, which French Excel opens with accents intact.
 * One line per account; shared mailboxes follow with the account columns empty.
 */
export function accountsCsv(
  rows: AccountRow[],
  shared: Array<{ address: string; kind: string; createdAt: string }>,
): string {
  const header = ['nom', 'prénom', 'email', 'rôle', 'statut', 'rpps_adeli', 'adresses', 'créé le'];
  const lines = rows.map((r) => [
    r.lastName,
    r.firstName,
    r.email,
    r.role,
    r.status,
    r.nationalId ?? '',
    r.mailboxes.map((m) => `${m.address} (${m.kind})`).join(' '),
    r.createdAt,
  ]);
  const sharedLines = shared.map((m) => ['', '', '', '', '', '', `${m.address} (${m.kind})`, m.createdAt]);
  const safe = [header, ...lines, ...sharedLines].map((line) => line.map(neutraliseFormula));
  return '\uFEFF' + stringify(safe, { delimiter: ';', record_delimiter: '\r\n' });
}

/** A name typed as "=HYPERLINK(…)" must stay text in a spreadsheet, not become a formula. */
function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
