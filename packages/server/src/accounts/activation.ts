import { addMs, iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import type { Tx } from '../db/index.ts';
import { hashPassword } from '../auth/passwords.ts';
import { SecretBox } from '../auth/secretBox.ts';
import { newToken, tokenHash } from '../auth/tokens.ts';
import { requireVersionInForce } from '../charter/current.ts';

const ACTIVATION_TTL_MS = 14 * 24 * 3600_000;

/**
 * Staff registered by their establishment admin have no password: once approved they get a one-time
 * link to choose one. The link is kept sealed so the admin can hand it over again until it is used.
 */
export class ActivationService {
  private readonly box: SecretBox;

  constructor(private readonly deps: Deps) {
    this.box = new SecretBox(deps.secret, 'activation');
  }

  async issue(tx: Tx, userId: string): Promise<string> {
    const token = newToken();
    const now = this.deps.clock.now();
    await tx.db
      .deleteFrom('one_time_tokens')
      .where('user_id', '=', userId)
      .where('purpose', '=', 'activation')
      .execute();
    await tx.db
      .insertInto('one_time_tokens')
      .values({
        id: tokenHash(token),
        purpose: 'activation',
        user_id: userId,
        sealed_token: this.box.seal(token),
        created_at: iso(now),
        expires_at: iso(addMs(now, ACTIVATION_TTL_MS)),
        used_at: null,
      })
      .execute();
    return token;
  }

  /** The pending activation link of each given user (unused, unexpired), for the accounts list. */
  async pendingLinks(userIds: string[]): Promise<Map<string, string>> {
    const links = new Map<string, string>();
    if (userIds.length === 0) return links;
    const rows = await this.deps.db.read
      .selectFrom('one_time_tokens')
      .select(['user_id', 'sealed_token'])
      .where('purpose', '=', 'activation')
      .where('used_at', 'is', null)
      .where('expires_at', '>', iso(this.deps.clock.now()))
      .where('user_id', 'in', userIds)
      .execute();
    for (const row of rows) {
      if (row.user_id && row.sealed_token) {
        links.set(
          row.user_id,
          `${this.deps.config.publicUrl}/activate#token=${this.box.open(row.sealed_token)}`,
        );
      }
    }
    return links;
  }

  /** Sets the password and returns the user id; the caller opens a partial session for TOTP enrolment. */
  async activate(token: string, password: string, charterVersion: number): Promise<string> {
    await requireVersionInForce(this.deps.db.read, charterVersion);
    const hash = await hashPassword(password);
    return this.deps.db.transaction(async (tx) => {
      const userId = await consumeToken(tx, token, 'activation', iso(this.deps.clock.now()));
      if (!userId) fail('TOKEN_INVALID');
      await tx.db
        .updateTable('users')
        .set({ password_hash: hash, updated_at: iso(this.deps.clock.now()) })
        .where('id', '=', userId)
        .where('status', '=', 'active')
        .execute();
      await tx.db
        .insertInto('charter_acceptances')
        .values({ user_id: userId, version: charterVersion, accepted_at: iso(this.deps.clock.now()) })
        .onConflict((oc) => oc.columns(['user_id', 'version']).doNothing())
        .execute();
      await this.deps.audit.append(tx, { actor: userId, action: 'account.activated', target: userId });
      return userId;
    });
  }
}

/** Marks a one-time token used, atomically; returns its user (or '' for user-less tokens), or null. */
export async function consumeToken(
  tx: Tx,
  token: string,
  purpose: 'setup' | 'activation',
  now: string,
): Promise<string | null> {
  const row = await tx.db
    .selectFrom('one_time_tokens')
    .select(['user_id'])
    .where('id', '=', tokenHash(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return null;
  const result = await tx.db
    .updateTable('one_time_tokens')
    .set({ used_at: now, sealed_token: null })
    .where('id', '=', tokenHash(token))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  return row.user_id ?? '';
}
