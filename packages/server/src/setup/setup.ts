import type { SetupRequest } from '@liaison/core/api/auth';
import type { z } from 'zod';
import { addMs, iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { consumeToken } from '../accounts/activation.ts';
import { insertUser, platformAdminExists, refuseTakenEmail } from '../accounts/userStore.ts';
import { hashPassword } from '../auth/passwords.ts';
import { newToken, tokenHash } from '../auth/tokens.ts';
import { currentCharterVersion } from '../charter/current.ts';

const SETUP_TTL_MS = 24 * 3600_000;

/** First start: no platform admin yet, so a one-time link lets the operator create one. */
export class SetupService {
  constructor(private readonly deps: Deps) {}

  needsSetup(): Promise<boolean> {
    return platformAdminExists(this.deps.db.read).then((exists) => !exists);
  }

  /** A fresh setup link; earlier unused ones stop working. Returns null once an admin exists. */
  async issueSetupLink(): Promise<string | null> {
    if (!(await this.needsSetup())) return null;
    const token = newToken();
    const now = this.deps.clock.now();
    await this.deps.db.transaction(async (tx) => {
      await tx.db.deleteFrom('one_time_tokens').where('purpose', '=', 'setup').execute();
      await tx.db
        .insertInto('one_time_tokens')
        .values({
          id: tokenHash(token),
          purpose: 'setup',
          user_id: null,
          sealed_token: null,
          created_at: iso(now),
          expires_at: iso(addMs(now, SETUP_TTL_MS)),
          used_at: null,
        })
        .execute();
      await this.deps.audit.append(tx, { actor: 'console', action: 'setup.link_issued', target: null });
    });
    // The token travels in the fragment: browsers never send it to the server or to its logs.
    return `${this.deps.config.publicUrl}/setup#token=${token}`;
  }

  async completeSetup(input: z.output<typeof SetupRequest>): Promise<string> {
    const hash = await hashPassword(input.password);
    return this.deps.db.transaction(async (tx) => {
      const now = iso(this.deps.clock.now());
      if (!(await this.needsSetup())) fail('SETUP_DONE');
      if ((await consumeToken(tx, input.token, 'setup', now)) === null) fail('TOKEN_INVALID');
      await refuseTakenEmail(tx, input.email);
      const userId = await insertUser(
        tx,
        {
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          status: 'active',
          passwordHash: hash,
          role: 'platform_admin',
        },
        now,
      );
      // The setup form does not show the charter: the operator installing Liaison accepts the version in
      // force by completing it.
      await tx.db
        .insertInto('charter_acceptances')
        .values({ user_id: userId, version: await currentCharterVersion(tx.db), accepted_at: now })
        .execute();
      await this.deps.audit.append(tx, { actor: userId, action: 'setup.completed', target: userId });
      return userId;
    });
  }
}
