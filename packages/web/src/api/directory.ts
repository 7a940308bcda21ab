import { MAILBOX_KINDS } from '@liaison/core/api/common';
import {
  ENTRY_STATES,
  SUBMISSION_ACTIONS,
  SUBMISSION_SOURCES,
  SUBMISSION_STATUSES,
  type DecideSubmissionRequest,
  type DirectoryEntry,
  type DirectoryEntryFields,
  type DirectoryEntryInput,
  type DirectoryImportCheck,
  type DirectoryImportStatus,
  type DirectorySubmission,
  type LdapCredentials,
  type PublishedCertificate,
  type SubmissionStatus,
} from '@liaison/core/api/directory';
import { ApiErrorBody } from '@liaison/core/api/index';
import { api, ApiError, CLIENT_ERROR_CODES, isApiError } from './client.ts';
import {
  arrayOf,
  boolean,
  integer,
  nullable,
  object,
  oneOf,
  optional,
  schema,
  string,
  type Check,
} from './shapes.ts';

/**
 * The directory API (packages/server/src/directory/routes.ts; contract in
 * packages/core/src/api/directory.ts). Answers are checked at runtime like every other call: the
 * contract's response types are interfaces, so their checks are written here with shapes.ts.
 */

export const directoryKeys = {
  all: ['directory'] as const,
  search: (params: DirectorySearchParams) => ['directory', 'search', params] as const,
  entry: (id: string) => ['directory', 'entry', id] as const,
  history: (id: string) => ['directory', 'entry', id, 'history'] as const,
  organisation: (organisationId: string) => ['directory', 'organisation', organisationId] as const,
  organisationEntries: (organisationId: string) =>
    ['directory', 'organisation', organisationId, 'entries'] as const,
  organisationSubmissions: (organisationId: string) =>
    ['directory', 'organisation', organisationId, 'submissions'] as const,
  ldap: (organisationId: string) => ['directory', 'organisation', organisationId, 'ldap'] as const,
  importStatus: (id: string) => ['directory', 'import', id] as const,
  queue: (params: QueueParams) => ['directory', 'queue', params] as const,
  queueAll: ['directory', 'queue'] as const,
  retirements: ['directory', 'retirements'] as const,
};

// --- answer checks ---------------------------------------------------------------------------------

const checkMailbox = object({ address: string, kind: oneOf(MAILBOX_KINDS) });

export const checkFields: Check<DirectoryEntryFields> = object({
  lastName: nullable(string),
  firstName: nullable(string),
  profession: nullable(string),
  specialty: string,
  nationalIdKind: nullable(oneOf(['rpps', 'adeli'] as const)),
  nationalId: nullable(string),
  serviceName: nullable(string),
  mailboxes: arrayOf(checkMailbox),
  departement: nullable(string),
  groupName: nullable(string),
  proxyUser: boolean,
  acceptsAttachments: boolean,
  unlisted: boolean,
});

const entryShape = {
  id: string,
  organisationId: string,
  organisationName: string,
  organisationFiness: nullable(string),
  organisationCity: nullable(string),
  state: oneOf(ENTRY_STATES),
  fields: checkFields,
  version: integer,
  createdAt: string,
  publishedAt: nullable(string),
  modifiedAt: string,
  retiredAt: nullable(string),
  rppsLeftAt: nullable(string),
  pendingSubmissionId: nullable(string),
};

export const checkEntry: Check<DirectoryEntry> = object(entryShape);

export type SearchMatch = 'exact' | 'prefix' | 'typo';
export type SearchHit = DirectoryEntry & { match: SearchMatch };

const checkSearchHit: Check<SearchHit> = object({
  ...entryShape,
  match: oneOf(['exact', 'prefix', 'typo'] as const),
});

const checkSearchResult = object({ total: integer, results: arrayOf(checkSearchHit) });
export type SearchResult = ReturnType<typeof checkSearchResult>;

const checkCertificate: Check<PublishedCertificate> = object({
  serial: string,
  usage: oneOf(['signing', 'encryption'] as const),
  notAfter: string,
  pem: string,
});

export type EntryDetail = DirectoryEntry & { certificates: PublishedCertificate[] };
const checkEntryDetail: Check<EntryDetail> = object({
  ...entryShape,
  certificates: arrayOf(checkCertificate),
});

