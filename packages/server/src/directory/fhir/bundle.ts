import { randomUUID } from 'node:crypto';
import { ERROR_CATALOGUE, type ErrorCode } from '@liaison/core/errors';
import type { Bundle, BundleEntry, DirectoryResource, OperationOutcome } from './resources.ts';
import type { FhirSearch } from './params.ts';
import { localCodeSystem } from './systems.ts';

export function fhirBase(publicUrl: string): string {
  return `${publicUrl}/api/fhir`;
}

function pageUrl(base: string, type: string, search: FhirSearch, offset: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of search.echo)
    if (name !== '_count' && name !== '_offset') params.append(name, value);
  params.set('_count', String(search.count));
  params.set('_offset', String(offset));
  return `${base}/${type}?${params.toString()}`;
}

/** A `searchset` page: matches first, then what `_include` brought, each once. */
export function searchBundle(
  publicUrl: string,
  type: string,
  search: FhirSearch,
  total: number,
  matches: readonly DirectoryResource[],
  included: readonly DirectoryResource[],
  now: Date,
): Bundle {
  const base = fhirBase(publicUrl);
  const entry = (resource: DirectoryResource, mode: 'match' | 'include'): BundleEntry => ({
    fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
    resource,
    search: { mode },
  });
  const link: Bundle['link'] = [{ relation: 'self', url: pageUrl(base, type, search, search.offset) }];
  if (search.offset + search.count < total && search.count > 0)
    link.push({ relation: 'next', url: pageUrl(base, type, search, search.offset + search.count) });
  if (search.offset > 0)
    link.push({
      relation: 'previous',
      url: pageUrl(base, type, search, Math.max(0, search.offset - search.count)),
    });
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    meta: { lastUpdated: now.toISOString() },
    type: 'searchset',
    total,
    link,
    entry: [...matches.map((r) => entry(r, 'match')), ...included.map((r) => entry(r, 'include'))],
  };
}

/** FHIR's issue type for each HTTP status we answer with. */
function issueType(status: number): string {
  if (status === 400) return 'invalid';
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'throttled';
  return 'exception';
}

/** An error as FHIR clients read it; the catalogue code is in `details.coding`, the detail in `diagnostics`. */
export function operationOutcome(publicUrl: string, code: ErrorCode, message?: string): OperationOutcome {
  const entry = ERROR_CATALOGUE[code];
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: entry.status >= 500 ? 'fatal' : 'error',
        code: issueType(entry.status),
        details: {
          coding: [{ system: localCodeSystem(publicUrl, 'error-code'), code, display: entry.message }],
          text: entry.message,
        },
        ...(message !== undefined && message !== entry.message && { diagnostics: message }),
      },
    ],
  };
}
