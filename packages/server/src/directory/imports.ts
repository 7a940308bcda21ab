import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type {
  DirectoryEntryFields,
  DirectoryImportCheck,
  DirectoryImportStatus,
  ImportRowError,
} from '@liaison/core/api/directory';
import { auditActor, hasRole, requireOrganisationAdmin, type Actor } from '../auth/actor.ts';
import { iso } from '../clock.ts';
import type { Tx } from '../db/index.ts';
import type { Deps } from '../deps.ts';
import { AppError, fail } from '../errors.ts';
import { rowFields } from './entryRows.ts';
import { parseDirectoryFile, type ParsedFile } from './fileImport/index.ts';
import { proposeNewEntries } from './bulkProposals.ts';
import { propose, type ProposalOrigin } from './proposals.ts';

const PREVIEW_ROWS = 50;
/** Errors sent back at once: enough to fix a file, bounded for a file where every row is wrong. */
const MAX_ERRORS_SENT = 500;
/** Rows written between two progress updates. */
const BULK = 2000;
const KEEP_FINISHED_MS = 10 * 60_000;

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

type Action = 'create' | 'update' | 'unchanged';
interface PlannedRow {
  line: number;
  fields: DirectoryEntryFields;
  action: Action;
  entryId: string | null;
}

/**
 * CSV/XLSX uploads of directory entries: a dry run that says what would happen and lists every bad
 * row, then an all-or-nothing import (one transaction) that turns each row into a pending
 * submission. A row equal to what is published changes nothing.
 */
export class DirectoryImportService {
  /**
   * Imports of this node, for progress, kept a while after they end. The import's transaction hides
   * its writes, and on SQLite it holds the only connection, so progress is answered from here,
   * without touching the database, to whoever holds the import's progress token.
   */
  private readonly recent = new Map<string, { status: DirectoryImportStatus; token: string }>();

  constructor(private readonly deps: Deps) {}

  async check(
    actor: Actor,
    organisationId: string,
    bytes: Uint8Array,
    fileName: string,
  ): Promise<DirectoryImportCheck> {
    requireOrganisationAdmin(actor, organisationId);
    const parsed = await this.parse(bytes, fileName);
    const planned = await this.plan(organisationId, parsed);
    const counts = { create: 0, update: 0, unchanged: 0 };
    for (const row of planned) counts[row.action]++;
    return {
      fileName,
      format: parsed.format,
      encoding: parsed.encoding,
      separator: parsed.separator,
      columns: parsed.columns,
      totalRows: parsed.totalRows,
      errors: parsed.errors.slice(0, MAX_ERRORS_SENT),
      counts,
      preview: planned.slice(0, PREVIEW_ROWS).map(({ line, action, fields }) => ({ line, action, fields })),
    };
  }

  /** Checks the whole file first; refuses it whole when any row is bad; then imports in the background. */
  async start(
    actor: Actor,
    organisationId: string,
    bytes: Uint8Array,
    fileName: string,
  ): Promise<{ importId: string; progressToken: string; done: Promise<DirectoryImportStatus> }> {
    requireOrganisationAdmin(actor, organisationId);
    const parsed = await this.parse(bytes, fileName);
    this.lastParsed = null; // imported once; a later upload of the same file is read afresh
    if (parsed.errors.length > 0) {
      fail('DIRECTORY_IMPORT_INVALID', undefined, {
        errors: parsed.errors.slice(0, MAX_ERRORS_SENT),
        errorCount: parsed.errors.length,
      });
    }
    const planned = await this.plan(organisationId, parsed);
    const importId = crypto.randomUUID();
    const now = iso(this.deps.clock.now());
    const status: DirectoryImportStatus = {
      id: importId,
      organisationId,
      fileName,
      status: 'running',
      totalRows: planned.length,
      processedRows: 0,
      counts: null,
      error: null,
      createdAt: now,
      finishedAt: null,
    };
    await this.deps.db.transaction((tx) =>
      tx.db
        .insertInto('directory_imports')
        .values({
          id: importId,
          organisation_id: organisationId,
          file_name: fileName,
          status: 'running',
          total_rows: planned.length,
          processed_rows: 0,
          summary: null,
          created_by: auditActor(actor),
          created_at: now,
          finished_at: null,
        })
        .execute(),
    );
    const progressToken = randomBytes(24).toString('base64url');
    this.recent.set(importId, { status, token: progressToken });
    const done = this.run(actor, status, planned).finally(() => {
      setTimeout(() => this.recent.delete(importId), KEEP_FINISHED_MS).unref();
    });
    return { importId, progressToken, done };
  }

  /**
   * The dry run's reading of a file, reused when the same bytes are imported just after (what the
   * web page and the CLI do): a 100,000-row file is then parsed once, not twice.
   */
  private lastParsed: { digest: string; parsed: Promise<ParsedFile> } | null = null;

  private parse(bytes: Uint8Array, fileName: string): Promise<ParsedFile> {
    const digest = createHash('sha256').update(fileName).update('\0').update(bytes).digest('hex');
    if (this.lastParsed?.digest !== digest) {
      const parsed = parseDirectoryFile(bytes, fileName);
      // A refused file is not kept: the next attempt reads it again.
      parsed.catch(() => {
        if (this.lastParsed?.digest === digest) this.lastParsed = null;
      });
      this.lastParsed = { digest, parsed };
    }
    return this.lastParsed.parsed;
  }