const checkHistoryItem = object({
  version: integer,
  state: string,
  change: string,
  changedAt: string,
  changedBy: nullable(string),
  fields: checkFields,
});
export type EntryVersion = ReturnType<typeof checkHistoryItem>;

const checkProblemCount = object({ code: string, message: string });

export const checkSubmission: Check<DirectorySubmission> = object({
  id: string,
  entryId: string,
  organisationId: string,
  organisationName: string,
  action: oneOf(SUBMISSION_ACTIONS),
  source: oneOf(SUBMISSION_SOURCES),
  status: oneOf(SUBMISSION_STATUSES),
  fields: checkFields,
  published: nullable(checkFields),
  submittedBy: nullable(string),
  submittedAt: string,
  decidedBy: nullable(string),
  decidedAt: nullable(string),
  reason: nullable(string),
  checks: arrayOf(checkProblemCount),
});

const checkProposal = object({ entryId: string, submissionId: nullable(string) });
export type Proposal = ReturnType<typeof checkProposal>;

const checkCounts = object({ create: integer, update: integer, unchanged: integer });
const IMPORT_ACTIONS = ['create', 'update', 'unchanged'] as const;

const checkImportCheck: Check<DirectoryImportCheck> = object({
  fileName: string,
  format: oneOf(['csv', 'xlsx'] as const),
  encoding: nullable(oneOf(['utf-8', 'windows-1252'] as const)),
  separator: nullable(oneOf([';', ',', '\t'] as const)),
  columns: arrayOf(object({ header: string, mappedTo: nullable(string) })),
  totalRows: integer,
  errors: arrayOf(object({ line: integer, column: nullable(string), code: string, message: string })),
  counts: checkCounts,
  preview: arrayOf(object({ line: integer, action: oneOf(IMPORT_ACTIONS), fields: checkFields })),
});

const checkImportStatus: Check<DirectoryImportStatus> = object({
  id: string,
  organisationId: string,
  fileName: string,
  status: oneOf(['running', 'done', 'failed'] as const),
  totalRows: integer,
  processedRows: integer,
  counts: nullable(checkCounts),
  error: nullable(checkProblemCount),
  createdAt: string,
  finishedAt: nullable(string),
});

const checkLdapCredentials: Check<LdapCredentials> = object({
  bindDn: string,
  password: optional(string),
  url: nullable(string),
  createdAt: string,
});

// --- search and entries ----------------------------------------------------------------------------

export interface DirectorySearchParams {
  q: string;
  specialty?: string | undefined;
  organisationId?: string | undefined;
  departement?: string | undefined;
  limit: number;
  offset: number;
}

/** The query string of a search, also used by the CSV/XLSX exports (same filters). */
export function searchQueryString(params: Partial<DirectorySearchParams>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  return query.toString();
}

export function searchDirectory(params: DirectorySearchParams, signal?: AbortSignal) {
  return api(`/api/directory/search?${searchQueryString(params)}`, schema(checkSearchResult), {
    ...(signal ? { signal } : {}),
  });
}

/** Plain links: the browser downloads with the session cookie (signed-in users get unlisted entries). */
export function exportUrl(format: 'csv' | 'xlsx', params: Partial<DirectorySearchParams>): string {
  const { q, specialty, organisationId, departement } = params;
  const query = searchQueryString({ q, specialty, organisationId, departement });
  return `/api/directory/export.${format}${query ? `?${query}` : ''}`;
}

const entryPath = (id: string) => `/api/directory/entries/${encodeURIComponent(id)}`;

export function fetchEntry(id: string) {
  return api(entryPath(id), schema(checkEntryDetail));
}

export function fetchEntryHistory(id: string) {
  return api(`${entryPath(id)}/history`, schema(arrayOf(checkHistoryItem)));
}

// --- establishment admin ---------------------------------------------------------------------------

const orgPath = (organisationId: string) =>
  `/api/directory/organisations/${encodeURIComponent(organisationId)}`;

export function fetchOrganisationEntries(organisationId: string) {
  return api(`${orgPath(organisationId)}/entries`, schema(arrayOf(checkEntry)));
}

export function fetchOrganisationSubmissions(organisationId: string) {
  return api(`${orgPath(organisationId)}/submissions`, schema(arrayOf(checkSubmission)));
}

export function createEntry(organisationId: string, input: DirectoryEntryInput) {
  return api(`${orgPath(organisationId)}/entries`, schema(checkProposal), { method: 'POST', body: input });
}

