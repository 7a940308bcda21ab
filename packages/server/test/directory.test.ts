import type {
  DirectoryEntry,
  DirectoryEntryInput,
  DirectoryImportCheck,
  DirectoryImportStatus,
  DirectorySubmission,
} from '@liaison/core/api/directory';
import ExcelJS from 'exceljs';
import { generateRppsExtraction } from '@liaison/core/rpps/index';
import { randomFiness, randomRpps } from '@liaison/core/synthetic/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR } from '../src/auth/actor.ts';
import { Client, staffUser, startInstance, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';

type Staff = Awaited<ReturnType<typeof staffUser>>;
interface Proposal {
  entryId: string;
  submissionId: string | null;
}
interface ErrorBody {
  error: { code: string; details?: { problems?: { field: string; code: string }[] } };
}

/** An upload as the web page sends it: the raw file, its name in a header. */
function upload(client: Client, url: string, bytes: Buffer, name: string) {
  return client.call<Record<string, unknown>>('POST', url, undefined, {
    body: bytes,
    type: 'application/octet-stream',
    headers: { 'x-file-name': encodeURIComponent(name) },
  });
}

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Annuaire');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function person(overrides: Partial<DirectoryEntryInput> = {}): DirectoryEntryInput {
  return {
    lastName: 'Lefèvre',
    firstName: 'Jean-Pierre',
    profession: '10',
    specialty: 'SM04',
    nationalId: randomRpps(),
    mailboxes: [{ address: `jp.lefevre.${Math.random().toString(36).slice(2, 7)}@ch-test.fr`, kind: 'PER' }],
    departement: '59',
    ...overrides,
  };
}

