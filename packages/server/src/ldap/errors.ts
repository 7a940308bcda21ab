import type { EntryProblem } from '@liaison/core/api/directory';
import { ERROR_CATALOGUE, type ErrorCode } from '@liaison/core/errors';
import { AppError } from '../errors.ts';

/** LDAP result codes (RFC 4511 §4.1.9) this adapter answers with. */
export const RESULT = {
  success: 0,
  operationsError: 1,
  protocolError: 2,
  sizeLimitExceeded: 4,
  compareFalse: 5,
  compareTrue: 6,
  authMethodNotSupported: 7,
  unavailableCriticalExtension: 12,
  noSuchAttribute: 16,
  undefinedAttributeType: 17,
  constraintViolation: 19,
  attributeOrValueExists: 20,
  invalidAttributeSyntax: 21,
  noSuchObject: 32,
  invalidDNSyntax: 34,
  invalidCredentials: 49,
  insufficientAccessRights: 50,
  busy: 51,
  unwillingToPerform: 53,
  namingViolation: 64,
  objectClassViolation: 65,
  notAllowedOnNonLeaf: 66,
  notAllowedOnRDN: 67,
  entryAlreadyExists: 68,
  other: 80,
} as const;
export type ResultCode = (typeof RESULT)[keyof typeof RESULT];

/** A refusal decided in the LDAP layer itself (bad DN, unknown attribute…), with its diagnostic. */
export class LdapFailure extends Error {
  constructor(
    readonly resultCode: ResultCode,
    message: string,
  ) {
    super(message);
    this.name = 'LdapFailure';
  }
}

export interface LdapOutcome {
  code: ResultCode;
  message: string;
}

/**
 * Catalogue codes whose LDAP meaning is not the one their HTTP status suggests. Everything else is
 * mapped by status below, so a code another feature adds later still gets a sensible answer.
 */
const BY_CODE: Partial<Record<ErrorCode, ResultCode>> = {
  DIRECTORY_ENTRY_INVALID: RESULT.constraintViolation,
  NO_REPLY_FORBIDDEN: RESULT.constraintViolation,
  INVALID_IDENTIFIER: RESULT.constraintViolation,
  UNKNOWN_CODE: RESULT.constraintViolation,
  ENTRY_EXISTS: RESULT.entryAlreadyExists,
  ENTRY_NOT_FOUND: RESULT.noSuchObject,
  ENTRY_RETIRED: RESULT.noSuchObject,
  ORGANISATION_NOT_FOUND: RESULT.noSuchObject,
  INVALID_CREDENTIALS: RESULT.invalidCredentials,
  NOT_AUTHENTICATED: RESULT.insufficientAccessRights,
  FORBIDDEN: RESULT.insufficientAccessRights,
  OUTSIDE_ESTABLISHMENT: RESULT.insufficientAccessRights,
  RATE_LIMITED: RESULT.busy,
  NO_CHANGE: RESULT.success,
};

function byStatus(status: number): ResultCode {
  if (status === 401) return RESULT.invalidCredentials;
  if (status === 403) return RESULT.insufficientAccessRights;
  if (status === 404) return RESULT.noSuchObject;
  if (status === 409) return RESULT.unwillingToPerform;
  if (status === 429) return RESULT.busy;
  if (status >= 400 && status < 500) return RESULT.constraintViolation;
  return RESULT.other;
}

/** The LDAP attribute each entry field is written through, so a refusal names what the client sent. */
const FIELD_ATTRIBUTE: Record<string, string> = {
  lastName: 'sn',
  firstName: 'givenName',
  serviceName: 'ou',
  specialty: 'title',
  profession: 'employeeType',
  nationalId: 'employeeNumber',
  nationalIdKind: 'employeeNumber',
  departement: 'departmentNumber',
  mailboxes: 'mail',
  entry: 'entry',
};

function attributeOf(field: string): string {
  const [head, index, leaf] = field.split('.');
  if (head === 'mailboxes' && leaf === 'kind') return 'businessCategory';
  if (head === 'mailboxes' && index !== undefined) return `mail[${index}]`;
  return FIELD_ATTRIBUTE[head ?? ''] ?? field;
}

function problemsText(details: unknown): string | null {
  if (typeof details !== 'object' || details === null || !('problems' in details)) return null;
  const problems = (details as { problems: EntryProblem[] }).problems;
  if (!Array.isArray(problems) || problems.length === 0) return null;
  return problems.map((p) => `${attributeOf(p.field)}: ${p.message} [${p.code}]`).join('; ');
}

/**
 * The one mapping from whatever a handler threw to an LDAP result. Catalogue errors keep their stable
 * code in the diagnostic message (clients log it; support greps for it); internal errors say nothing
 * about their cause, as 5xx answers do over HTTP.
 */
export function toLdapOutcome(error: unknown): LdapOutcome {
  if (error instanceof LdapFailure) return { code: error.resultCode, message: error.message };
  if (error instanceof AppError) {
    const code = BY_CODE[error.code] ?? byStatus(error.status);
    if (code === RESULT.other) return { code, message: ERROR_CATALOGUE.INTERNAL.message };
    const problems = problemsText(error.details);
    const message = problems === null ? error.message : `${error.message} ${problems}`;
    return { code, message: `${error.code}: ${message}` };
  }
  return { code: RESULT.other, message: ERROR_CATALOGUE.INTERNAL.message };
}

export function isInternal(error: unknown): boolean {
  return !(error instanceof LdapFailure) && !(error instanceof AppError && error.status < 500);
}
