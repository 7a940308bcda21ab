/**
 * What a directory entry must be before a technician even looks at it. One definition for the web
 * form, the CSV/XLSX import and the LDAP adapter, so each refuses the same things with the same codes.
 * The national reference check (RPPS ↔ name) is softer and lives on the server, which holds the data.
 */
import type { DirectoryEntryFields, DirectoryEntryInput, EntryProblem } from '../api/directory.ts';
import { DirectoryEntryInput as InputSchema } from '../api/directory.ts';
import { isProfession, isSpecialty } from '../codes/lookup.ts';
import { checkId } from '../ids/check.ts';
import { isNoReplyAddress } from '../policy/noReply.ts';

/** Metropolitan 01–95 (Corsica as 2A/2B), overseas 971–978 and 986–988. */
const DEPARTEMENT = /^(0[1-9]|1[0-9]|2[1-9]|2A|2B|[3-8][0-9]|9[0-5]|97[1-8]|98[6-8])$/;
/** Deliberately plain: one @, a dotted domain, no spaces. Mail servers are the real judges. */
const ADDRESS = /^[^\s@]{1,64}@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

export type EntryCheck = { ok: true; fields: DirectoryEntryFields } | { ok: false; problems: EntryProblem[] };

function text(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function code(value: string | null | undefined): string | null {
  const trimmed = text(value);
  return trimmed === null ? null : trimmed.toUpperCase();
}

/** Normalises and checks one entry; every problem is reported, not only the first. */
export function checkEntry(raw: DirectoryEntryInput): EntryCheck {
  const parsed = InputSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        field: issue.path.join('.') || 'entry',
        code: 'INVALID',
        message: issue.message,
      })),
    };
  }
  const input = parsed.data;
  const problems: EntryProblem[] = [];
  const problem = (field: string, problemCode: string, message: string): void => {
    problems.push({ field, code: problemCode, message });
  };

  const lastName = text(input.lastName);
  const firstName = text(input.firstName);
  const serviceName = text(input.serviceName);
  const isPerson = lastName !== null || firstName !== null;
  if (isPerson && (lastName === null || firstName === null)) {
    problem(
      lastName === null ? 'lastName' : 'firstName',
      'REQUIRED',
      'A person needs a surname and a first name.',
    );
  }
  if (!isPerson && serviceName === null) {
    problem('lastName', 'REQUIRED', 'An entry needs a surname and first name, or a service name.');
  }

  const specialty = code(input.specialty);
  if (specialty === null) problem('specialty', 'REQUIRED', 'The specialty is required (TRE_R38 code).');
  else if (!isSpecialty(specialty))
    problem('specialty', 'UNKNOWN_CODE', `Unknown specialty code ${specialty}.`);

  const profession = code(input.profession);
  if (profession !== null && !isProfession(profession)) {
    problem('profession', 'UNKNOWN_CODE', `Unknown profession code ${profession}.`);
  }

  const nationalId = text(input.nationalId)?.replace(/\s/g, '') ?? null;
  let nationalIdKind = input.nationalIdKind ?? null;
  if (nationalId !== null) {
    // An 11-digit number is an RPPS; anything else is read as ADELI unless said otherwise.
    nationalIdKind ??= /^\d{11}$/.test(nationalId) ? 'rpps' : 'adeli';
    const result = checkId(nationalIdKind, nationalId);
    if (!result.valid) {
      problem(
        'nationalId',
        'INVALID_IDENTIFIER',
        `${nationalIdKind.toUpperCase()} ${nationalId}: ${result.reason}.`,
      );
    }
  } else {
    nationalIdKind = null;
  }
  if (nationalId !== null && !isPerson) {
    problem(
      'nationalId',
      'INVALID',
      'An RPPS/ADELI number belongs to a person: give the surname and first name.',
    );
  }

  const mailboxes = input.mailboxes.map((m) => ({ address: m.address.trim().toLowerCase(), kind: m.kind }));
  if (mailboxes.length === 0) problem('mailboxes', 'REQUIRED', 'At least one mailbox address is required.');
  const seen = new Set<string>();
  mailboxes.forEach((mailbox, index) => {
    const field = `mailboxes.${index}.address`;
    if (!ADDRESS.test(mailbox.address))
      problem(field, 'INVALID_ADDRESS', `${mailbox.address || '(empty)'} is not an email address.`);
    else if (isNoReplyAddress(mailbox.address)) {
      problem(
        field,
        'NO_REPLY_FORBIDDEN',
        `${mailbox.address} is a no-reply address: every address must accept answers (charter article 4).`,
      );
    }
    if (seen.has(mailbox.address)) problem(field, 'DUPLICATE', `${mailbox.address} is listed twice.`);
    seen.add(mailbox.address);
  });
  if (mailboxes[0]?.kind === 'PER' && !isPerson) {
    problem(
      'mailboxes.0.kind',
      'INVALID',
      'A personal (PER) mailbox belongs to a person: give the surname and first name.',
    );
  }

  const departement = code(input.departement);
  if (departement !== null && !DEPARTEMENT.test(departement.padStart(2, '0'))) {
    problem('departement', 'INVALID', `${departement} is not a French département.`);
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      lastName,
      firstName,
      profession,
      specialty: specialty ?? '',
      nationalIdKind,
      nationalId: nationalId === null ? null : nationalId.toUpperCase(),
      serviceName,
      mailboxes,
      departement: departement === null ? null : departement.padStart(2, '0'),
      groupName: text(input.groupName),
      proxyUser: input.proxyUser,
      acceptsAttachments: input.acceptsAttachments,
      unlisted: input.unlisted,
    },
  };
}

/** The name an entry is shown and sorted by: "Lefèvre Jean-Pierre — Cardiologie" or the service. */
export function entryDisplayName(
  fields: Pick<DirectoryEntryFields, 'lastName' | 'firstName' | 'serviceName'>,
): string {
  const person = [fields.lastName, fields.firstName].filter((p) => p !== null).join(' ');
  if (person !== '' && fields.serviceName !== null) return `${person} (${fields.serviceName})`;
  return person !== '' ? person : (fields.serviceName ?? '');
}

/** Field names whose value differs between two versions (what a technician looks at). */
export function changedFields(
  before: DirectoryEntryFields | null,
  after: DirectoryEntryFields,
): (keyof DirectoryEntryFields)[] {
  const keys = Object.keys(after) as (keyof DirectoryEntryFields)[];
  if (before === null)
    return keys.filter((k) => after[k] !== null && !(Array.isArray(after[k]) && after[k].length === 0));
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
