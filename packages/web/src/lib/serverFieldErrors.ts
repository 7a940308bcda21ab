import { isApiError } from '../api/client.ts';

/**
 * Names of the fields the server pointed at in a 400, from either shape it uses: `{ field }` for a
 * business rule, `[{ field, message }]` for schema validation. Paths are dotted ("itHead.email"),
 * which is also how @mantine/form names nested fields.
 */
export function serverFieldErrors(error: unknown): string[] {
  if (!isApiError(error) || error.status !== 400) return [];
  const entries: unknown[] = Array.isArray(error.details) ? error.details : [error.details];
  const fields: string[] = [];
  for (const entry of entries) {
    if (
      typeof entry === 'object' &&
      entry !== null &&
      'field' in entry &&
      typeof entry.field === 'string' &&
      entry.field
    ) {
      fields.push(entry.field);
    }
  }
  return fields;
}

/** Marks the fields the server refused, so the person sees where to look, not only a banner. */
export function markServerFieldErrors(
  error: unknown,
  knownFields: readonly string[],
  setFieldError: (field: string, message: string) => void,
  message: string,
): void {
  for (const field of serverFieldErrors(error)) {
    if (knownFields.includes(field)) setFieldError(field, message);
  }
}