for (const backend of testBackends()) {
  describe(`directory entries and verification on ${backend.name}`, () => {
    let t: TestInstance;
    let orgA: string;
    let orgB: string;
    let adminA: Staff;
    let adminB: Staff;
    let technician: Staff;
    let anonymous: Client;

    const submit = (admin: Staff, org: string, input: DirectoryEntryInput) =>
      admin.client.post<Proposal>(`/api/directory/organisations/${org}/entries`, input);
    const decide = (id: string, body: object) =>
      technician.client.post<DirectorySubmission>(`/api/directory/submissions/${id}/decision`, body);

    beforeAll(async () => {
      t = await startInstance(backend);
      orgA = (
        await t.ctx.organisations.create(CONSOLE_ACTOR, {
          kind: 'hospital',
          name: 'Centre hospitalier de Dunkerque',
          finess: randomFiness(),
          city: 'Dunkerque',
        })
      ).id;
      orgB = (await t.ctx.organisations.create(CONSOLE_ACTOR, { kind: 'ehpad', name: 'EHPAD Les Tilleuls' }))
        .id;
      adminA = await staffUser(t, 'establishment_admin', orgA);
      adminB = await staffUser(t, 'establishment_admin', orgB);
      technician = await staffUser(t, 'technician');
      anonymous = new Client(t.app);
    });
    afterAll(async () => t.close());

    it('keeps a new entry pending and out of the public directory until a technician approves it', async () => {
      const input = person();
      const created = await submit(adminA, orgA, input);
      expect(created.status).toBe(201);
      expect(created.body.submissionId).toEqual(expect.any(String));

      expect((await anonymous.get(`/api/directory/entries/${created.body.entryId}`)).status).toBe(404);
      const own = await adminA.client.get<DirectoryEntry[]>(`/api/directory/organisations/${orgA}/entries`);
      expect(own.body.find((e) => e.id === created.body.entryId)).toMatchObject({
        state: 'pending',
        pendingSubmissionId: created.body.submissionId,
      });

      const queue = await technician.client.get<{ total: number; submissions: DirectorySubmission[] }>(
        '/api/directory/submissions',
      );
      const item = queue.body.submissions.find((s) => s.id === created.body.submissionId);
      expect(item).toMatchObject({
        action: 'create',
        source: 'form',
        status: 'pending',
        published: null,
        organisationName: 'Centre hospitalier de Dunkerque',
      });
      expect(item?.fields).toMatchObject({ lastName: 'Lefèvre', specialty: 'SM04', departement: '59' });

      const approved = await decide(created.body.submissionId!, { decision: 'approve' });
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('approved');
      const shown = await anonymous.get<DirectoryEntry>(`/api/directory/entries/${created.body.entryId}`);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({
        state: 'published',
        version: 1,
        organisationName: 'Centre hospitalier de Dunkerque',
        fields: { firstName: 'Jean-Pierre' },
      });
      const again = await decide(created.body.submissionId!, { decision: 'approve' });
      expect(again.body).toMatchObject({ error: { code: 'SUBMISSION_DECIDED' } });
    });

    it('leaves the published entry as it was while a change waits, and shows the difference to the technician', async () => {
      const input = person({ lastName: 'Martin', firstName: 'Sophie' });
      const created = await submit(adminA, orgA, input);
      await decide(created.body.submissionId!, { decision: 'approve' });

      const newAddress = `s.martin.${Date.now()}@ch-test.fr`;
      const changed = await adminA.client.put<Proposal>(
        `/api/directory/organisations/${orgA}/entries/${created.body.entryId}`,
        { ...input, mailboxes: [{ address: newAddress, kind: 'PER' }] },
      );
      expect(changed.status).toBe(200);
      const published = await anonymous.get<DirectoryEntry>(`/api/directory/entries/${created.body.entryId}`);
      expect(published.body.fields.mailboxes[0]?.address).toBe(input.mailboxes?.[0]?.address);

      const queue = await technician.client.get<{ submissions: DirectorySubmission[] }>(
        '/api/directory/submissions',
      );
      const item = queue.body.submissions.find((s) => s.id === changed.body.submissionId);
      expect(item?.action).toBe('update');
      expect(item?.published?.mailboxes[0]?.address).toBe(input.mailboxes?.[0]?.address);
      expect(item?.fields.mailboxes[0]?.address).toBe(newAddress);

      const same = await adminA.client.put(
        `/api/directory/organisations/${orgA}/entries/${created.body.entryId}`,
        { ...input, mailboxes: [{ address: newAddress, kind: 'PER' }], departement: '59' },
      );
      expect(same.status).toBe(200); // a second proposal replaces the first
      const replaced = await technician.client.get<{ submissions: DirectorySubmission[] }>(
        '/api/directory/submissions',
      );
      expect(replaced.body.submissions.some((s) => s.id === changed.body.submissionId)).toBe(false);

      const unchanged = await adminA.client.put(
        `/api/directory/organisations/${orgA}/entries/${created.body.entryId}`,
        input,
      );
      expect(unchanged.body).toMatchObject({ error: { code: 'NO_CHANGE' } });
    });

    it('tells the submitter why a technician rejected an entry, and never publishes it', async () => {
      const created = await submit(adminA, orgA, person({ lastName: 'Durand', firstName: 'Paul' }));
      const rejected = await decide(created.body.submissionId!, {
        decision: 'reject',
        reason: 'Ce médecin a quitté le service.',
      });
      expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'Ce médecin a quitté le service.' });
      const outcomes = await adminA.client.get<DirectorySubmission[]>(
        `/api/directory/organisations/${orgA}/submissions`,
      );
      expect(outcomes.body.find((s) => s.id === created.body.submissionId)).toMatchObject({
        status: 'rejected',
        reason: 'Ce médecin a quitté le service.',
      });
      expect((await anonymous.get(`/api/directory/entries/${created.body.entryId}`)).status).toBe(404);
      const noReason = await decide((await submit(adminA, orgA, person())).body.submissionId!, {
        decision: 'reject',
      });
      expect(noReason.status).toBe(400);
    });

    it('retires a published entry only once its removal is approved, and keeps every version', async () => {
      const created = await submit(adminA, orgA, person({ lastName: 'Petit', firstName: 'Anne' }));
      await decide(created.body.submissionId!, { decision: 'approve' });
      const removal = await adminA.client.delete<Proposal>(
        `/api/directory/organisations/${orgA}/entries/${created.body.entryId}`,
      );
      expect(removal.status).toBe(200);
      expect((await anonymous.get(`/api/directory/entries/${created.body.entryId}`)).status).toBe(200);
      await decide(removal.body.submissionId!, { decision: 'approve' });
      expect((await anonymous.get(`/api/directory/entries/${created.body.entryId}`)).status).toBe(404);

      const history = await adminA.client.get<{ change: string; version: number }[]>(
        `/api/directory/entries/${created.body.entryId}/history`,
      );
      expect(history.body.map((h) => h.change)).toEqual(['proposed', 'published', 'retired']);
      const edit = await adminA.client.put(
        `/api/directory/organisations/${orgA}/entries/${created.body.entryId}`,
        person(),
      );
      expect(edit.body).toMatchObject({ error: { code: 'ENTRY_RETIRED' } });
      const audit = await t.ctx.db.read
        .selectFrom('audit_events')
        .select('action')
        .where('target', '=', created.body.entryId)
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'directory.submitted',
        'directory.approved',
        'directory.submitted',
        'directory.approved',
      ]);
    });

    it('refuses bad entries at submission with every problem located, and writes nothing', async () => {
      const before = await t.ctx.db.read
        .selectFrom('directory_submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const bad = await submit(adminA, orgA, {
        lastName: 'Roux',
        firstName: null,
        specialty: 'SM99',
        nationalId: '10000000000',
        mailboxes: [{ address: 'ne-pas-repondre@ch-test.fr', kind: 'PER' }],
        departement: '20',
      });
      expect(bad.status).toBe(400);
      const body = bad.body as unknown as ErrorBody;
      expect(body.error.code).toBe('DIRECTORY_ENTRY_INVALID');
      expect(body.error.details?.problems?.map((p) => `${p.field}:${p.code}`)).toEqual(
        expect.arrayContaining([
          'firstName:REQUIRED',
          'specialty:UNKNOWN_CODE',
          'nationalId:INVALID_IDENTIFIER',
          'mailboxes.0.address:NO_REPLY_FORBIDDEN',
          'departement:INVALID',
        ]),
      );
      const after = await t.ctx.db.read
        .selectFrom('directory_submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));

      const input = person();
      await submit(adminA, orgA, input);
      const twice = await submit(adminA, orgA, { ...input, lastName: 'Autre', firstName: 'Nom' });
      expect(twice.body).toMatchObject({ error: { code: 'ENTRY_EXISTS' } });
    });

    it('keeps each establishment to its own entries and technicians to the queue', async () => {
      const created = await submit(adminA, orgA, person());
      expect((await submit(adminB, orgA, person())).body).toMatchObject({
        error: { code: 'OUTSIDE_ESTABLISHMENT' },
      });
      const foreignEdit = await adminB.client.put(
        `/api/directory/organisations/${orgB}/entries/${created.body.entryId}`,
        person(),
      );
      expect(foreignEdit.body).toMatchObject({ error: { code: 'ENTRY_NOT_FOUND' } });
      expect((await adminA.client.get('/api/directory/submissions')).body).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      expect(
        (
          await adminA.client.post(`/api/directory/submissions/${created.body.submissionId}/decision`, {
            decision: 'approve',
          })
        ).body,
      ).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect((await anonymous.get(`/api/directory/organisations/${orgA}/entries`)).status).toBe(401);
    });

    it('imports a CSV all or nothing after a dry run that locates every bad row', async () => {
      const base = `/api/directory/organisations/${orgA}/imports`;
      const good = [
        'nom;prénom;spécialité;email;département;groupe;commentaire',
        'Lefèvre;Jean-Pierre;SM04;jp.lefevre.import@ch-test.fr;59;GHT du Littoral;x',
        'Nguyen;Thi;Médecine générale;t.nguyen.import@ch-test.fr;62;;y',
        ';;;;;;', // blank rows are skipped
        'Bernard;Luc;SM38;l.bernard.import@ch-test.fr;59;;z',
      ].join('\r\n');
      const check = await upload(
        adminA.client,
        `${base}/check`,
        Buffer.from(`\uFEFF${good}`),
        'annuaire.csv',
      );
      expect(check.status).toBe(200);
      const dry = check.body as unknown as DirectoryImportCheck;
      expect(dry).toMatchObject({
        format: 'csv',
        separator: ';',
        totalRows: 3,
        errors: [],
        counts: { create: 3, update: 0, unchanged: 0 },
      });
      expect(dry.columns.find((c) => c.header === 'commentaire')?.mappedTo).toBeNull();
      expect(dry.preview[1]?.fields.specialty).toBe('SM54');

      const bad =
        good + '\r\nRoux;Marc;SM99;m.roux@ch-test.fr;59;;\r\nBlanc;Eva;SM04;noreply@ch-test.fr;59;;';
      const before = await t.ctx.db.read
        .selectFrom('directory_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const refused = await upload(adminA.client, base, Buffer.from(bad), 'annuaire.csv');
      expect(refused.status).toBe(400);
      const refusal = refused.body as unknown as {
        error: { code: string; details: { errors: { line: number; code: string }[] } };
      };
      expect(refusal.error.code).toBe('DIRECTORY_IMPORT_INVALID');
      expect(refusal.error.details.errors.map((e) => `${e.line}:${e.code}`)).toEqual([
        '6:UNKNOWN_CODE',
        '7:NO_REPLY_FORBIDDEN',
      ]);
      const after = await t.ctx.db.read
        .selectFrom('directory_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));

      const started = await upload(adminA.client, base, Buffer.from(good), 'annuaire.csv');
      expect(started.status).toBe(202);
      const { importId, progressToken } = started.body as { importId: string; progressToken: string };
      let status: DirectoryImportStatus;
      do {
        status = (
          await anonymous.get<DirectoryImportStatus>(
            `/api/directory/imports/${importId}?progressToken=${progressToken}`,
          )
        ).body;
        if (status.status === 'running') await new Promise((resolve) => setTimeout(resolve, 50));
      } while (status.status === 'running');
      expect(status).toMatchObject({
        status: 'done',
        totalRows: 3,
        processedRows: 3,
        counts: { create: 3, update: 0, unchanged: 0 },
      });
      expect((await anonymous.get(`/api/directory/imports/${importId}?progressToken=wrong`)).status).toBe(
        401,
      );
      expect((await adminB.client.get(`/api/directory/imports/${importId}`)).body).toMatchObject({
        error: { code: 'OUTSIDE_ESTABLISHMENT' },
      });

      const queue = await technician.client.get<{ submissions: DirectorySubmission[] }>(
        `/api/directory/submissions?organisationId=${orgA}&limit=200`,
      );
      const imported = queue.body.submissions.filter((s) => s.source === 'file');
      expect(imported.map((s) => s.fields.lastName).sort()).toEqual(['Bernard', 'Lefèvre', 'Nguyen']);
      for (const submission of imported) await decide(submission.id, { decision: 'approve' });

      // The same file again: nothing to do. One change: one update.
      const again = (await upload(adminA.client, `${base}/check`, Buffer.from(good), 'annuaire.csv'))
        .body as unknown as DirectoryImportCheck;
      expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3 });
      const changed = (
        await upload(
          adminA.client,
          `${base}/check`,
          Buffer.from(good.replace(';62;', ';75;')),
          'annuaire.csv',
        )
      ).body as unknown as DirectoryImportCheck;
      expect(changed.counts).toEqual({ create: 0, update: 1, unchanged: 2 });
    });

    it('reads XLSX uploads and refuses legacy .xls with a clear message', async () => {
      const base = `/api/directory/organisations/${orgA}/imports`;
      const file = await xlsx([
        ['Nom', 'Prénom', 'Service', 'Spécialité', 'E-mail', 'Département'],
        ['Moreau', 'Claire', 'Dermatologie', 'SM15', 'c.moreau.xlsx@ch-test.fr', 59],
      ]);
      const check = await upload(adminA.client, `${base}/check`, file, 'annuaire.xlsx');
      expect(check.body).toMatchObject({ format: 'xlsx', totalRows: 1, errors: [], counts: { create: 1 } });
      const legacy = Buffer.from([
        0xd0,
        0xcf,
        0x11,
        0xe0,
        0xa1,
        0xb1,
        0x1a,
        0xe1,
        ...new Array<number>(504).fill(0),
      ]);
      const refused = await upload(adminA.client, `${base}/check`, legacy, 'annuaire.xls');
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: 'FILE_FORMAT_UNSUPPORTED' } });
      expect((await upload(adminB.client, `${base}/check`, file, 'annuaire.xlsx')).body).toMatchObject({
        error: { code: 'OUTSIDE_ESTABLISHMENT' },
      });
    });

    it('checks RPPS against the national reference and flags published entries whose RPPS left it', async () => {
      const lines = [...generateRppsExtraction({ persons: 3, seed: 11 })];
      await t.ctx.rppsReference.importLines(lines, { source: 'test' });
      const known = await t.ctx.db.read
        .selectFrom('rpps_reference')
        .selectAll()
        .orderBy('rpps')
        .limit(1)
        .executeTakeFirstOrThrow();

      const mismatch = await submit(
        adminA,
        orgA,
        person({ nationalId: known.rpps, lastName: 'Autrenom', firstName: known.first_name }),
      );
      const unknown = await submit(adminA, orgA, person({ nationalId: randomRpps() }));
      const queue = await technician.client.get<{ submissions: DirectorySubmission[] }>(
        '/api/directory/submissions?limit=200',
      );
      const checksOf = (id: string | null) =>
        queue.body.submissions.find((s) => s.id === id)?.checks.map((c) => c.code);
      expect(checksOf(mismatch.body.submissionId)).toEqual(['RPPS_NAME_MISMATCH']);
      expect(checksOf(unknown.body.submissionId)).toEqual(['RPPS_NOT_IN_REFERENCE']);

      const right = await submit(
        adminA,
        orgA,
        person({
          nationalId: known.rpps,
          lastName: known.last_name.toUpperCase(),
          firstName: known.first_name,
        }),
      );
      await decide(right.body.submissionId!, { decision: 'approve' });
      expect((await technician.client.get<DirectoryEntry[]>('/api/directory/retirements')).body).toEqual([]);

      // A day later (sessions have expired meanwhile: the technician's view comes from the service).
      const asTechnician = {
        userId: technician.id,
        roles: [{ role: 'technician' as const, organisationId: null }],
      };
      t.clock.advance(24 * 3600_000);
      const summary = await t.ctx.rppsReference.importLines(
        lines.filter((line) => line.split('|')[1] !== known.rpps),
        { source: 'test' },
      );
      expect(summary.entriesFlagged).toBe(1);
      const flagged = await t.ctx.directory.retirementFlags(asTechnician);
      expect(flagged.map((e) => e.id)).toEqual([right.body.entryId]);
      expect(flagged[0]?.rppsLeftAt).toBe(t.clock.now().toISOString());

      t.clock.advance(24 * 3600_000);
      await t.ctx.rppsReference.importLines(lines, { source: 'test' });
      expect(await t.ctx.directory.retirementFlags(asTechnician)).toEqual([]);
    });
  });
}
