import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMs, iso, ManualClock } from '../src/clock.ts';
import { connectDatabase, migrateToLatest, type Database } from '../src/db/index.ts';
import { Scheduler } from '../src/jobs/index.ts';
import { claimJob, finishJob, renewLease } from '../src/jobs/lease.ts';
import { nextSlot } from '../src/jobs/schedule.ts';
import { testBackends } from './support/databases.ts';

const MINUTE = 60_000;

describe('nextSlot', () => {
  it('keeps to the job grid and skips slots missed while nobody ran it', () => {
    const at = new Date('2026-01-05T03:00:00.000Z');
    expect(iso(nextSlot(at, 24 * 60 * MINUTE, addMs(at, 20 * MINUTE)))).toBe('2026-01-06T03:00:00.000Z');
    expect(iso(nextSlot(at, 24 * 60 * MINUTE, new Date('2026-01-08T12:00:00.000Z')))).toBe(
      '2026-01-09T03:00:00.000Z',
    );
    expect(iso(nextSlot(at, MINUTE, addMs(at, MINUTE)))).toBe('2026-01-05T03:02:00.000Z');
  });
});

for (const backend of testBackends()) {
  describe(`scheduler on ${backend.name}`, () => {
    // Two nodes. On PostgreSQL: two pools on one database. On SQLite: one shared handle, because a
    // second better-sqlite3 connection in the same process waits for the write lock synchronously,
    // blocking the event loop that would let the first connection commit (and SQLite is one node).
    let nodeA: Database;
    let nodeB: Database;
    let disposeDatabase: () => Promise<void>;
    let clock: ManualClock;
    const schedulers: Scheduler[] = [];

    beforeEach(async () => {
      const created = await backend.create();
      nodeA = connectDatabase(created.config);
      await migrateToLatest(nodeA);
      nodeB = backend.name === 'postgres' ? connectDatabase(created.config) : nodeA;
      disposeDatabase = () => created.dispose();
      clock = new ManualClock();
    });
    afterEach(async () => {
      await Promise.all(schedulers.splice(0).map((s) => s.stop()));
      await nodeA.close();
      if (nodeB !== nodeA) await nodeB.close();
      await disposeDatabase();
    });

    function scheduler(db: Database, nodeId: string, errors: unknown[] = [], leaseMs?: number): Scheduler {
      const s = new Scheduler(db, clock, nodeId, { leaseMs, onError: (err) => errors.push(err) });
      schedulers.push(s);
      return s;
    }

    const jobRow = (name: string) =>
      nodeA.read.selectFrom('jobs').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

    it('runs nothing before the job is due, then once per interval', async () => {
      const start = clock.now();
      const seen: string[] = [];
      const s = scheduler(nodeA, 'node-a');
      s.register('tick', MINUTE, ({ now }) => {
        seen.push(iso(now));
        return Promise.resolve();
      });
      expect(await s.runDue()).toEqual([]);
      clock.advance(MINUTE - 1);
      expect(await s.runDue()).toEqual([]);
      clock.advance(1);
      expect(await s.runDue()).toEqual(['tick']);
      expect(await s.runDue()).toEqual([]);
      expect(seen).toEqual([iso(addMs(start, MINUTE))]);
      expect(await jobRow('tick')).toMatchObject({
        runs: 1,
        last_error: null,
        lease_owner: null,
        lease_until: null,
        next_run_at: iso(addMs(start, 2 * MINUTE)),
      });
      clock.advance(MINUTE);
      expect(await s.runDue()).toEqual(['tick']);
      expect(seen).toHaveLength(2);
    });

    it('keeps the stored schedule when a restarted node registers the job again', async () => {
      const first = scheduler(nodeA, 'node-a');
      first.register('daily', 24 * 60 * MINUTE, () => Promise.resolve(), {
        firstRunAt: addMs(clock.now(), MINUTE),
      });
      expect(await first.runDue()).toEqual([]);
      clock.advance(30 * MINUTE);
      const restarted = scheduler(nodeA, 'node-a');
      restarted.register('daily', 12 * 60 * MINUTE, () => Promise.resolve(), { firstRunAt: clock.now() });
      expect(await restarted.runDue()).toEqual(['daily']);
      const row = await jobRow('daily');
      expect(row.interval_ms).toBe(12 * 60 * MINUTE);
      expect(row.next_run_at).toBe(iso(addMs(new Date('2026-01-05T08:01:00.000Z'), 12 * 60 * MINUTE)));
    });

    it('runs a due job exactly once when two nodes poll together', async () => {
      let runs = 0;
      const handler = () => {
        runs += 1;
        return Promise.resolve();
      };
      const a = scheduler(nodeA, 'node-a');
      const b = scheduler(nodeB, 'node-b');
      a.register('shared', MINUTE, handler, { firstRunAt: clock.now() });
      b.register('shared', MINUTE, handler, { firstRunAt: clock.now() });
      for (let round = 1; round <= 5; round++) {
        const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
        expect([...ranA, ...ranB]).toEqual(['shared']);
        expect(runs).toBe(round);
        clock.advance(MINUTE);
      }
      expect((await jobRow('shared')).runs).toBe(5);
    });

    it('lets exactly one of many simultaneous claims win', async () => {
      const s = scheduler(nodeA, 'node-a');
      s.register('contended', MINUTE, () => Promise.resolve(), { firstRunAt: clock.now() });
      expect(await s.runDue()).toEqual(['contended']);
      clock.advance(MINUTE);
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          claimJob(i % 2 === 0 ? nodeA : nodeB, 'contended', `node-${i}`, clock.now(), MINUTE),
        ),
      );
      expect(claims.filter((c) => c !== null)).toHaveLength(1);
    });

    it('records a failed run and runs it again at the next interval', async () => {
      const errors: unknown[] = [];
      let attempt = 0;
      const s = scheduler(nodeA, 'node-a', errors);
      s.register('flaky', MINUTE, () => {
        attempt += 1;
        return attempt === 1 ? Promise.reject(new Error('directory unreachable')) : Promise.resolve();
      });
      clock.advance(MINUTE);
      expect(await s.runDue()).toEqual(['flaky']);
      expect(await jobRow('flaky')).toMatchObject({
        runs: 1,
        last_error: 'directory unreachable',
        lease_owner: null,
      });
      expect(errors).toHaveLength(1);
      expect(await s.runDue()).toEqual([]);
      clock.advance(MINUTE);
      expect(await s.runDue()).toEqual(['flaky']);
      expect(await jobRow('flaky')).toMatchObject({ runs: 2, last_error: null });
    });

    it('takes over a job whose runner crashed, once its lease has expired', async () => {
      const lease = 5 * MINUTE;
      let ranOnB = 0;
      const b = scheduler(nodeB, 'node-b', [], lease);
      b.register(
        'retention',
        MINUTE,
        () => {
          ranOnB += 1;
          return Promise.resolve();
        },
        { firstRunAt: clock.now() },
      );
      expect(await b.runDue()).toEqual(['retention']); // row stored, first run done
      clock.advance(MINUTE);
      // node-a claims it and dies before finishing: the lease stays in the table.
      expect(await claimJob(nodeA, 'retention', 'node-a', clock.now(), lease)).not.toBeNull();
      expect(await b.runDue()).toEqual([]);
      clock.advance(lease - 1);
      expect(await b.runDue()).toEqual([]);
      clock.advance(2);
      expect(await b.runDue()).toEqual(['retention']);
      expect(ranOnB).toBe(2);
      expect(await jobRow('retention')).toMatchObject({ runs: 2, lease_owner: null });
      // Were node-a only slow, not dead, it could no longer renew nor record over node-b's run.
      expect(await renewLease(nodeA, 'retention', 'node-a', clock.now())).toBe(false);
      const outcome = { finishedAt: clock.now(), error: null, nextRunAt: clock.now() };
      expect(await finishJob(nodeA, 'retention', 'node-a', outcome)).toBe(false);
    });

    it('renews a lease only for its holder', async () => {
      const s = scheduler(nodeA, 'node-a');
      s.register('long', MINUTE, () => Promise.resolve(), { firstRunAt: clock.now() });
      await s.runDue();
      clock.advance(MINUTE);
      await claimJob(nodeA, 'long', 'node-a', clock.now(), MINUTE);
      const later = addMs(clock.now(), 10 * MINUTE);
      expect(await renewLease(nodeB, 'long', 'node-b', later)).toBe(false);
      expect(await renewLease(nodeB, 'long', 'node-a', later)).toBe(true);
      expect((await jobRow('long')).lease_until).toBe(iso(later));
    });

    it('start() polls at once; stop() aborts the run under way and waits for it', async () => {
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      let sawAbort = false;
      const s = scheduler(nodeA, 'node-a');
      s.register(
        'slow',
        MINUTE,
        async ({ signal }) => {
          started();
          await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
          sawAbort = true;
        },
        { firstRunAt: clock.now() },
      );
      s.start(60 * MINUTE);
      await running;
      await s.stop();
      expect(sawAbort).toBe(true);
      expect(await jobRow('slow')).toMatchObject({ runs: 1, lease_owner: null });
      expect(await s.runDue()).toEqual([]);
    });

    it('refuses bad intervals and a second registration of one name', () => {
      const s = scheduler(nodeA, 'node-a');
      expect(() => s.register('zero', 0, () => Promise.resolve())).toThrow(/interval/);
      expect(() => s.register('huge', 2 ** 31, () => Promise.resolve())).toThrow(/interval/);
      s.register('once', MINUTE, () => Promise.resolve());
      expect(() => s.register('once', MINUTE, () => Promise.resolve())).toThrow(/already registered/);
    });
  });
}
