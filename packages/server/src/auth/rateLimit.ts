import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';

/**
 * Fixed-window counters kept in the database, so every node of a cluster counts the same attempts
 * (an in-memory limiter would give an attacker N times the budget behind a load balancer).
 */
export class RateLimiter {
  constructor(private readonly deps: Pick<Deps, 'db' | 'clock'>) {}

  /** Counts one hit on `key`; refuses with RATE_LIMITED past `limit` hits in `windowMs`. */
  async hit(key: string, limit: number, windowMs: number): Promise<void> {
    const now = this.deps.clock.now();
    const windowStart = iso(new Date(Math.floor(now.getTime() / windowMs) * windowMs));
    const count = await this.deps.db.transaction(async (tx) => {
      const row = await tx.db.selectFrom('rate_limits').selectAll().where('key', '=', key).executeTakeFirst();
      if (!row || row.window_start !== windowStart) {
        await tx.db
          .insertInto('rate_limits')
          .values({ key, window_start: windowStart, count: 1 })
          .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: windowStart, count: 1 }))
          .execute();
        return 1;
      }
      await tx.db
        .updateTable('rate_limits')
        .set((eb) => ({ count: eb('count', '+', 1) }))
        .where('key', '=', key)
        .execute();
      return row.count + 1;
    });
    if (count > limit) fail('RATE_LIMITED');
  }
}
