import { OPEN_ASSIGNED_STATUSES } from '@liaison/core/teleexpertise/task';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from './support/databases.ts';
import type { MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';
import {
  ALWAYS,
  FORM,
  makeService,
  professionals,
  sealFor,
  setAvailability,
} from './support/teleexpertise.ts';

/**
 * Many requests arriving at once, in two services sharing an expert: each is assigned at most once
 * and nobody gets more than their capacity, whatever the interleaving (PostgreSQL runs them on
 * separate connections; SQLite serialises them).
 */
for (const backend of testBackends()) {
  describe(`tele-expertise assignment under concurrency on ${backend.name}`, () => {
    let t: PkiInstance;
    let anne: MailUser;
    let bruno: MailUser;
    let requester: MailUser;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      [anne, bruno, requester] = await professionals(t, ['Anne', 'Bruno', 'Rémi']);
      await setAvailability(anne, { capacity: 1, slots: ALWAYS, absences: [] });
      await setAvailability(bruno, { capacity: 2, slots: ALWAYS, absences: [] });
    });
    afterAll(async () => {
      await t.close();
    });

    it('never assigns twice nor beyond capacity when requests and ticks race', async () => {
      const first = await makeService(t, [anne, bruno]);
      const second = await makeService(t, [anne]);
      const envelopes = [await sealFor(first, requester), await sealFor(second, requester)];
      const te = t.ctx.teleexpertise;
      const ids: string[] = [];
      const racing: Array<Promise<unknown>> = [te.tick(), te.assignQueued(), te.assignQueued(first.id)];
      await Promise.all(
        Array.from({ length: 12 }, (_, i): Promise<unknown> => {
          const id = crypto.randomUUID();
          ids.push(id);
          const service = i % 2 === 0 ? first : second;
          return te.create(requester.userId, {
            id,
            serviceId: service.id,
            form: FORM,
            envelope: envelopes[i % 2]!,
          });
        }).concat(racing),
      );
      const rows = await t.ctx.db.read
        .selectFrom('te_requests')
        .select(['id', 'status', 'assignee_user_id'])
        .where('id', 'in', ids)
        .execute();
      expect(rows).toHaveLength(12);
      const open = rows.filter((r) => OPEN_ASSIGNED_STATUSES.includes(r.status));
      expect(open.filter((r) => r.assignee_user_id === anne.userId)).toHaveLength(1);
      expect(open.filter((r) => r.assignee_user_id === bruno.userId)).toHaveLength(2);
      expect(rows.filter((r) => r.status === 'requested')).toHaveLength(9);
      const assigned = await t.ctx.db.read
        .selectFrom('te_events')
        .select(['request_id'])
        .where('request_id', 'in', ids)
        .where('kind', '=', 'assigned')
        .execute();
      expect(assigned).toHaveLength(3);
      // Timelines have no gaps or doubles in their sequence numbers.
      for (const id of ids) {
        const seqs = await t.ctx.db.read
          .selectFrom('te_events')
          .select('seq')
          .where('request_id', '=', id)
          .orderBy('seq')
          .execute();
        expect(seqs.map((s) => s.seq)).toEqual(seqs.map((_, i) => i + 1));
      }
    });
  });
}
