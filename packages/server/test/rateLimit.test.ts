import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/auth/rateLimit.ts';
import { AppError } from '../src/errors.ts';
import { startInstance, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';

/**
 * The database-backed fixed window every node shares (sign-ins, LDAP binds, chat sends): concurrent
 * hits are each counted once, the limit holds exactly, and a new window starts again from one.
 */
for (const backend of testBackends()) {
  describe(`rate limiter on ${backend.name}`, () => {
    let t: TestInstance;
    let limiter: RateLimiter;

    beforeAll(async () => {
      t = await startInstance(backend);
      limiter = new RateLimiter({ db: t.ctx.db, clock: t.clock });
    });
    afterAll(() => t.close());

    const outcome = (p: Promise<void>) =>
      p.then(
        () => 'ok' as const,
        (err: unknown) => (err instanceof AppError ? err.code : 'other'),
      );

    it('lets exactly `limit` concurrent hits through, then refuses, per key and per window', async () => {
      t.clock.advance(60_000);
      const burst = await Promise.all(
        Array.from({ length: 30 }, () => outcome(limiter.hit('burst', 20, 10_000))),
      );
      expect(burst.filter((o) => o === 'ok')).toHaveLength(20);
      expect(burst.filter((o) => o === 'RATE_LIMITED')).toHaveLength(10);
      // Another key has its own budget.
      expect(await outcome(limiter.hit('other', 20, 10_000))).toBe('ok');
      // The next window starts again from one.
      t.clock.advance(10_000);
      expect(await outcome(limiter.hit('burst', 20, 10_000))).toBe('ok');
      const row = await t.ctx.db.read
        .selectFrom('rate_limits')
        .selectAll()
        .where('key', '=', 'burst')
        .executeTakeFirst();
      expect(row?.count).toBe(1);
    });
  });
}
