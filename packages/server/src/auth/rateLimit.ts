import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';

/**
 * Fixed-window counters kept in the database, so every node of a cluster counts the same attempts
 * (an in-memory limiter would give an attacker N times the budget behind a load balancer).
 */
export class RateLimiter {
  constructor(private readonly deps: Pick<Deps, 'db' | 'clock'>) {}

  /**
   * Counts one hit on `key`; refuses with RATE_LIMITED past `limit` hits in `windowMs`. One atomic
   * upsert (a new window restarts at 1, the current one adds 1), one statement in its transaction:
   * this runs before every chat message and every sign-in, so it must cost little, and concurrent hits
   * on two nodes each see their own count.
   */
  async hit(key: string, limit: number, windowMs: number): Promise<void> {
    const now = this.deps.clock.now();
    const windowStart = iso(new Date(Math.floor(now.getTime() / windowMs) * windowMs));
    const row = await this.deps.db.transaction((tx) =>
      tx.db
        .insertInto('rate_limits')
        .values({ key, window_start: windowStart, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            // Both sides of SET read the row as it was, on PostgreSQL and SQLite alike.
            count: eb
              .case()
              .when('rate_limits.window_start', '=', eb.ref('excluded.window_start'))
              .then(eb('rate_limits.count', '+', 1))
              .else(1)
              .end(),
            window_start: eb.ref('excluded.window_start'),
          })),
        )
        .returning('count')
        .executeTakeFirstOrThrow(),
    );
    if (row.count > limit) fail('RATE_LIMITED');
  }
}
