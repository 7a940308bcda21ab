/**
 * `liaison directory import FILE`: an establishment admin's CSV/XLSX upload, remote like `send`.
 * The dry run always comes first and prints every bad row with its line; the import itself is all or
 * nothing on the server, and this command follows it with a progress bar until it is done.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DirectoryImportCheck, DirectoryImportStatus } from '@liaison/core/api/directory';
import { SingleBar } from 'cli-progress';
import { segment } from '../api.ts';
import { CliFailure } from '../failure.ts';
import { connect } from '../remote.ts';

export interface ImportOptions {
  organisation?: string;
  dryRun?: boolean;
  json?: boolean;
}

interface Me {
  roles: { role: string; organisationId: string | null }[];
}

/** The establishment: given, or the only one the signed-in admin administers. */
async function organisationOf(
  api: ReturnType<typeof connect>['api'],
  given: string | undefined,
): Promise<string> {
  if (given !== undefined) return given;
  const me = await api.get<Me>('/api/me');
  const own = me.roles.filter((r) => r.role === 'establishment_admin' && r.organisationId !== null);
  if (own.length === 1 && own[0]?.organisationId) return own[0].organisationId;
  throw new CliFailure(
    'ORGANISATION_REQUIRED',
    'say which establishment to import into',
    1,
    'Add --organisation ID.',
  );
}

function printCheck(check: DirectoryImportCheck): void {
  const mapped = check.columns.filter((c) => c.mappedTo !== null).map((c) => `${c.header} → ${c.mappedTo}`);
  const ignored = check.columns.filter((c) => c.mappedTo === null).map((c) => c.header);
  const format =
    check.format === 'csv' ? `CSV, ${check.encoding}, separator ${JSON.stringify(check.separator)}` : 'XLSX';
  process.stderr.write(`${check.fileName}: ${format}, ${check.totalRows} rows\n`);
  process.stderr.write(
    `columns: ${mapped.join(', ')}${ignored.length > 0 ? `; ignored: ${ignored.join(', ')}` : ''}\n`,
  );
  for (const error of check.errors) {
    process.stderr.write(
      `line ${error.line}${error.column ? ` (${error.column})` : ''}: ${error.code}: ${error.message}\n`,
    );
  }
  process.stderr.write(
    `${check.counts.create} new, ${check.counts.update} changed, ${check.counts.unchanged} unchanged, ${check.errors.length} bad rows\n`,
  );
}

export async function importDirectoryFile(file: string, options: ImportOptions): Promise<void> {
  const { api } = connect();
  const bytes = readFileSync(file);
  const headers = { 'x-file-name': encodeURIComponent(basename(file)) };
  const organisation = await organisationOf(api, options.organisation);
  const base = `/api/directory/organisations/${segment(organisation)}/imports`;
  const check = await api.upload<DirectoryImportCheck>(`${base}/check`, bytes, headers);
  if (!options.json || options.dryRun) printCheck(check);
  if (options.dryRun || check.errors.length > 0) {
    if (options.json) process.stdout.write(`${JSON.stringify(check)}\n`);
    if (check.errors.length > 0)
      throw new CliFailure(
        'DIRECTORY_IMPORT_INVALID',
        `${check.errors.length} bad rows: nothing was imported`,
      );
    return;
  }
  const { importId, progressToken } = await api.upload<{ importId: string; progressToken: string }>(
    base,
    bytes,
    headers,
  );
  const bar = new SingleBar({
    format: 'import {bar} {percentage}% | {value}/{total} rows',
    stream: process.stderr,
    hideCursor: true,
    // Scripts and CI logs get the bar too, as plain lines.
    noTTYOutput: true,
    notTTYSchedule: 1000,
  });
  bar.start(check.totalRows, 0);
  let status: DirectoryImportStatus;
  try {
    for (;;) {
      status = await api.get<DirectoryImportStatus>(
        `/api/directory/imports/${segment(importId)}?progressToken=${encodeURIComponent(progressToken)}`,
      );
      bar.update(status.processedRows);
      if (status.status !== 'running') break;
      await sleep(300);
    }
  } finally {
    bar.stop();
  }
  if (status.status === 'failed') {
    throw new CliFailure(
      status.error?.code ?? 'IMPORT_FAILED',
      `${status.error?.message ?? 'the import failed'} (nothing was imported)`,
    );
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(status)}\n`);
    return;
  }
  const counts = status.counts ?? { create: 0, update: 0, unchanged: 0 };
  process.stdout.write(
    `${counts.create} new and ${counts.update} changed entries wait for a technician's approval; ${counts.unchanged} unchanged\n`,
  );
}