  /** Progress for the holder of the token given at start; null when this node does not know it. */
  progress(importId: string, token: string): DirectoryImportStatus | null {
    const known = this.recent.get(importId);
    if (known === undefined || !safeEqual(known.token, token)) return null;
    return { ...known.status };
  }

  async status(actor: Actor, importId: string): Promise<DirectoryImportStatus> {
    const live = this.recent.get(importId)?.status;
    if (live !== undefined) {
      if (!hasRole(actor, 'technician')) requireOrganisationAdmin(actor, live.organisationId);
      return { ...live };
    }
    const row = await this.deps.db.read
      .selectFrom('directory_imports')
      .selectAll()
      .where('id', '=', importId)
      .executeTakeFirst();
    if (row === undefined) fail('NOT_FOUND');
    if (!hasRole(actor, 'technician')) requireOrganisationAdmin(actor, row.organisation_id);
    const summary =
      row.summary === null
        ? null
        : (JSON.parse(row.summary) as {
            counts?: DirectoryImportStatus['counts'];
            error?: DirectoryImportStatus['error'];
          });
    return {
      id: row.id,
      organisationId: row.organisation_id,
      fileName: row.file_name,
      status: row.status,
      totalRows: row.total_rows,
      processedRows: row.processed_rows,
      counts: summary?.counts ?? null,
      error: summary?.error ?? null,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
    };
  }

  /** Matches rows to the establishment's live entries by main address: same address, same entry. */
  private async plan(organisationId: string, parsed: ParsedFile): Promise<PlannedRow[]> {
    const live = await this.deps.db.read
      .selectFrom('directory_entries')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('state', 'in', ['pending', 'published'])
      .execute();
    const byAddress = new Map(live.map((row) => [row.address, row]));
    return parsed.rows.map(({ line, fields }) => {
      const existing = byAddress.get(fields.mailboxes[0]?.address ?? '');
      if (existing === undefined) return { line, fields, action: 'create', entryId: null };
      const same =
        existing.state === 'published' && JSON.stringify(rowFields(existing)) === JSON.stringify(fields);
      return { line, fields, action: same ? 'unchanged' : 'update', entryId: existing.id };
    });
  }

  /** A change that fails now (only a concurrent edit can) names its line, and undoes the whole import. */
  private async proposeLocated(tx: Tx, origin: ProposalOrigin, row: PlannedRow, at: Date): Promise<void> {
    try {
      await propose(
        tx,
        origin,
        { action: 'update', entryId: row.entryId ?? '', input: { ...row.fields } },
        at,
      );
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const located: ImportRowError = { line: row.line, column: null, code: err.code, message: err.message };
      throw new AppError('DIRECTORY_IMPORT_INVALID', undefined, { errors: [located], errorCount: 1 });
    }
  }

  private async run(
    actor: Actor,
    status: DirectoryImportStatus,
    planned: PlannedRow[],
  ): Promise<DirectoryImportStatus> {
    const origin = {
      organisationId: status.organisationId,
      submittedBy: auditActor(actor),
      source: 'file' as const,
      importId: status.id,
    };
    const counts = { create: 0, update: 0, unchanged: 0 };
    try {
      await this.deps.db.transaction(async (tx) => {
        const at = this.deps.clock.now();
        // New entries go in bulk (the bulk of any first import); changes one by one, as the form does.
        for (let start = 0; start < planned.length; start += BULK) {
          const slice = planned.slice(start, start + BULK);
          counts.create += await proposeNewEntries(
            tx,
            origin,
            slice.filter((row) => row.action === 'create').map((row) => row.fields),
            at,
          );
          for (const row of slice) {
            if (row.action === 'unchanged') counts.unchanged++;
            if (row.action !== 'update') continue;
            await this.proposeLocated(tx, origin, row, at);
            counts.update++;
          }
          status.processedRows = Math.min(planned.length, start + BULK);
        }
        status.processedRows = planned.length;
        await tx.db
          .updateTable('directory_imports')
          .set({
            status: 'done',
            processed_rows: planned.length,
            summary: JSON.stringify({ counts }),
            finished_at: iso(this.deps.clock.now()),
          })
          .where('id', '=', status.id)
          .execute();
        await this.deps.audit.append(tx, {
          actor: auditActor(actor),
          action: 'directory.imported',
          target: status.organisationId,
          details: { import: status.id, counts },
        });
      });
      Object.assign(status, { status: 'done', counts, finishedAt: iso(this.deps.clock.now()) });
    } catch (err) {
      const error =
        err instanceof AppError
          ? { code: err.code, message: err.message }
          : { code: 'INTERNAL', message: 'The import failed; nothing was imported.' };
      if (!(err instanceof AppError))
        this.deps.logger.error({ err, importId: status.id }, 'directory import failed');
      await this.deps.db.transaction((tx) =>
        tx.db
          .updateTable('directory_imports')
          .set({
            status: 'failed',
            processed_rows: 0,
            summary: JSON.stringify({ error }),
            finished_at: iso(this.deps.clock.now()),
          })
          .where('id', '=', status.id)
          .execute(),
      );
      Object.assign(status, {
        status: 'failed',
        processedRows: 0,
        error,
        finishedAt: iso(this.deps.clock.now()),
      });
    }
    return { ...status };
  }
}
