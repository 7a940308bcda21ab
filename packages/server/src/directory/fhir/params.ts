import { normaliseForSearch } from '@liaison/core/directory/searchText';
import { fail } from '../../errors.ts';

export type FhirResourceType = 'Practitioner' | 'PractitionerRole' | 'Organization';

/** A token search value: `system|code`, `|code` (no system: system ''), or `code` (any system: null). */
export interface Token {
  system: string | null;
  code: string;
}

/** What a search asks for. Lists are ORs (FHIR's comma); different parameters are ANDed. */
export interface FhirSearch {
  /** Normalised (normaliseForSearch): matched as a prefix of the normalised name. */
  family?: string;
  given?: string;
  name?: string;
  identifier?: Token[];
  qualification?: Token[];
  organization?: string[];
  practitioner?: string[];
  mailbox?: string[];
  include: ('practitioner' | 'organization')[];
  count: number;
  offset: number;
  /** The parameters as understood, for the bundle's self and next links. */
  echo: [string, string][];
}

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 100;

/** Search parameters each resource understands (besides _count, _offset, _format). */
export const SEARCH_PARAMETERS: Record<FhirResourceType, readonly string[]> = {
  Practitioner: ['family', 'given', 'identifier', 'qualification-code', 'mailbox'],
  PractitionerRole: [
    'organization',
    'practitioner',
    'identifier',
    'qualification-code',
    'mailbox',
    '_include',
  ],
  Organization: ['identifier', 'name'],
};

const INCLUDES: Record<string, FhirSearch['include']> = {
  'PractitionerRole:practitioner': ['practitioner'],
  'PractitionerRole:organization': ['organization'],
  'PractitionerRole:*': ['practitioner', 'organization'],
  '*': ['practitioner', 'organization'],
};

function invalid(message: string, parameter: string): never {
  fail('VALIDATION_FAILED', message, { parameter });
}

/** FHIR's comma separates alternatives; `\,` is a literal comma. */
function alternatives(value: string): string[] {
  return value
    .split(/(?<!\\),/)
    .map((v) => v.replace(/\\,/g, ',').trim())
    .filter((v) => v !== '');
}

function token(value: string): Token {
  const bar = value.search(/(?<!\\)\|/);
  if (bar < 0) return { system: null, code: value.replace(/\\\|/g, '|') };
  return { system: value.slice(0, bar), code: value.slice(bar + 1).replace(/\\\|/g, '|') };
}

/** `Organization/<id>`, a full URL ending so, or a bare id. */
function reference(value: string, type: 'Organization' | 'Practitioner', parameter: string): string {
  const parts = value.split('/');
  const id = parts[parts.length - 1] ?? '';
  const named = parts.length > 1 ? parts[parts.length - 2] : type;
  if (named !== type || !/^[A-Za-z0-9\-.]{1,64}$/.test(id))
    invalid(`${parameter} must reference a ${type} (${type}/<id> or <id>).`, parameter);
  return id;
}

function nonNegativeInteger(value: string, parameter: string): number {
  if (!/^\d{1,9}$/.test(value)) invalid(`${parameter} must be a whole number of zero or more.`, parameter);
  return Number(value);
}

function searchName(value: string, parameter: string): string {
  const normalised = normaliseForSearch(value);
  if (normalised === '') invalid(`${parameter} needs at least one letter or digit.`, parameter);
  return normalised;
}

/**
 * Reads a FHIR search query string. Anything not understood is refused (HTTP 400) rather than
 * ignored: a client that filters on a parameter we do not support must not get everything back.
 */
export function parseSearch(type: FhirResourceType, query: unknown): FhirSearch {
  const search: FhirSearch = { include: [], count: DEFAULT_COUNT, offset: 0, echo: [] };
  const raw = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  for (const [key, given] of Object.entries(raw)) {
    const values = (Array.isArray(given) ? given : [given]).filter((v): v is string => typeof v === 'string');
    const [parameter, modifier] = key.split(':', 2) as [string, string | undefined];
    if (parameter === '_format') {
      if (values.some((v) => !/^(json|application\/(fhir\+)?json)$/.test(v)))
        invalid('Only JSON is served (_format=json).', key);
      continue;
    }
    if (parameter === '_pretty') continue;
    if (parameter !== '_count' && parameter !== '_offset' && !SEARCH_PARAMETERS[type].includes(parameter))
      invalid(`${type} has no search parameter "${parameter}" here.`, key);
    if (modifier !== undefined) invalid(`Modifiers (${key}) are not supported.`, key);
    if (parameter !== '_include' && values.length > 1)
      invalid(`${parameter} may appear once (use commas for alternatives).`, key);
    for (const value of values) {
      if (value.trim() === '') continue; // FHIR: an empty parameter is ignored.
      search.echo.push([parameter, value]);
      applyParameter(type, search, parameter, value.trim());
    }
  }
  search.count = Math.min(search.count, MAX_COUNT);
  return search;
}

function applyParameter(type: FhirResourceType, search: FhirSearch, parameter: string, value: string): void {
  switch (parameter) {
    case '_count':
      search.count = nonNegativeInteger(value, parameter);
      return;
    case '_offset':
      search.offset = nonNegativeInteger(value, parameter);
      return;
    case 'family':
    case 'given':
    case 'name':
      search[parameter] = searchName(value, parameter);
      return;
    case 'identifier':
      search.identifier = alternatives(value).map(token);
      return;
    case 'qualification-code':
      search.qualification = alternatives(value).map(token);
      return;
    case 'organization':
      search.organization = alternatives(value).map((v) => reference(v, 'Organization', parameter));
      return;
    case 'practitioner':
      search.practitioner = alternatives(value).map((v) => reference(v, 'Practitioner', parameter));
      return;
    case 'mailbox':
      search.mailbox = alternatives(value).map((v) => v.toLowerCase());
      return;
    case '_include': {
      const include = INCLUDES[value];
      if (include === undefined)
        invalid(
          `_include supports PractitionerRole:practitioner and PractitionerRole:organization.`,
          parameter,
        );
      search.include = [...new Set([...search.include, ...include])];
      return;
    }
    default:
      invalid(`${type} has no search parameter "${parameter}" here.`, parameter);
  }
}
