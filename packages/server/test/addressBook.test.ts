import type { AddressBookItem, DirectoryEntryInput } from '@liaison/core/api/directory';
import { randomRpps } from '@liaison/core/synthetic/index';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR, type Actor } from '../src/auth/actor.ts';
import { EXPORT_HEADERS } from '../src/directory/exports/columns.ts';
import { addMembership } from '../src/mailboxes/store.ts';
import { Client, MAIL_DOMAIN, signIn, staffUser, startInstance, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';

type Staff = Awaited<ReturnType<typeof staffUser>>;
interface ErrorBody {
  error: { code: string };
}

const technicianActor: Actor = {
  userId: crypto.randomUUID(),
  roles: [{ role: 'technician', organisationId: null }],
};

function lefevre(overrides: Partial<DirectoryEntryInput> = {}): DirectoryEntryInput {
  return {
    lastName: 'Lefèvre',
    firstName: 'Jean-Pierre',
    profession: '10',
    specialty: 'SM04',
    nationalId: randomRpps(),
    serviceName: 'Cardiologie, rythmologie; USIC',
    mailboxes: [
      { address: 'jp.lefevre@ch-dunkerque.test', kind: 'PER' },
      { address: 'jp.lefevre.avis@ch-dunkerque.test', kind: 'PER' },
    ],
    departement: '59',
    ...overrides,
  };
}

for (const backend of testBackends()) {
  describe(`address books on ${backend.name}`, () => {
    let t: TestInstance;
    let org: string;
    let admin: Actor;
    let doctor: Staff;
    let other: Staff;
    let secretary: Client;
    let secretaryId: string;
    const shared = `secretariat-cardio@${MAIL_DOMAIN}`;
    const ids = {} as { lefevre: string; cardiology: string; pending: string };
    let lefevreInput: DirectoryEntryInput;

    const approve = async (change: Parameters<TestInstance['ctx']['directory']['submit']>[2]) => {
      const { entryId, submissionId } = await t.ctx.directory.submit(admin, org, change);
      await t.ctx.directory.decide(technicianActor, submissionId!, { decision: 'approve' });
      return entryId;
    };
    const book = async (client: Client, mailbox?: string) => {
      const answer = await client.get<AddressBookItem[]>(
        `/api/address-book${mailbox === undefined ? '' : `?mailbox=${encodeURIComponent(mailbox)}`}`,
      );
      expect(answer.status, answer.text).toBe(200);
      return answer.body;
    };

    beforeAll(async () => {
      t = await startInstance(backend);
      org = (
        await t.ctx.organisations.create(CONSOLE_ACTOR, {
          kind: 'hospital',
          name: 'Centre hospitalier de Dunkerque',
          city: 'Dunkerque',
        })
      ).id;
      const adminUser = await staffUser(t, 'establishment_admin', org);
      admin = { userId: adminUser.id, roles: [{ role: 'establishment_admin', organisationId: org }] };
      lefevreInput = lefevre();
      ids.lefevre = await approve({ action: 'create', input: lefevreInput });
      ids.cardiology = await approve({
        action: 'create',
        input: {
          serviceName: 'Cardiologie',
          specialty: 'SM04',
          mailboxes: [{ address: 'cardiologie@ch-dunkerque.test', kind: 'ORG' }],
        },
      });
      ids.pending = (
        await t.ctx.directory.submit(admin, org, {
          action: 'create',
          input: {
            serviceName: 'Urgences',
            specialty: 'SM54',
            mailboxes: [{ address: 'urgences@ch-dunkerque.test', kind: 'ORG' }],
          },
        })
      ).entryId;
      doctor = await staffUser(t, 'professional');
      other = await staffUser(t, 'professional');

      // A service mailbox whose book its secretary keeps.
      await t.ctx.mailboxes.create(admin, {
        address: shared,
        kind: 'ORG',
        organisationId: org,
        acceptsAttachments: true,
      });
      const email = 'secretaire.cardio@example.test';
      secretaryId = await t.ctx.users.create(CONSOLE_ACTOR, {
        email,
        password: 'correct horse battery staple',
        firstName: 'Sophie',
        lastName: 'Secrétaire',
        role: 'secretary',
        organisationId: org,
      });
      const mailbox = await t.ctx.db.read
        .selectFrom('mailboxes')
        .select('id')
        .where('address', '=', shared)
        .executeTakeFirstOrThrow();
      await t.ctx.db.transaction((tx) =>
        addMembership(tx, mailbox.id, secretaryId, 'delegate', '2026-03-02T08:00:00.000Z'),
      );
      secretary = (await signIn(t, email, 'correct horse battery staple')).client;
    });
    afterAll(async () => t.close());

    it('adds published correspondents once, with a note, and lists them by name', async () => {
      const added = await doctor.client.post<AddressBookItem>('/api/address-book', {
        entryId: ids.lefevre,
        note: '  Avis rythmologie  ',
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        note: 'Avis rythmologie',
        addedAt: '2026-03-02T08:00:00.000Z',
        flags: [],
        entry: { id: ids.lefevre, state: 'published', organisationName: 'Centre hospitalier de Dunkerque' },
      });
      const again = await doctor.client.post<ErrorBody>('/api/address-book', { entryId: ids.lefevre });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('ALREADY_IN_ADDRESS_BOOK');
      const pending = await doctor.client.post<ErrorBody>('/api/address-book', { entryId: ids.pending });
      expect(pending.status).toBe(404);
      expect(pending.body.error.code).toBe('ENTRY_NOT_FOUND');
      expect((await doctor.client.post('/api/address-book', { entryId: ids.cardiology })).status).toBe(201);

      const items = await book(doctor.client);
      expect(items.map((i) => i.entry.id)).toEqual([ids.cardiology, ids.lefevre]);
      expect(items.map((i) => i.flags)).toEqual([[], []]);
      expect(await book(other.client)).toEqual([]);
      expect((await new Client(t.app).get('/api/address-book')).status).toBe(401);
    });

    it('never shows or changes another user’s items', async () => {
      const [item] = await book(doctor.client);
      for (const answer of [
        await other.client.patch<ErrorBody>(`/api/address-book/${item!.id}`, { note: 'pris' }),
        await other.client.delete<ErrorBody>(`/api/address-book/${item!.id}`),
        await secretary.patch<ErrorBody>(`/api/address-book/${item!.id}`, { acknowledge: true }),
        await other.client.patch<ErrorBody>(`/api/address-book/${crypto.randomUUID()}`, { note: 'x' }),
      ]) {
        expect(answer.status).toBe(404);
        expect(answer.body.error.code).toBe('NOT_IN_ADDRESS_BOOK');
      }
      expect((await book(doctor.client))[0]!.note).toBeNull();
    });

    it('flags a changed main address until acknowledged, then a removal and an RPPS gone from the reference', async () => {
      await approve({
        action: 'update',
        entryId: ids.lefevre,
        input: {
          ...lefevreInput,
          mailboxes: [{ address: 'jean-pierre.lefevre@ch-dunkerque.test', kind: 'PER' }],
        },
      });
      const changed = (await book(doctor.client)).find((i) => i.entry.id === ids.lefevre)!;
      expect(changed.flags).toEqual(['address_changed']);
      expect(changed.entry.fields.mailboxes[0]!.address).toBe('jean-pierre.lefevre@ch-dunkerque.test');

      const acknowledged = await doctor.client.patch<AddressBookItem>(`/api/address-book/${changed.id}`, {
        acknowledge: true,
        note: 'Nouvelle adresse vérifiée',
      });
      expect(acknowledged.status).toBe(200);
      expect(acknowledged.body).toMatchObject({ flags: [], note: 'Nouvelle adresse vérifiée' });

      await approve({ action: 'remove', entryId: ids.cardiology });
      await t.ctx.db.transaction((tx) =>
        tx.db
          .updateTable('directory_entries')
          .set({ rpps_left_at: '2026-03-03T06:00:00.000Z' })
          .where('id', '=', ids.lefevre)
          .execute(),
      );
      const flags = Object.fromEntries((await book(doctor.client)).map((i) => [i.entry.id, i.flags]));
      expect(flags).toEqual({ [ids.cardiology]: ['retired'], [ids.lefevre]: ['rpps_left'] });
      // A retired entry cannot be picked any more.
      const retired = await other.client.post<ErrorBody>('/api/address-book', { entryId: ids.cardiology });
      expect(retired.body.error.code).toBe('ENTRY_NOT_FOUND');
    });

    it('keeps a shared mailbox’s book for its members only', async () => {
      const added = await secretary.post<AddressBookItem>('/api/address-book', {
        entryId: ids.lefevre,
        mailbox: shared.toUpperCase(),
      });
      expect(added.status).toBe(201);
      expect((await book(secretary, shared)).map((i) => i.id)).toEqual([added.body.id]);
      expect(await book(secretary)).toEqual([]); // her own book is another book
      const outsider = await doctor.client.get<ErrorBody>(`/api/address-book?mailbox=${shared}`);
      expect(outsider.status).toBe(403);
      expect(outsider.body.error.code).toBe('NOT_A_MEMBER');
      const unknown = await secretary.get<ErrorBody>(`/api/address-book?mailbox=nobody@${MAIL_DOMAIN}`);
      expect(unknown.body.error.code).toBe('MAILBOX_NOT_FOUND');
      expect((await doctor.client.delete(`/api/address-book/${added.body.id}`)).status).toBe(404);
      const noted = await secretary.patch<AddressBookItem>(`/api/address-book/${added.body.id}`, {
        note: 'Le Dr préfère la messagerie',
      });
      expect(noted.body.note).toBe('Le Dr préfère la messagerie');
    });

    it('exports the book as vCard 4.0, escaped and folded, and as CSV with the directory columns', async () => {
      t.clock.set('2026-03-02T08:25:00.000Z');
      const input = lefevre({
        firstName: 'Jean-Pierre',
        mailboxes: [
          { address: 'jp.lefevre2@ch-dunkerque.test', kind: 'PER' },
          { address: 'jp.lefevre2.avis@ch-dunkerque.test', kind: 'PER' },
        ],
      });
      const entryId = await approve({ action: 'create', input });
      const reader = await staffUser(t, 'professional');
      await reader.client.post('/api/address-book', {
        entryId,
        note: 'Avis rapide : appeler le secrétariat avant 10h, sinon écrire ; C:\\dossiers\\cardio.\nRéponse sous 48 h : cela évite les relances répétées.',
      });
      const vcf = await reader.client.get('/api/address-book.vcf');
      expect(vcf.status).toBe(200);
      expect(vcf.headers['content-type']).toBe('text/vcard; charset=utf-8');
      expect(vcf.headers['content-disposition']).toBe('attachment; filename="carnet-2026-03-02.vcf"');
      expect(vcf.text).toBe(
        [
          'BEGIN:VCARD',
          'VERSION:4.0',
          `UID:urn:uuid:${entryId}`,
          'FN:Jean-Pierre Lefèvre',
          'N:Lefèvre;Jean-Pierre;;;',
          'ORG:Centre hospitalier de Dunkerque;Cardiologie\\, rythmologie\\; USIC',
          'TITLE:Cardiologie et Maladies vasculaires',
          'EMAIL;TYPE=work;PREF=1:jp.lefevre2@ch-dunkerque.test',
          'EMAIL;TYPE=work:jp.lefevre2.avis@ch-dunkerque.test',
          // 75 octets, then continuation lines that start with a space; "é" (2 octets) is not split.
          'NOTE:Avis rapide : appeler le secrétariat avant 10h\\, sinon écrire \\; C:\\',
          ' \\dossiers\\\\cardio.\\nRéponse sous 48 h : cela évite les relances répét',
          ' ées.',
          'REV:20260302T082500Z',
          'END:VCARD',
          '',
        ].join('\r\n'),
      );
      for (const line of vcf.text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

      const csv = await doctor.client.get('/api/address-book.csv');
      expect(csv.headers['content-disposition']).toBe('attachment; filename="carnet-2026-03-02.csv"');
      const rows = parse<Record<string, string>>(csv.text, { bom: true, delimiter: ';', columns: true });
      expect(Object.keys(rows[0]!)).toEqual([...EXPORT_HEADERS]);
      expect(rows.map((r) => [r.service, r.email])).toEqual([
        ['Cardiologie', 'cardiologie@ch-dunkerque.test'],
        ['Cardiologie, rythmologie; USIC', 'jean-pierre.lefevre@ch-dunkerque.test'],
      ]);
    });

    it('deletes an item from the book', async () => {
      const [item] = await book(doctor.client);
      expect((await doctor.client.delete(`/api/address-book/${item!.id}`)).status).toBe(204);
      expect((await book(doctor.client)).map((i) => i.id)).not.toContain(item!.id);
      expect((await doctor.client.delete(`/api/address-book/${item!.id}`)).status).toBe(404);
    });
  });
}
