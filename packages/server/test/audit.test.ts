import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditIntegrityError, AuditLog, canonicalJson, GENESIS_HASH } from '../src/audit/index.ts';
import { eventHash } from '../src/audit/chain.ts';
import { AuditSigner } from '../src/audit/signing.ts';
import { verifyChain } from '../src/audit/verify.ts';
import { ManualClock } from '../src/clock.ts';
import type { Database } from '../src/db/index.ts';
import { freshDatabase, testBackends } from './support/databases.ts';

const SECRET = 'test-instance-secret-0123456789-abcdefghijklmnop';

describe('canonicalJson', () => {
  it('sorts keys at every depth, integer-like keys included, and drops undefined like JSON', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ 9: 'nine', 10: 'ten' })).toBe('{"10":"ten","9":"nine"}');
    expect(canonicalJson({ at: new Date('2026-01-05T08:00:00.000Z') })).toBe(
      '{"at":"2026-01-05T08:00:00.000Z"}',
    );
  });

  it('refuses a circular structure', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });
});

for (const backend of testBackends()) {
  describe(`audit log on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let clock: ManualClock;
    let audit: AuditLog;

    // A fresh database per test: most tests here break the chain on purpose.
    beforeEach(async () => {
      const fresh = await freshDatabase(backend);
      db = fresh.db;
      dispose = () => fresh.dispose();
      clock = new ManualClock();
      audit = new AuditLog(db, SECRET, clock);
    });
    afterEach(async () => dispose());

    /** Appends `count` events, each in its own transaction, one second apart. */
    async function appendMany(count: number): Promise<void> {
      for (let n = 1; n <= count; n++) {
        clock.advance(1000);
        await db.transaction((tx) =>
          audit.append(tx, { actor: 'user-1', action: 'test.event', target: `t-${n}`, details: { n } }),
        );
      }
    }

    const kinds = async () => (await audit.verify()).problems.map((p) => [p.kind, p.seq]);

    it('chains events across transactions and verifies them', async () => {
      expect(await audit.verify()).toEqual({ ok: true, events: 0, problems: [] });
      await appendMany(5);
      const rows = await db.read.selectFrom('audit_events').selectAll().orderBy('seq').execute();
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
      expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
      expect(rows[2]?.details).toBe('{"n":3}');
      expect(await audit.verify()).toEqual({ ok: true, events: 5, problems: [] });

      expect(await audit.checkpoint()).toEqual({ seq: 5, hash: rows[4]?.hash });
      await appendMany(2);
      expect(await audit.verify()).toEqual({ ok: true, events: 7, problems: [] });

      const page = await audit.list({ afterSeq: 5, limit: 10 });
      expect(page.map((e) => [e.seq, e.action, e.target, e.details])).toEqual([
        [6, 'test.event', 't-1', { n: 1 }],
        [7, 'test.event', 't-2', { n: 2 }],
      ]);
      expect(await audit.list({ limit: 2 })).toHaveLength(2);
    });

    it('checkpoints nothing on an empty log, and the same head once', async () => {
      expect(await audit.checkpoint()).toBeNull();
      await appendMany(2);
      await audit.checkpoint();
      await audit.checkpoint();
      const checkpoints = await db.read.selectFrom('audit_checkpoints').selectAll().execute();
      expect(checkpoints.map((c) => c.seq)).toEqual([2]);
    });

    it('leaves no audit row when the transaction rolls back', async () => {
      await appendMany(1);
      await expect(
        db.transaction(async (tx) => {
          await audit.append(tx, { actor: 'user-1', action: 'test.refused' });
          throw new Error('the action failed');
        }),
      ).rejects.toThrow('the action failed');
      const actions = await db.read.selectFrom('audit_events').select('action').execute();
      expect(actions).toEqual([{ action: 'test.event' }]);
      expect(await audit.verify()).toMatchObject({ ok: true, events: 1 });
    });

    it('refuses secret-looking keys in details, and writes nothing', async () => {
      await expect(
        db.transaction((tx) =>
          audit.append(tx, { actor: 'u', action: 'x', details: { nested: { password: 'p' } } }),
        ),
      ).rejects.toThrow(/details\.nested\.password/);
      expect(await audit.list({ limit: 10 })).toEqual([]);
    });

    it('finds an event whose details were changed', async () => {
      await appendMany(5);
      await db.raw.updateTable('audit_events').set({ details: '{"n":33}' }).where('seq', '=', 3).execute();
      expect(await kinds()).toEqual([['modified', 3]]);
    });

    it('finds an event rewritten with a recomputed hash, through the next link', async () => {
      await appendMany(5);
      const row = await db.read
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '=', 3)
        .executeTakeFirstOrThrow();
      const forged = { ...row, actor: 'someone-else' };
      const hash = eventHash({ ...forged, details: JSON.parse(forged.details) as unknown });
      await db.raw
        .updateTable('audit_events')
        .set({ actor: forged.actor, hash })
        .where('seq', '=', 3)
        .execute();
      expect(await kinds()).toEqual([['modified', 3]]);
    });

    it('finds a deleted event', async () => {
      await appendMany(5);
      await db.raw.deleteFrom('audit_events').where('seq', '=', 3).execute();
      const result = await audit.verify();
      expect(result.ok).toBe(false);
      expect(result.events).toBe(4);
      expect(result.problems.map((p) => [p.kind, p.seq])).toEqual([['deleted', 3]]);
    });

    it('finds a truncated tail', async () => {
      await appendMany(5);
      await db.raw.deleteFrom('audit_events').where('seq', '>=', 4).execute();
      expect(await kinds()).toEqual([['truncated', 4]]);
    });

    it('finds a truncated tail behind a rolled-back genuine head, through a checkpoint', async () => {
      await appendMany(3);
      const oldHead = await db.read.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
      await appendMany(2);
      await audit.checkpoint();
      await db.raw.deleteFrom('audit_events').where('seq', '>=', 4).execute();
      await db.raw.updateTable('audit_head').set(oldHead).where('id', '=', 1).execute();
      expect(await kinds()).toEqual([['truncated', 5]]);
    });

    it('finds a head forged without the secret, and refuses to extend it', async () => {
      await appendMany(5);
      await db.raw.deleteFrom('audit_events').where('seq', '=', 5).execute();
      const last = await db.read
        .selectFrom('audit_events')
        .select('hash')
        .where('seq', '=', 4)
        .executeTakeFirstOrThrow();
      const forgedMac = new AuditSigner('a-guess-at-the-instance-secret-0123456789').headMac(4, last.hash);
      await db.raw.updateTable('audit_head').set({ seq: 4, hash: last.hash, mac: forgedMac }).execute();
      expect(await kinds()).toEqual([['bad-head-signature', 4]]);
      await expect(db.transaction((tx) => audit.append(tx, { actor: null, action: 'x' }))).rejects.toThrow(
        AuditIntegrityError,
      );
      await expect(audit.checkpoint()).rejects.toThrow(AuditIntegrityError);
    });

    it('finds a missing head, and will not start a new chain over the old one', async () => {
      await appendMany(2);
      await db.raw.deleteFrom('audit_head').execute();
      expect(await kinds()).toEqual([['bad-head-signature', null]]);
      await expect(db.transaction((tx) => audit.append(tx, { actor: null, action: 'x' }))).rejects.toThrow(
        AuditIntegrityError,
      );
    });

    it('finds forged and contradicted checkpoints', async () => {
      await appendMany(4);
      await db.raw
        .insertInto('audit_checkpoints')
        .values({ seq: 2, hash: 'f'.repeat(64), at: 'x', mac: 'e'.repeat(64) })
        .execute();
      // Signed with the real secret but over a hash the chain does not have: the chain was rewritten.
      const signer = new AuditSigner(SECRET);
      await db.raw
        .insertInto('audit_checkpoints')
        .values({ seq: 3, hash: 'a'.repeat(64), at: 'y', mac: signer.checkpointMac(3, 'a'.repeat(64), 'y') })
        .execute();
      expect(await kinds()).toEqual([
        ['bad-checkpoint-signature', 2],
        ['checkpoint-mismatch', 3],
      ]);
    });

    it('finds an event slipped in beyond the signed head', async () => {
      await appendMany(2);
      const row = await db.read
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '=', 2)
        .executeTakeFirstOrThrow();
      await db.raw
        .insertInto('audit_events')
        .values({ ...row, seq: 3, prev_hash: row.hash })
        .execute();
      expect(await kinds()).toEqual([['modified', 3]]);
    });

    it('verifies across page boundaries', async () => {
      await appendMany(7);
      const signer = new AuditSigner(SECRET);
      expect(await verifyChain(db.read, signer, 2)).toEqual({ ok: true, events: 7, problems: [] });
      await db.raw.deleteFrom('audit_events').where('seq', 'in', [3, 4]).execute();
      const result = await verifyChain(db.read, signer, 2);
      expect(result.problems.map((p) => [p.kind, p.seq, p.message])).toEqual([
        ['deleted', 3, 'events 3 to 4 are missing'],
      ]);
    });

    it('serialises concurrent appends into one contiguous chain', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          db.transaction((tx) => audit.append(tx, { actor: `user-${i}`, action: 'test.concurrent' })),
        ),
      );
      const seqs = await db.read.selectFrom('audit_events').select('seq').orderBy('seq').execute();
      expect(seqs.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await audit.verify()).toEqual({ ok: true, events: 20, problems: [] });
    });

    it('is checked with the instance secret: another secret sees a foreign head', async () => {
      await appendMany(1);
      const other = new AuditLog(db, 'another-instance-secret-0123456789-abcdefghij', clock);
      expect((await other.verify()).problems.map((p) => p.kind)).toEqual(['bad-head-signature']);
    });
  });
}
