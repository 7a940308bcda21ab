import type { Charter } from '@liaison/core/api/accounts';
import type { CharterVersionInfo, PublishCharterRequest } from '@liaison/core/api/charter';
import { charterArticles, charterTextProblem } from '@liaison/core/policy/charterArticles';
import type { z } from 'zod';
import { auditActor, requireRole, type Actor } from '../auth/actor.ts';
import { iso } from '../clock.ts';
import type { Tx } from '../db/index.ts';
import type { CharterVersionTable } from '../db/schemaUsage.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { currentCharterVersion } from './current.ts';

export type CharterLanguage = 'fr' | 'en';
type PublishInput = z.output<typeof PublishCharterRequest>;

/**
 * Migration 009 seeds version 1 with this date: it was in force from the first start, but nobody
 * published it. `current()` shows it as `publishedAt: null` (readers are not told "1 January 1970");
 * the admins' version list keeps the stored value, since that contract has no null.
 */
const SEED_PUBLISHED_AT = '1970-01-01T00:00:00.000Z';

/** Two publications at once both read the same highest version; the loser takes the next number. */
const PUBLISH_ATTEMPTS = 5;

const LANGUAGE_NAMES: Record<CharterLanguage, string> = { fr: 'French', en: 'English' };

/** Charter versions: publication by a platform admin, acceptance by each person. */
export class CharterService {
  constructor(private readonly deps: Deps) {}

  /** The version in force (the highest), in one language. */
  async current(lang: CharterLanguage): Promise<Charter> {
    const row = await this.deps.db.read
      .selectFrom('charter_versions')
      .selectAll()
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    // Migration 009 stores version 1, and versions are never deleted.
    if (!row) throw new Error('charter_versions is empty: the database was not migrated');
    return toCharter(row, lang);
  }

  /** Every version, newest first, with how many accounts accepted each. */
  async versions(actor: Actor): Promise<CharterVersionInfo[]> {
    requireRole(actor, 'platform_admin');
    const rows = await this.deps.db.read
      .selectFrom('charter_versions')
      .leftJoin('charter_acceptances', 'charter_acceptances.version', 'charter_versions.version')
      .select((eb) => [
        'charter_versions.version',
        'charter_versions.published_at',
        eb.fn.count<number | string>('charter_acceptances.user_id').as('acceptances'),
      ])
      .groupBy(['charter_versions.version', 'charter_versions.published_at'])
      .orderBy('charter_versions.version', 'desc')
      .execute();
    return rows.map((r) => ({
      version: Number(r.version),
      publishedAt: r.published_at,
      // PostgreSQL counts in bigint, which pg hands over as a string.
      acceptances: Number(r.acceptances),
    }));
  }

  /**
   * A new version, in force at once: everyone is asked to accept it at their next sign-in and cannot
   * send until they do. Returns it in French.
   */
  async publish(actor: Actor, input: PublishInput): Promise<Charter> {
    requireRole(actor, 'platform_admin');
    checkTexts(input);
    const version = await this.deps.db.transaction(async (tx) => {
      const now = iso(this.deps.clock.now());
      const published = await insertNextVersion(tx, input, now, actor.console ? null : actor.userId);
      await this.deps.audit.append(tx, {
        actor: auditActor(actor),
        action: 'charter.published',
        target: String(published),
        details: { version: published, articles: charterArticles(input.fr.text).length },
      });
      return published;
    });
    const row = await this.deps.db.read
      .selectFrom('charter_versions')
      .selectAll()
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    return toCharter(row, 'fr');
  }

  /**
   * Records that the person accepted `version`, which must be the one in force: accepting what one
   * read an hour ago, when a newer text was published since, would record consent to a text not seen.
   * Accepting again is a no-op.
   */
  async accept(userId: string, version: number): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      const current = await currentCharterVersion(tx.db);
      if (version !== current) {
        fail(
          'CHARTER_VERSION_STALE',
          `Version ${current} of the usage charter is in force, not version ${version}: read it and accept it.`,
          { version: current },
        );
      }
      const inserted = await tx.db
        .insertInto('charter_acceptances')
        .values({ user_id: userId, version, accepted_at: iso(this.deps.clock.now()) })
        .onConflict((oc) => oc.columns(['user_id', 'version']).doNothing())
        .returning('version')
        .executeTakeFirst();
      if (inserted) {
        await this.deps.audit.append(tx, {
          actor: userId,
          action: 'charter.accepted',
          target: userId,
          details: { version },
        });
      }
    });
  }
}

/** Both texts keep articles 1 to 7 in order (refusals cite them by number), and the same articles. */
function checkTexts(input: PublishInput): void {
  for (const lang of ['fr', 'en'] as const) {
    const problem = charterTextProblem(input[lang].text);
    if (problem) {
      fail('CHARTER_INVALID', `${LANGUAGE_NAMES[lang]} text: ${problem}`, { lang, problem });
    }
  }
  const fr = charterArticles(input.fr.text).length;
  const en = charterArticles(input.en.text).length;
  if (fr !== en) {
    const problem = `The French text has ${fr} articles and the English text ${en}: a citation must point at the same article in both.`;
    fail('CHARTER_INVALID', problem, { lang: 'en', problem });
  }
}

/**
 * Inserts the texts under the highest version + 1. A concurrent publication may take that number
 * first: the insert then does nothing (on PostgreSQL it waits for the other transaction and, in READ
 * COMMITTED, the next read sees its row), and the next number is tried, rather than a key conflict
 * surfacing as a 500. SQLite transactions are serialised, so there the first attempt always wins.
 */
async function insertNextVersion(
  tx: Tx,
  input: PublishInput,
  now: string,
  publishedBy: string | null,
): Promise<number> {
  for (let attempt = 0; attempt < PUBLISH_ATTEMPTS; attempt++) {
    const version = (await currentCharterVersion(tx.db)) + 1;
    const inserted = await tx.db
      .insertInto('charter_versions')
      .values({
        version,
        fr_title: input.fr.title,
        fr_text: input.fr.text,
        en_title: input.en.title,
        en_text: input.en.text,
        published_at: now,
        published_by: publishedBy,
      })
      .onConflict((oc) => oc.column('version').doNothing())
      .returning('version')
      .executeTakeFirst();
    if (inserted) return version;
  }
  // Only reachable when several admins publish at the very same moment, over and over.
  fail('CHARTER_VERSION_STALE', 'Other charter versions were being published at the same time: try again.', {
    version: await currentCharterVersion(tx.db),
  });
}

function toCharter(row: CharterVersionTable, lang: CharterLanguage): Charter {
  return {
    version: Number(row.version),
    title: lang === 'fr' ? row.fr_title : row.en_title,
    text: lang === 'fr' ? row.fr_text : row.en_text,
    publishedAt: row.published_at === SEED_PUBLISHED_AT ? null : row.published_at,
  };
}
