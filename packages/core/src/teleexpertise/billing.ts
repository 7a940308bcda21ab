/**
 * The monthly billing export of an expert (issue 9): one CSV line per act of each tele-expertise
 * answered in the month, TE2 for the expert (requis) and RQD for the requester (requérant), for the
 * French health insurance's rules on tele-expertise. It runs on the expert's device, after the
 * request envelopes are decrypted: the patient's identity never reaches the server.
 *
 * The CSV is what a French spreadsheet opens with a double click: UTF-8 with a BOM, ';' between
 * fields, CRLF, fields quoted per RFC 4180 when they must be.
 */
import type { BillingEntry } from '../api/teleexpertise.ts';
import { samePatient, patientLabel } from './billingPatients.ts';
import { frenchDay, parisDay } from './parisTime.ts';
import type { TePatient } from './requestContent.ts';

/** The insurance allows at most 4 tele-expertises a year for one patient (the 5th is flagged). */
export const TE_YEARLY_LIMIT = 4;

export const BILLING_COLUMNS = [
  'mois',
  'date_reponse',
  'acte',
  'role',
  'professionnel',
  'rpps',
  'patient_nom',
  'patient_prenom',
  'patient_naissance',
  'patient_nir',
  'service',
  'demande',
  'alerte',
] as const;

/** A BillingEntry with the patient decrypted from its envelope. */
export type BillingLineInput = BillingEntry & { patient: TePatient };

export interface BillingWarning {
  /** "DUPONT Jean, 03/02/1950". */
  patient: string;
  /** Completed tele-expertises of the patient in the 12 months up to the latest flagged one. */
  count: number;
  /** Those requests, oldest first. */
  requestIds: string[];
}

export interface BillingCsv {
  csv: string;
  warnings: BillingWarning[];
}

const byDate = (a: BillingLineInput, b: BillingLineInput) =>
  Date.parse(a.answeredAt) - Date.parse(b.answeredAt) || a.requestId.localeCompare(b.requestId);

/** The instant a year before (same calendar date and time; 29 February falls back to 1 March). */
function yearBefore(at: string): number {
  const date = new Date(at);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return date.getTime();
}

/** The patient's completed requests in the 12 months up to `entry` (itself included), oldest first. */
function yearOf(entry: BillingLineInput, all: readonly BillingLineInput[]): BillingLineInput[] {
  const end = Date.parse(entry.answeredAt);
  const start = yearBefore(entry.answeredAt);
  return all.filter((e) => {
    const at = Date.parse(e.answeredAt);
    return at > start && at <= end && samePatient(e.patient, entry.patient);
  });
}

/** Spreadsheets run a cell starting with = + - @ as a formula: such a value is written as text. */
function defused(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting, with ';' as the separator. */
function csvField(value: string): string {
  const text = defused(value);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (fields: readonly string[]) => fields.map(csvField).join(';');

export function buildBillingCsv(input: {
  /** YYYY-MM: lines are the entries answered in that month, Paris time. */
  month: string;
  entries: readonly BillingLineInput[];
  yearEntries: readonly BillingLineInput[];
}): BillingCsv {
  const all = [...new Map([...input.yearEntries, ...input.entries].map((e) => [e.requestId, e])).values()];
  const lines = input.entries.filter((e) => parisDay(e.answeredAt).slice(0, 7) === input.month).sort(byDate);
  const warnings = new Map<BillingLineInput, BillingWarning>();
  const rows = lines.flatMap((entry) => {
    const year = yearOf(entry, all).sort(byDate);
    let alert = '';
    if (year.length > TE_YEARLY_LIMIT) {
      alert = `${year.length} télé-expertises en 12 mois pour ce patient (plus de ${TE_YEARLY_LIMIT})`;
      // One warning per patient: the first entry of the group seen stands for it, the latest count wins.
      const key = [...warnings.keys()].find((k) => samePatient(k.patient, entry.patient)) ?? entry;
      warnings.set(key, {
        patient: patientLabel(entry.patient),
        count: year.length,
        requestIds: year.map((e) => e.requestId),
      });
    }
    const { patient } = entry;
    const common = (act: 'TE2' | 'RQD', role: string, name: string, rpps: string | null) => [
      input.month,
      frenchDay(parisDay(entry.answeredAt)),
      act,
      role,
      name,
      rpps ?? '',
      patient.lastName,
      patient.firstName,
      frenchDay(patient.birthDate),
      patient.nir ?? '',
      entry.serviceName,
      entry.requestId,
      alert,
    ];
    return [
      csvLine(common('TE2', 'requis', entry.expertName, entry.expertRpps)),
      csvLine(common('RQD', 'requérant', entry.requesterName, entry.requesterRpps)),
    ];
  });
  const csv = '\uFEFF' + [csvLine(BILLING_COLUMNS), ...rows].map((row) => row + '\r\n').join('');
  return { csv, warnings: [...warnings.values()] };
}
