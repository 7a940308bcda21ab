import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Tx } from '../src/db/index.ts';
import { InProcessBus, publishAfterCommit } from '../src/events/index.ts';
import { freshDatabase, testBackends } from './support/databases.ts';

describe('InProcessBus', () => {
  it('delivers to exact and wildcard subscribers, after publish has returned', async () => {
    const bus = new InProcessBus();
    const seen: string[] = [];
    bus.subscribe('mail.delivered', (p) => void seen.push(`exact ${String(p)}`));
    bus.subscribe('mail.*', (p) => void seen.push(`mail.* ${String(p)}`));
    bus.subscribe('*', (p) => void seen.push(`* ${String(p)}`));
    bus.subscribe('chat.*', (p) => void seen.push(`chat.* ${String(p)}`));

    bus.publish('mail.delivered', 1);
    expect(seen).toEqual([]); // never inside publish
    await bus.settled();
    expect(seen.sort()).toEqual(['* 1', 'exact 1', 'mail.* 1']);

    seen.length = 0;
    bus.publish('mail.box.read', 2);
    bus.publish('mail', 3); // `mail.*` wants something under mail., not mail itself
    await bus.settled();
    expect(seen.sort()).toEqual(['* 2', '* 3', 'mail.* 2']);
  });

  it('stops delivering once unsubscribed, even an event already published', async () => {
    const bus = new InProcessBus();
    const seen: unknown[] = [];
    const unsubscribe = bus.subscribe('chat.*', (p) => void seen.push(p));
    bus.publish('chat.message', 'before');
    await bus.settled();
    bus.publish('chat.message', 'in flight');
    unsubscribe();
    unsubscribe(); // idempotent
    bus.publish('chat.message', 'after');
    await bus.settled();
    expect(seen).toEqual(['before']);
  });

  it('keeps delivering to the other handlers when one throws or rejects', async () => {
    const errors: Array<[string, string]> = [];
    const bus = new InProcessBus({ onError: (err, topic) => errors.push([topic, (err as Error).message]) });
    const seen: unknown[] = [];
    bus.subscribe('mail.new', () => {
      throw new Error('sync failure');
    });
    bus.subscribe('mail.new', () => Promise.reject(new Error('async failure')));
    bus.subscribe('mail.new', (p) => void seen.push(p));
    bus.publish('mail.new', 'hello');
    await bus.settled();
    expect(seen).toEqual(['hello']);
    expect(errors.sort()).toEqual([
      ['mail.new', 'async failure'],
      ['mail.new', 'sync failure'],
    ]);
  });

  it('waits for events published by handlers before it calls itself settled', async () => {
    const bus = new InProcessBus();
    const seen: string[] = [];
    bus.subscribe('a', () => bus.publish('b', null));
    bus.subscribe('b', () => void seen.push('b'));
    bus.publish('a', null);
    await bus.settled();
    expect(seen).toEqual(['b']);
  });

  it('refuses topics and patterns that NATS could not carry', () => {
    const bus = new InProcessBus();
    for (const topic of ['', 'mail.', '.mail', 'mail.*', 'a b', 'mail..new']) {
      expect(() => bus.publish(topic, null)).toThrow(/invalid event topic/);
    }
    for (const pattern of ['mail.*.new', '*.new', 'mail*', 'mail.>']) {
      expect(() => bus.subscribe(pattern, () => undefined)).toThrow(/invalid event topic/);
    }
  });

  it('close() waits for deliveries under way, then refuses new events', async () => {
    const bus = new InProcessBus();
    let delivered = false;
    bus.subscribe('x', async () => {
      await Promise.resolve();
      delivered = true;
    });
    bus.publish('x', null);
    await bus.close();
    expect(delivered).toBe(true);
    expect(() => bus.publish('x', null)).toThrow(/closed/);
  });
});

for (const backend of testBackends()) {
  describe(`publishAfterCommit on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      const fresh = await freshDatabase(backend);
      db = fresh.db;
      dispose = () => fresh.dispose();
    });
    afterEach(async () => dispose());

    const insertOrg = (id: string) => (tx: Tx) =>
      tx.db
        .insertInto('organisations')
        .values({ id, kind: 'hospital', name: id, created_at: 'x', updated_at: 'x' })
        .execute();

    it('publishes after the commit and never after a rollback', async () => {
      const bus = new InProcessBus();
      const seen: Array<{ id: string; visible: boolean }> = [];
      bus.subscribe('organisations.*', async (payload) => {
        const { id } = payload as { id: string };
        // The subscriber reads what it was told about: it must already be committed.
        const row = await db.read
          .selectFrom('organisations')
          .select('id')
          .where('id', '=', id)
          .executeTakeFirst();
        seen.push({ id, visible: row !== undefined });
      });

      await expect(
        db.transaction(async (tx) => {
          await insertOrg('org-rolled-back')(tx);
          publishAfterCommit(tx, bus, 'organisations.created', { id: 'org-rolled-back' });
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');

      await db.transaction(async (tx) => {
        await insertOrg('org-committed')(tx);
        publishAfterCommit(tx, bus, 'organisations.created', { id: 'org-committed' });
        await bus.settled();
        expect(seen).toEqual([]); // nothing before the commit
      });
      await bus.settled();
      expect(seen).toEqual([{ id: 'org-committed', visible: true }]);
    });

    it('fails the transaction, not the commit hook, on a malformed topic', async () => {
      const bus = new InProcessBus();
      await expect(
        db.transaction(async (tx) => {
          await insertOrg('org-bad-topic')(tx);
          publishAfterCommit(tx, bus, 'organisations.*', { id: 'org-bad-topic' });
        }),
      ).rejects.toThrow(/invalid event topic/);
      const rows = await db.read.selectFrom('organisations').select('id').execute();
      expect(rows).toEqual([]);
    });
  });
}