export function updateEntry(organisationId: string, id: string, input: DirectoryEntryInput) {
  return api(`${orgPath(organisationId)}/entries/${encodeURIComponent(id)}`, schema(checkProposal), {
    method: 'PUT',
    body: input,
  });
}

export function removeEntry(organisationId: string, id: string) {
  return api(`${orgPath(organisationId)}/entries/${encodeURIComponent(id)}`, schema(checkProposal), {
    method: 'DELETE',
  });
}

/** The per-field problems of a 400 DIRECTORY_ENTRY_INVALID (`details.problems`). */
export function entryProblems(error: unknown): { field: string; code: string; message: string }[] {
  if (!isApiError(error) || error.code !== 'DIRECTORY_ENTRY_INVALID') return [];
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('problems' in details)) return [];
  const { problems } = details;
  if (!Array.isArray(problems)) return [];
  return problems.flatMap((p: unknown) => {
    if (typeof p !== 'object' || p === null) return [];
    const { field, code, message } = p as Record<string, unknown>;
    return typeof field === 'string' && typeof code === 'string'
      ? [{ field, code, message: typeof message === 'string' ? message : '' }]
      : [];
  });
}

// --- file upload -----------------------------------------------------------------------------------

/**
 * The file goes as the raw body (not JSON, not multipart): the server reads its bytes to detect the
 * format and encoding itself. The shared client only sends JSON, so this one call fetches directly and
 * turns failures into the same ApiError.
 */
async function sendFile<T>(path: string, file: File, check: Check<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/octet-stream',
        'X-File-Name': encodeURIComponent(file.name),
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, CLIENT_ERROR_CODES.network, 'network error');
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // An empty or HTML body: handled below.
  }
  if (!response.ok) {
    const parsed = ApiErrorBody.safeParse(json);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(response.status, code, message, details);
    }
    throw new ApiError(response.status, `HTTP_${response.status}`, response.statusText || 'error');
  }
  const parsed = schema(check).safeParse(json);
  if (!parsed.success)
    throw new ApiError(response.status, CLIENT_ERROR_CODES.badResponse, parsed.error.message);
  return parsed.data;
}

/** Dry run: columns understood, counts, preview rows and every bad row. Nothing is written. */
export function checkImportFile(organisationId: string, file: File) {
  return sendFile(`${orgPath(organisationId)}/imports/check`, file, checkImportCheck);
}

/**
 * All or nothing: 202 with the import to follow, or 400 DIRECTORY_IMPORT_INVALID and nothing written.
 * The progress token lets the importing node answer progress from memory while its transaction runs.
 */
export function startImport(organisationId: string, file: File) {
  return sendFile(
    `${orgPath(organisationId)}/imports`,
    file,
    object({ importId: string, progressToken: optional(string) }),
  );
}

export function fetchImportStatus(id: string, progressToken?: string) {
  const query = progressToken ? `?${new URLSearchParams({ progressToken }).toString()}` : '';
  return api(`/api/directory/imports/${encodeURIComponent(id)}${query}`, schema(checkImportStatus));
}

// --- LDAP push -------------------------------------------------------------------------------------

/** The establishment's LDAP push account, or null when none was issued yet (404). */
export async function fetchLdapCredentials(organisationId: string): Promise<LdapCredentials | null> {
  try {
    return await api(`${orgPath(organisationId)}/ldap-credentials`, schema(checkLdapCredentials));
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** Issues a new password (the previous one stops working); the answer is the only place it appears. */
export function issueLdapCredentials(organisationId: string) {
  return api(`${orgPath(organisationId)}/ldap-credentials`, schema(checkLdapCredentials), {
    method: 'POST',
  });
}

// --- technician ------------------------------------------------------------------------------------

export interface QueueParams {
  status: SubmissionStatus;
  organisationId?: string | undefined;
  limit: number;
  offset: number;
}

export function fetchSubmissionQueue(params: QueueParams) {
  return api(
    `/api/directory/submissions?${searchQueryString(params)}`,
    schema(object({ total: integer, submissions: arrayOf(checkSubmission) })),
  );
}

export function decideSubmission(id: string, request: DecideSubmissionRequest) {
  return api(`/api/directory/submissions/${encodeURIComponent(id)}/decision`, schema(checkSubmission), {
    method: 'POST',
    body: request,
  });
}

export function fetchRetirements() {
  return api('/api/directory/retirements', schema(arrayOf(checkEntry)));
}
