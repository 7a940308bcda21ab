import type { Reader } from '../db/index.ts';
import { fail } from '../errors.ts';

/** The version in force: the highest published one (version 1 ships with every instance). */
export async function currentCharterVersion(db: Reader): Promise<number> {
  const row = await db
    .selectFrom('charter_versions')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  return Number(row?.version ?? 1);
}

/**
 * Sending waits until the person accepted the version in force: the web app asks at the next sign-in,
 * the CLI points to `liaison charter accept`.
 */
export async function requireCurrentCharter(db: Reader, userId: string): Promise<void> {
  // One query on the sending path: an acceptance of the highest published version.
  const accepted = await db
    .selectFrom('charter_acceptances')
    .select('version')
    .where('user_id', '=', userId)
    .where('version', '=', (eb) => eb.selectFrom('charter_versions').select(eb.fn.max('version').as('v')))
    .executeTakeFirst();
  if (!accepted) {
    const version = await currentCharterVersion(db);
    fail(
      'CHARTER_NOT_ACCEPTED',
      `Version ${version} of the usage charter is in force: read and accept it before sending (sign in to the web app, or run \`liaison charter accept\`).`,
      { version },
    );
  }
}

/**
 * Registration, activation and first setup carry the version the person read on the form: it must be
 * the one in force. One published a moment later is simply asked for at their next sign-in.
 */
export async function requireVersionInForce(db: Reader, charterVersion: number): Promise<number> {
  const version = await currentCharterVersion(db);
  if (charterVersion !== version) {
    fail('CHARTER_NOT_ACCEPTED', `Accept the current usage charter (version ${version}).`, { version });
  }
  return version;
}
