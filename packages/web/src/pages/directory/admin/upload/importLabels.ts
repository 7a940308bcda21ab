import type { ImportRowError } from '@liaison/core/api/directory';
import type { TFunction } from 'i18next';
import { isApiError } from '../../../../api/client.ts';
import { problemMessage } from '../../labels.ts';

const FIELD_COLUMNS = [
  'lastName',
  'firstName',
  'serviceName',
  'specialty',
  'profession',
  'departement',
  'groupName',
  'nationalId',
  'acceptsAttachments',
  'unlisted',
  'proxyUser',
] as const;

/** What a column of the file feeds, in words: a field of the entry, or its main mailbox. */
export function columnLabel(t: TFunction, mappedTo: string | null): string {
  if (mappedTo === null) return t('directory.upload.ignored');
  if (mappedTo === 'mailboxAddress') return t('directory.upload.mailboxAddress');
  if (mappedTo === 'mailboxKind') return t('directory.upload.mailboxKind');
  const field = FIELD_COLUMNS.find((name) => name === mappedTo);
  return field ? t(`directory.fields.${field}`) : mappedTo;
}

/**
 * A bad row's problem in words. The column tells which field it is about, so the messages are the
 * same as the form's (a mailbox column reads as the form's mailbox fields).
 */
export function rowProblem(
  t: TFunction,
  error: ImportRowError,
  columns: { header: string; mappedTo: string | null }[],
): string {
  const mapped = columns.find((column) => column.header === error.column)?.mappedTo ?? '';
  const field =
    mapped === 'mailboxAddress'
      ? 'mailboxes.0.address'
      : mapped === 'mailboxKind'
        ? 'mailboxes.0.kind'
        : mapped;
  return problemMessage(t, { field, code: error.code, message: error.message });
}

/** The rows refused by the import itself (400 DIRECTORY_IMPORT_INVALID), when the file changed since its check. */
export function importErrors(error: unknown): { errors: ImportRowError[]; errorCount: number } | null {
  if (!isApiError(error) || error.code !== 'DIRECTORY_IMPORT_INVALID') return null;
  const details = error.details as { errors?: unknown; errorCount?: unknown } | null | undefined;
  if (!details || !Array.isArray(details.errors)) return null;
  const errors = details.errors.filter(
    (e: unknown): e is ImportRowError =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as ImportRowError).line === 'number' &&
      typeof (e as ImportRowError).code === 'string',
  );
  return { errors, errorCount: typeof details.errorCount === 'number' ? details.errorCount : errors.length };
}

const MISSING_KEYS = ['nameOrService', 'firstName', 'specialty', 'mailboxAddress'] as const;

/** The columns a refused file lacks (FILE_COLUMNS_MISSING `details.missing`), in words. */
export function missingColumns(t: TFunction, error: unknown): string[] {
  if (!isApiError(error) || error.code !== 'FILE_COLUMNS_MISSING') return [];
  const details = error.details as { missing?: unknown } | null | undefined;
  if (!Array.isArray(details?.missing)) return [];
  return details.missing.flatMap((key: unknown) => {
    const known = MISSING_KEYS.find((k) => k === key);
    return known ? [t(`directory.upload.missing.${known}`)] : typeof key === 'string' ? [key] : [];
  });
}
