import { createHash } from 'node:crypto';
import { readRppsExtraction, type RppsPerson, type RppsWarning } from '@liaison/core/rpps/index';
import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import type { Tx } from '../db/index.ts';
import { syncRetirementFlags } from './referenceChecks.ts';

/** Persons written per transaction: large enough to amortise commits, small enough to stay short. */
const BATCH = 1000;

export interface RppsImportSummary {
  importId: string;
  persons: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Were in the reference, absent from this complete import: marked as having left. */
  left: number;
  /** Came back after having left. */
  returned: number;
  badKeys: number;
  warnings: number;
  /** Published directory entries newly flagged because their RPPS left the reference. */
  entriesFlagged: number;
}

export interface RppsImportOptions {
  /** Where the lines come from, for the import log (a path, never content). */
  source: string;
  onProgress?: (personsSoFar: number) => void;
  onWarning?: (warning: RppsWarning) => void;
}

interface ReferenceRow {
  rpps: string;
  last_name: string;
  first_name: string;
  profession_code: string | null;
  profession_label: string | null;
  specialty: string | null;
  key_valid: number;
  activities: string;
  fingerprint: string;
}

function toRow(person: RppsPerson): ReferenceRow {
  const activities = JSON.stringify(
    person.activities.map((a) => ({
      specialty: a.specialty,
      savoirFaire: a.savoirFaire,
      finessSite: a.finessSite,
      finessLegal: a.finessLegal,
      structureName: a.structureName,
      postcode: a.postcode,
      communeLabel: a.communeLabel,
      departementCode: a.departementCode,
    })),
  );
  const row = {
    rpps: person.rpps,
    last_name: person.lastName,
    first_name: person.firstName,
    profession_code: person.profession?.code ?? null,
    profession_label: person.profession?.label ?? null,
    specialty: person.activities.find((a) => a.specialty !== null)?.specialty ?? null,
    key_valid: person.rppsKeyValid ? 1 : 0,
    activities,
  };
  return { ...row, fingerprint: createHash('sha256').update(JSON.stringify(row)).digest('hex') };
}

/**
 * Keeps the national RPPS reference current from the open-data extraction: streams it (one person at a
 * time, bounded memory), writes in batches, and only once the whole file has been read marks as "left"
 * those the file no longer lists. A file that stops half-way (bad header, read error) leaves every
 * person it did not reach as they were and marks nobody as having left.
 */
export class RppsReferenceService {
  constructor(private readonly deps: Pick<Deps, 'db' | 'clock' | 'logger'>) {}

  async importLines(
    lines: AsyncIterable<string> | Iterable<string>,
    options: RppsImportOptions,
  ): Promise<RppsImportSummary> {
    const importId = crypto.randomUUID();
    const startedAt = iso(this.deps.clock.now());
    await this.deps.db.transaction((tx) =>
      tx.db
        .insertInto('rpps_imports')
        .values({
          id: importId,
          source: options.source,
          started_at: startedAt,
          finished_at: null,
          status: 'running',
          summary: null,
        })
        .execute(),
    );
    const summary: RppsImportSummary = {
      importId,
      persons: 0,
      added: 0,
      updated: 0,
      unchanged: 0,
      left: 0,
      returned: 0,
      badKeys: 0,
      warnings: 0,
      entriesFlagged: 0,
    };
    try {
      let batch: ReferenceRow[] = [];
      const persons = readRppsExtraction(lines, {
        onWarning: (warning) => {
          summary.warnings++;
          options.onWarning?.(warning);
        },
      });
      for await (const person of persons) {
        const row = toRow(person);
        if (row.key_valid === 0) summary.badKeys++;
        batch.push(row);
        if (batch.length >= BATCH) {
          await this.writeBatch(batch, importId, summary);
          batch = [];
          options.onProgress?.(summary.persons);
        }
      }
      if (batch.length > 0) await this.writeBatch(batch, importId, summary);
      options.onProgress?.(summary.persons);
      await this.deps.db.transaction(async (tx) => {
        const now = iso(this.deps.clock.now());
        const left = await tx.db
          .updateTable('rpps_reference')
          .set({ left_at: now })
          .where('seen_import', '!=', importId)
          .where('left_at', 'is', null)
          .executeTakeFirst();
        summary.left = Number(left.numUpdatedRows);
        // Published entries follow the reference in the same commit: flagged when their RPPS left.
        summary.entriesFlagged = await syncRetirementFlags(tx, this.deps.clock.now());
        await this.finish(tx, importId, 'done', summary);
      });
      return summary;
    } catch (err) {
      await this.deps.db.transaction((tx) =>
        this.finish(tx, importId, 'failed', { error: err instanceof Error ? err.message : String(err) }),
      );
      throw err;
    }
  }

  private async finish(tx: Tx, importId: string, status: 'done' | 'failed', summary: object): Promise<void> {
    await tx.db
      .updateTable('rpps_imports')
      .set({ status, finished_at: iso(this.deps.clock.now()), summary: JSON.stringify(summary) })
      .where('id', '=', importId)
      .execute();
  }

  private async writeBatch(
    batch: ReferenceRow[],
    importId: string,
    summary: RppsImportSummary,
  ): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      const now = iso(this.deps.clock.now());
      // The same RPPS twice in one batch (rows not consecutive in the file): the last one wins.
      const byRpps = new Map(batch.map((row) => [row.rpps, row]));
      const existing = await tx.db
        .selectFrom('rpps_reference')
        .select(['rpps', 'fingerprint', 'left_at', 'seen_import'])
        .where('rpps', 'in', [...byRpps.keys()])
        .execute();
      const known = new Map(existing.map((e) => [e.rpps, e]));
      for (const row of byRpps.values()) {
        const before = known.get(row.rpps);
        summary.persons++;
        if (!before) {
          summary.added++;
          await tx.db
            .insertInto('rpps_reference')
            .values({ ...row, first_seen_at: now, updated_at: now, seen_import: importId, left_at: null })
            .execute();
          continue;
        }
        if (before.left_at !== null) summary.returned++;
        if (before.fingerprint === row.fingerprint) {
          if (before.seen_import !== importId) summary.unchanged++;
          await tx.db
            .updateTable('rpps_reference')
            .set({ seen_import: importId, left_at: null })
            .where('rpps', '=', row.rpps)
            .execute();
        } else {
          summary.updated++;
          await tx.db
            .updateTable('rpps_reference')
            .set({ ...row, updated_at: now, seen_import: importId, left_at: null })
            .where('rpps', '=', row.rpps)
            .execute();
        }
      }
    });
  }
}
