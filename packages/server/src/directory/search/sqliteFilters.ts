import type { SearchDocument } from './document.ts';
import type { SearchFilters } from './plan.ts';

/**
 * On SQLite the filters are words of the FTS5 `filters` column, so one MATCH applies text and filters
 * together and still streams in display order (a join to filter would have to read every match).
 * Values are hex-encoded: any id or code becomes one token the tokenizer keeps whole, and distinct
 * values stay distinct. The few unlisted entries carry a token, which a query excludes (NOT), rather
 * than nearly every entry carrying "listed": FTS5 walks a list it intersects with, and that one would
 * be the whole index.
 */
const hex = (value: string): string => Buffer.from(value, 'utf8').toString('hex');

const UNLISTED = 'xunlisted';
const specialty = (code: string): string => `xs${hex(code)}`;
const organisation = (id: string): string => `xo${hex(id)}`;
const departement = (code: string): string => `xd${hex(code)}`;

/** The `filters` column of a document. */
export function documentFilterTokens(doc: SearchDocument): string {
  return [
    ...(doc.listed ? [] : [UNLISTED]),
    specialty(doc.specialty),
    organisation(doc.organisationId),
    ...(doc.departement === null ? [] : [departement(doc.departement)]),
  ].join(' ');
}

/** The tokens a document must hold to pass the filters. */
export function requiredFilterTokens(filters: SearchFilters): string[] {
  return [
    ...(filters.specialty === null ? [] : [specialty(filters.specialty)]),
    ...(filters.organisationId === null ? [] : [organisation(filters.organisationId)]),
    ...(filters.departement === null ? [] : [departement(filters.departement)]),
  ];
}

/** The tokens a document must not hold to pass the filters. */
export function excludedFilterTokens(filters: SearchFilters): string[] {
  return filters.listedOnly ? [UNLISTED] : [];
}
