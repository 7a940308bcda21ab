import type { FormRef, TeleexpertiseForm } from '@liaison/core/api/teleexpertise';
import { BUILT_IN_FORMS } from '@liaison/core/teleexpertise/forms/index';
import type { Questionnaire } from '@liaison/core/teleexpertise/questionnaire';
import type { Database, Reader, Tx } from '../db/index.ts';
import type { TeFormTable } from '../db/schemaTeleexpertise.ts';

/** Storage of tele-expertise forms (te_forms): the built-in ones and those admins import. */

export function formTitle(q: Questionnaire): string {
  return q.title ?? q.name ?? q.url;
}

function toForm(row: TeFormTable): TeleexpertiseForm {
  return {
    url: row.url,
    version: row.version,
    title: row.title,
    questionnaire: JSON.parse(row.questionnaire) as Record<string, unknown>,
    builtIn: row.built_in === 1,
    importedAt: row.imported_at,
  };
}

/**
 * Puts the built-in forms in te_forms. `on conflict do nothing` makes it idempotent and safe when
 * several nodes start or serve their first request at the same moment; a built-in form is never
 * rewritten, since requests already made point to its url|version.
 */
export async function ensureBuiltInForms(db: Database, now: string): Promise<void> {
  await db.transaction(async (tx) => {
    for (const form of Object.values(BUILT_IN_FORMS)) {
      await tx.db
        .insertInto('te_forms')
        .values({
          url: form.url,
          version: form.version,
          title: formTitle(form),
          questionnaire: JSON.stringify(form),
          built_in: 1,
          imported_by: null,
          imported_at: now,
        })
        .onConflict((oc) => oc.columns(['url', 'version']).doNothing())
        .execute();
    }
  });
}

export async function listForms(db: Reader): Promise<TeleexpertiseForm[]> {
  const rows = await db.selectFrom('te_forms').selectAll().orderBy('title').orderBy('version').execute();
  return rows.map(toForm);
}

export async function findForm(db: Reader, ref: FormRef): Promise<TeleexpertiseForm | null> {
  const row = await db
    .selectFrom('te_forms')
    .selectAll()
    .where('url', '=', ref.url)
    .where('version', '=', ref.version)
    .executeTakeFirst();
  return row ? toForm(row) : null;
}

/** The refs among `refs` that no stored form has. */
export async function missingForms(tx: Tx, refs: readonly FormRef[]): Promise<FormRef[]> {
  const missing: FormRef[] = [];
  for (const ref of refs) {
    const row = await tx.db
      .selectFrom('te_forms')
      .select('url')
      .where('url', '=', ref.url)
      .where('version', '=', ref.version)
      .executeTakeFirst();
    if (!row) missing.push(ref);
  }
  return missing;
}

/** Same url and version twice in a list counts once (te_service_forms' key would refuse it). */
export function uniqueForms(refs: readonly FormRef[]): FormRef[] {
  const seen = new Map<string, FormRef>();
  for (const ref of refs) seen.set(`${ref.url}|${ref.version}`, { url: ref.url, version: ref.version });
  return [...seen.values()];
}
