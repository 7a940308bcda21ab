import { randomFiness, randomRpps } from '@liaison/core/synthetic/index';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR } from '../src/auth/actor.ts';
import { EXPORT_HEADERS } from '../src/directory/exports/columns.ts';
import { exportPages } from '../src/directory/exports/pages.ts';
import { Client, staffUser, startInstance, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { publish } from './support/directory.ts';

/** The CSV as a spreadsheet reads it: BOM, `;` cells, header row as keys. */
function readCsv(text: string): Record<string, string>[] {
  return parse<Record<string, string>>(text, { bom: true, delimiter: ';', columns: true });
}

for (const backend of testBackends()) {
  describe(`directory exports on ${backend.name}`, () => {
    let t: TestInstance;
    let anonymous: Client;
    let signedIn: Client;
    let orgA: string;
    let orgB: string;
    let finessA: string;
    const rpps = randomRpps();

    const download = async (client: Client, path: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: path,
        headers: client.cookie ? { cookie: `liaison_session=${client.cookie}` } : {},
      });
      return res;
    };

    beforeAll(async () => {
      t = await startInstance(backend);
      finessA = randomFiness();
      orgA = (
        await t.ctx.organisations.create(CONSOLE_ACTOR, {
          kind: 'hospital',
          name: 'Centre hospitalier de Dunkerque',
          finess: finessA,
          city: 'Dunkerque',
        })
      ).id;
      orgB = (
        await t.ctx.organisations.create(CONSOLE_ACTOR, {
          kind: 'clinic',
          name: 'Clinique du Parc',
          city: 'Arras',
        })
      ).id;
      await publish(t, orgA, {
        lastName: 'Lefèvre',
        firstName: 'Jean-Pierre',
        profession: '10',
        specialty: 'SM04',
        nationalId: rpps,
        serviceName: 'Cardiologie; rythmologie',
        mailboxes: [
          { address: 'jp.lefevre@ch-dunkerque.test', kind: 'PER' },
          { address: 'jp.lefevre.avis@ch-dunkerque.test', kind: 'PER' },
        ],
        departement: '59',
        groupName: 'GHT du Littoral',
      });
      // What a hostile admin might type: it must reach a spreadsheet as text.
      await publish(t, orgA, {
        lastName: '=HYPERLINK("http://evil.test","Cliquez")',
        firstName: '+Bob',
        specialty: 'SM54',
        mailboxes: [{ address: 'bob@ch-dunkerque.test', kind: 'PER' }],
        departement: '59',
        acceptsAttachments: false,
      });
      await publish(t, orgB, {
        serviceName: '@Accueil',
        specialty: 'SM54',
        mailboxes: [{ address: 'accueil@clinique-parc.test', kind: 'ORG' }],
        departement: '62',
      });
      await publish(t, orgB, {
        lastName: 'Martin',
        firstName: 'Paul',
        specialty: 'SM54',
        mailboxes: [{ address: 'p.martin@clinique-parc.test', kind: 'PER' }],
        departement: '62',
        unlisted: true,
      });
      await t.ctx.directory.submit(
        { userId: crypto.randomUUID(), roles: [{ role: 'establishment_admin', organisationId: orgB }] },
        orgB,
        {
          action: 'create',
          input: {
            serviceName: 'Pas encore publié',
            specialty: 'SM54',
            mailboxes: [{ address: 'attente@clinique-parc.test', kind: 'ORG' }],
          },
        },
      );
      t.clock.set('2026-03-05T10:30:00.000Z');
      await publish(t, orgB, {
        serviceName: 'Radiologie',
        specialty: 'SM44',
        mailboxes: [{ address: 'radiologie@clinique-parc.test', kind: 'ORG' }],
        departement: '62',
      });
      anonymous = new Client(t.app);
      signedIn = (await staffUser(t, 'professional')).client;
    });
    afterAll(async () => t.close());

    it('writes a CSV French Excel opens: BOM, semicolons, CRLF, French headers, one row per published entry', async () => {
      const res = await download(anonymous, '/api/directory/export.csv');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="annuaire-2026-03-05.csv"');
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(res.body.split('\r\n')[0]).toBe(
        '\uFEFFnom;prénom;service;spécialité;libellé spécialité;profession;rpps/adeli;email;type de BAL;' +
          'établissement;finess;ville;département;groupe;pièces jointes;mis à jour le',
      );
      const rows = readCsv(res.body);
      expect(Object.keys(rows[0]!)).toEqual([...EXPORT_HEADERS]);
      // Published and listed only: the unlisted Martin and the pending service are not there.
      expect(rows.map((r) => r.email).sort()).toEqual([
        'accueil@clinique-parc.test',
        'bob@ch-dunkerque.test',
        'jp.lefevre@ch-dunkerque.test',
        'radiologie@clinique-parc.test',
      ]);
      expect(rows.find((r) => r.nom === 'Lefèvre')).toEqual({
        nom: 'Lefèvre',
        prénom: 'Jean-Pierre',
        service: 'Cardiologie; rythmologie',
        spécialité: 'SM04',
        'libellé spécialité': 'Cardiologie et Maladies vasculaires',
        profession: '10',
        'rpps/adeli': rpps,
        email: 'jp.lefevre@ch-dunkerque.test',
        'type de BAL': 'PER',
        établissement: 'Centre hospitalier de Dunkerque',
        finess: finessA,
        ville: 'Dunkerque',
        département: '59',
        groupe: 'GHT du Littoral',
        'pièces jointes': 'oui',
        // 08:00 UTC is 09:00 in Paris in March.
        'mis à jour le': '2026-03-02 09:00',
      });
    });

    it('neutralises cells a spreadsheet would run as formulas', async () => {
      const rows = readCsv((await download(anonymous, '/api/directory/export.csv')).body);
      const bob = rows.find((r) => r.email === 'bob@ch-dunkerque.test')!;
      expect(bob.nom).toBe(`'=HYPERLINK("http://evil.test","Cliquez")`);
      expect(bob.prénom).toBe(`'+Bob`);
      expect(bob['pièces jointes']).toBe('non');
      expect(rows.find((r) => r.email === 'accueil@clinique-parc.test')!.service).toBe(`'@Accueil`);
    });

    it('filters by establishment, specialty, département and change date; signed-in users get unlisted entries', async () => {
      const emails = async (query: string, client = anonymous) =>
        readCsv((await download(client, `/api/directory/export.csv?${query}`)).body)
          .map((r) => r.email)
          .sort();
      expect(await emails(`organisationId=${orgA}`)).toEqual([
        'bob@ch-dunkerque.test',
        'jp.lefevre@ch-dunkerque.test',
      ]);
      expect(await emails('specialty=sm04')).toEqual(['jp.lefevre@ch-dunkerque.test']);
      expect(await emails('departement=62&q=ignored')).toEqual([
        'accueil@clinique-parc.test',
        'radiologie@clinique-parc.test',
      ]);
      expect(await emails('updatedSince=2026-03-04')).toEqual(['radiologie@clinique-parc.test']);
      expect(await emails('updatedSince=2026-03-05T10:30:00Z')).toEqual(['radiologie@clinique-parc.test']);
      expect(await emails('departement=62', signedIn)).toEqual([
        'accueil@clinique-parc.test',
        'p.martin@clinique-parc.test',
        'radiologie@clinique-parc.test',
      ]);
      const bad = await download(anonymous, '/api/directory/export.csv?updatedSince=yesterday');
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    });

    it('writes the same rows as an XLSX workbook, with text cells and a real date', async () => {
      const res = await download(signedIn, `/api/directory/export.xlsx?organisationId=${orgA}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(res.headers['content-disposition']).toBe('attachment; filename="annuaire-2026-03-05.xlsx"');
      const workbook = new ExcelJS.Workbook();
      // exceljs declares its own Buffer type (an ArrayBuffer); Node's Buffer is what it reads.
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Annuaire')!;
      expect(sheet.rowCount).toBe(3);
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...EXPORT_HEADERS]);
      const rows = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
      const lefevre = rows.find((r) => r[0] === 'Lefèvre')!;
      expect(lefevre.slice(0, 15)).toEqual([
        'Lefèvre',
        'Jean-Pierre',
        'Cardiologie; rythmologie',
        'SM04',
        'Cardiologie et Maladies vasculaires',
        '10',
        rpps,
        'jp.lefevre@ch-dunkerque.test',
        'PER',
        'Centre hospitalier de Dunkerque',
        finessA,
        'Dunkerque',
        '59',
        'GHT du Littoral',
        'oui',
      ]);
      // Paris wall-clock, stored as Excel shows it.
      expect(lefevre[15]).toEqual(new Date('2026-03-02T09:00:00.000Z'));
      // A typed string cell is never evaluated: the formula text stays as it was typed.
      const bob = rows.find((r) => r[7] === 'bob@ch-dunkerque.test')!;
      expect(bob[0]).toBe('=HYPERLINK("http://evil.test","Cliquez")');
      const cell = sheet.getRow(rows.indexOf(bob) + 2).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
    });

    it('reads the directory page by page by keyset, never all at once', async () => {
      const pages: number[] = [];
      const seen: string[] = [];
      for await (const page of exportPages(t.ctx.db.read, null, {}, 2)) {
        pages.push(page.length);
        seen.push(...page.map((r) => r.id));
      }
      expect(pages).toEqual([2, 2]);
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(4);
    });

    it('keeps a private directory from anonymous downloads', async () => {
      const config = t.ctx.config as { directoryPublic: boolean };
      config.directoryPublic = false;
      try {
        const refused = await download(anonymous, '/api/directory/export.xlsx');
        expect(refused.statusCode).toBe(401);
        expect(refused.json()).toMatchObject({ error: { code: 'NOT_AUTHENTICATED' } });
        expect((await download(signedIn, '/api/directory/export.csv')).statusCode).toBe(200);
      } finally {
        config.directoryPublic = true;
      }
    });
  });
}
