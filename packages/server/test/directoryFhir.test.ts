import { normaliseForSearch } from '@liaison/core/directory/searchText';
import { randomAdeli, randomFiness, randomRpps } from '@liaison/core/synthetic/index';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR } from '../src/auth/actor.ts';
import { nameCandidates, nameMatches } from '../src/directory/fhir/nameMatch.ts';
import type {
  Bundle,
  OperationOutcome,
  Organization,
  Practitioner,
  PractitionerRole,
} from '../src/directory/fhir/resources.ts';
import { Client, staffUser, startInstance, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { publish } from './support/directory.ts';

const BASE = 'http://localhost:8080/api/fhir';
const AS = 'https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/';
const IDNPS = 'urn:oid:1.2.250.1.71.4.2.1';
const RPPS = 'https://rpps.esante.gouv.fr';
const ID_TYPES = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203';
const G15 = 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante';
const R38 = 'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale';
const R04 = 'https://mos.esante.gouv.fr/NOS/TRE_R04-TypeSavoirFaire/FHIR/TRE-R04-TypeSavoirFaire';
const R257 = 'https://mos.esante.gouv.fr/NOS/TRE_R257-TypeBAL/FHIR/TRE-R257-TypeBAL';

function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

describe('FHIR name narrowing', () => {
  it('never lets the SQL narrowing miss a name the accent-blind prefix rule matches', async () => {
    const db = new Kysely<Record<string, never>>({
      dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }),
    });
    // Letters French (and other European) names are written with, ligatures, and word breaks.
    const char = fc.constantFrom(
      ..."abcdeèéêëfghiîïjklmnoôöœpqrsßtuùûüvwxyÿzçæøłđñřşžABÉÈÇŒÆŁ019-' ’.".split(''),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(char, { minLength: 1, maxLength: 14 }),
        fc.nat(),
        fc.boolean(),
        async (chars, cut, anyWord) => {
          const name = chars.join('');
          const normalised = normaliseForSearch(name);
          if (normalised === '') return;
          // A query that matches: the start of the name, or (anyWord) of one of its words.
          const words = normalised.split(' ');
          const from = anyWord ? words.slice(cut % words.length).join(' ') : normalised;
          const query = normaliseForSearch(from.slice(0, 1 + (cut % from.length)));
          if (query === '') return;
          expect(nameMatches(name, query, anyWord)).toBe(true);
          const { hit } = await db
            .selectNoFrom(sql<number>`${nameCandidates(sql.val(name), query, anyWord)}`.as('hit'))
            .executeTakeFirstOrThrow();
          expect(hit, `${name} / ${query}`).toBe(1);
        },
      ),
      { numRuns: 3000 },
    );
    await db.destroy();
  });
});

for (const backend of testBackends()) {
  describe(`FHIR directory on ${backend.name}`, () => {
    let t: TestInstance;
    let anonymous: Client;
    let signedIn: Client;
    let orgA: string;
    let orgB: string;
    let orgC: string;
    let finessA: string;
    const rpps = randomRpps();
    const adeli = randomAdeli();
    const ids = {} as {
      lefevre: string;
      lefebvre: string;
      cardiology: string;
      coeur: string;
      unlisted: string;
    };

    const get = <T>(client: Client, path: string) => client.get<T>(`/api/fhir/${path}`);
    const search = async <T>(path: string, client = anonymous) => {
      const answer = await get<Bundle>(client, path);
      expect(answer.status, answer.text).toBe(200);
      return { bundle: answer.body, resources: answer.body.entry.map((e) => e.resource as T) };
    };

    beforeAll(async () => {
      t = await startInstance(backend);
      finessA = randomFiness();
      orgA = (
        await t.ctx.organisations.create(CONSOLE_ACTOR, {
          kind: 'hospital',
          name: 'Centre hospitalier de Dunkerque',
          finess: finessA,
          addressLine1: '130 avenue Louis Herbeaux',
          postalCode: '59240',
          city: 'Dunkerque',
        })
      ).id;
      orgB = (
        await t.ctx.organisations.create(CONSOLE_ACTOR, {
          kind: 'clinic',
          name: 'Clinique Saint-Éloi',
          finess: randomFiness(),
          city: 'Lille',
        })
      ).id;
      orgC = (await t.ctx.organisations.create(CONSOLE_ACTOR, { kind: 'ehpad', name: 'EHPAD Les Tilleuls' }))
        .id;

      ids.lefevre = await publish(t, orgA, {
        lastName: 'Lefèvre',
        firstName: 'Jean-Pierre',
        profession: '10',
        specialty: 'SM04',
        nationalId: rpps,
        mailboxes: [
          { address: 'jp.lefevre@ch-dunkerque.test', kind: 'PER' },
          { address: 'jp_lefevre.avis@ch-dunkerque.test', kind: 'PER' },
        ],
        departement: '59',
      });
      ids.lefebvre = await publish(t, orgA, {
        lastName: 'Lefebvre',
        firstName: 'Anne',
        profession: '10',
        specialty: 'SM54',
        nationalIdKind: 'adeli',
        nationalId: adeli,
        mailboxes: [{ address: 'anne.lefebvre@ch-dunkerque.test', kind: 'PER' }],
      });
      ids.cardiology = await publish(t, orgA, {
        serviceName: 'Cardiologie',
        specialty: 'SM04',
        mailboxes: [{ address: 'cardiologie@ch-dunkerque.test', kind: 'ORG' }],
      });
      ids.coeur = await publish(t, orgB, {
        lastName: 'Cœurdevey',
        firstName: 'Éloïse',
        profession: '10',
        specialty: 'SM15',
        mailboxes: [{ address: 'e.coeurdevey@clinique-eloi.test', kind: 'PER' }],
      });
      ids.unlisted = await publish(t, orgC, {
        lastName: 'Martin',
        firstName: 'Paul',
        profession: '10',
        specialty: 'SM54',
        mailboxes: [{ address: 'p.martin@tilleuls.test', kind: 'PER' }],
        unlisted: true,
      });
      for (let i = 1; i <= 23; i++) {
        await publish(t, orgB, {
          lastName: 'Dupont',
          firstName: `Claire ${String(i).padStart(2, '0')}`,
          profession: '10',
          specialty: 'SM38',
          mailboxes: [{ address: `c.dupont${i}@clinique-eloi.test`, kind: 'PER' }],
        });
      }
      // Proposed, never approved: never in FHIR answers.
      await t.ctx.directory.submit(
        { userId: crypto.randomUUID(), roles: [{ role: 'establishment_admin', organisationId: orgA }] },
        orgA,
        {
          action: 'create',
          input: {
            lastName: 'Lefort',
            firstName: 'Luc',
            specialty: 'SM54',
            mailboxes: [{ address: 'l.lefort@ch-dunkerque.test', kind: 'PER' }],
          },
        },
      );
      anonymous = new Client(t.app);
      signedIn = (await staffUser(t, 'professional')).client;
    });
    afterAll(async () => t.close());

    it('maps a practitioner with RPPS, profession, specialty and mailboxes to the Annuaire Santé shape', async () => {
      const answer = await get<Bundle>(anonymous, 'Practitioner?family=lefe');
      expect(answer.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
      const bundle = answer.body;
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 2 });
      expect(bundle.link).toEqual([
        { relation: 'self', url: `${BASE}/Practitioner?family=lefe&_count=20&_offset=0` },
      ]);
      // Sorted by accent-free name: "lefebvre" before "lefevre"; the pending Lefort is not there.
      expect(bundle.entry.map((e) => e.fullUrl)).toEqual([
        `${BASE}/Practitioner/${ids.lefebvre}`,
        `${BASE}/Practitioner/${ids.lefevre}`,
      ]);
      expect(bundle.entry.every((e) => e.search.mode === 'match')).toBe(true);

      const lefevre = bundle.entry[1]!.resource as Practitioner;
      expect(lefevre).toEqual({
        resourceType: 'Practitioner',
        id: ids.lefevre,
        meta: { profile: [`${AS}as-practitioner`], lastUpdated: '2026-03-02T08:00:00.000Z' },
        active: true,
        identifier: [
          {
            use: 'official',
            type: { coding: [{ system: ID_TYPES, code: 'IDNPS' }] },
            system: IDNPS,
            value: `8${rpps}`,
          },
          {
            use: 'official',
            type: { coding: [{ system: ID_TYPES, code: 'RPPS' }] },
            system: RPPS,
            value: rpps,
          },
        ],
        name: [{ use: 'official', family: 'Lefèvre', given: ['Jean-Pierre'] }],
        telecom: [
          {
            system: 'email',
            value: 'jp.lefevre@ch-dunkerque.test',
            use: 'work',
            rank: 1,
            extension: [
              {
                url: `${AS}as-ext-mailbox-mss-metadata`,
                extension: [
                  { url: 'type', valueCodeableConcept: { coding: [{ system: R257, code: 'PER' }] } },
                  { url: 'listeRouge', valueBoolean: false },
                ],
              },
            ],
          },
          expect.objectContaining({ value: 'jp_lefevre.avis@ch-dunkerque.test', rank: 2 }),
        ],
        qualification: [
          { code: { coding: [{ system: G15, code: '10', display: 'Médecin' }] } },
          {
            code: {
              coding: [
                { system: R04, code: 'S' },
                { system: R38, code: 'SM04', display: 'Cardiologie et Maladies vasculaires' },
              ],
            },
          },
        ],
      });
      // An ADELI is carried as idNat_PS "0" + ADELI only.
      expect((bundle.entry[0]!.resource as Practitioner).identifier).toEqual([
        {
          use: 'official',
          type: { coding: [{ system: ID_TYPES, code: 'IDNPS' }] },
          system: IDNPS,
          value: `0${adeli}`,
        },
      ]);
    });

    it('matches family and given names as prefixes, ignoring case, accents, hyphens and ligatures', async () => {
      const ofFamily = async (query: string) =>
        (await search<Practitioner>(`Practitioner?${query}`)).resources.map((p) => p.id);
      expect(await ofFamily('family=LEF%C3%88VRE')).toEqual([ids.lefevre]);
      expect(await ofFamily('family=lefevre&given=jean%20pierre')).toEqual([ids.lefevre]);
      expect(await ofFamily('given=jean-p')).toEqual([ids.lefevre]);
      expect(await ofFamily('family=coeur')).toEqual([ids.coeur]);
      expect(await ofFamily('family=c%C5%93urdevey&given=eloise')).toEqual([ids.coeur]);
      expect(await ofFamily('family=fevre')).toEqual([]); // a prefix, not a substring
      expect(await ofFamily('given=paul')).toEqual([]); // unlisted: not for anonymous callers
    });

    it('finds practitioners by identifier and by qualification code, bare or with a system', async () => {
      const found = async (query: string) =>
        (await search<Practitioner>(`Practitioner?${query}`)).resources.map((p) => p.id);
      expect(await found(`identifier=${encodeURIComponent(`${IDNPS}|8${rpps}`)}`)).toEqual([ids.lefevre]);
      expect(await found(`identifier=${encodeURIComponent(`${RPPS}|${rpps}`)}`)).toEqual([ids.lefevre]);
      expect(await found(`identifier=${rpps}`)).toEqual([ids.lefevre]);
      expect(await found(`identifier=${encodeURIComponent(`${IDNPS}|0${adeli}`)}`)).toEqual([ids.lefebvre]);
      expect(await found(`identifier=${encodeURIComponent(`${RPPS}|${adeli}`)}`)).toEqual([]);
      expect(await found(`identifier=${encodeURIComponent(`urn:oid:1.2.3|${rpps}`)}`)).toEqual([]);
      // The service entry has a specialty but no person: it is a PractitionerRole only.
      expect(await found('qualification-code=SM04')).toEqual([ids.lefevre]);
      expect(await found(`qualification-code=${encodeURIComponent(`${R38}|SM54`)}`)).toEqual([ids.lefebvre]);
      expect(await found('qualification-code=SM54,SM15')).toEqual([ids.coeur, ids.lefebvre]);
      const doctors = await search<Practitioner>(
        `Practitioner?qualification-code=${encodeURIComponent(`${G15}|10`)}`,
      );
      expect(doctors.bundle.total).toBe(2 + 1 + 23);
    });

    it('pages with _count and _offset and links the next page, on both search paths', async () => {
      for (const query of ['family=dupont', 'qualification-code=SM38']) {
        const seen: string[] = [];
        let path = `Practitioner?${query}&_count=10`;
        const totals: number[] = [];
        for (;;) {
          const { bundle } = await search<Practitioner>(path);
          totals.push(bundle.total);
          seen.push(...bundle.entry.map((e) => (e.resource as Practitioner).name[0]!.given[0]!));
          const next = bundle.link.find((l) => l.relation === 'next');
          if (next === undefined) break;
          expect(next.url).toContain('_count=10');
          path = pathOf(next.url).replace('/api/fhir/', '');
        }
        expect(totals).toEqual([23, 23, 23]);
        expect(seen).toEqual(
          Array.from({ length: 23 }, (_, i) => `Claire ${String(i + 1).padStart(2, '0')}`),
        );
      }
      const last = await search<Practitioner>('Practitioner?family=dupont&_count=10&_offset=20');
      expect(last.bundle.link.map((l) => l.relation)).toEqual(['self', 'previous']);
      const capped = await search<Practitioner>('Practitioner?family=dupont&_count=500');
      expect(capped.resources).toHaveLength(23);
      expect(capped.bundle.link[0]!.url).toContain('_count=100');
    });

    it('shows unlisted entries and their establishment to signed-in users only', async () => {
      expect((await search<Practitioner>('Practitioner?family=martin')).bundle.total).toBe(0);
      expect((await search<Practitioner>('Practitioner?family=martin', signedIn)).bundle.total).toBe(1);
      const hidden = await get<OperationOutcome>(anonymous, `Practitioner/${ids.unlisted}`);
      expect(hidden.status).toBe(404);
      expect(hidden.body.issue[0]).toMatchObject({ severity: 'error', code: 'not-found' });
      expect(hidden.body.issue[0]!.details.coding[0]!.code).toBe('ENTRY_NOT_FOUND');
      expect((await get<Practitioner>(signedIn, `Practitioner/${ids.unlisted}`)).status).toBe(200);
      expect((await search<Organization>('Organization?name=tilleuls')).bundle.total).toBe(0);
      expect((await search<Organization>('Organization?name=tilleuls', signedIn)).bundle.total).toBe(1);
      const mailbox = (
        await search<PractitionerRole>('PractitionerRole?mailbox=p.martin@tilleuls.test', signedIn)
      ).resources[0]!;
      expect(mailbox.telecom[0]!.extension![0]!.extension).toContainEqual({
        url: 'listeRouge',
        valueBoolean: true,
      });
    });

    it('lists the roles of an establishment, services included, with _include of practitioners and organisation', async () => {
      const { bundle, resources } = await search<PractitionerRole>(
        `PractitionerRole?organization=Organization/${orgA}&_include=PractitionerRole:practitioner&_include=PractitionerRole:organization`,
      );
      expect(bundle.total).toBe(3);
      const matches = bundle.entry.filter((e) => e.search.mode === 'match');
      expect(matches.map((e) => e.fullUrl)).toEqual([
        `${BASE}/PractitionerRole/${ids.cardiology}`,
        `${BASE}/PractitionerRole/${ids.lefebvre}`,
        `${BASE}/PractitionerRole/${ids.lefevre}`,
      ]);
      expect(bundle.entry.filter((e) => e.search.mode === 'include').map((e) => e.fullUrl)).toEqual([
        `${BASE}/Practitioner/${ids.lefebvre}`,
        `${BASE}/Practitioner/${ids.lefevre}`,
        `${BASE}/Organization/${orgA}`,
      ]);
      expect(resources[0]).toEqual({
        resourceType: 'PractitionerRole',
        id: ids.cardiology,
        meta: { profile: [`${AS}as-practitionerrole`], lastUpdated: '2026-03-02T08:00:00.000Z' },
        active: true,
        organization: { reference: `Organization/${orgA}`, display: 'Centre hospitalier de Dunkerque' },
        specialty: [
          { coding: [{ system: R38, code: 'SM04', display: 'Cardiologie et Maladies vasculaires' }] },
        ],
        telecom: [
          {
            system: 'email',
            value: 'cardiologie@ch-dunkerque.test',
            use: 'work',
            rank: 1,
            extension: [
              {
                url: `${AS}as-ext-mailbox-mss-metadata`,
                extension: [
                  { url: 'type', valueCodeableConcept: { coding: [{ system: R257, code: 'ORG' }] } },
                  { url: 'service', valueString: 'Cardiologie' },
                  { url: 'listeRouge', valueBoolean: false },
                ],
              },
            ],
          },
        ],
      });
      expect(resources[2]).toMatchObject({
        practitioner: { reference: `Practitioner/${ids.lefevre}`, display: 'Jean-Pierre Lefèvre' },
        code: [{ coding: [{ system: G15, code: '10', display: 'Médecin' }] }],
      });

      const bySecondAddress = await search<PractitionerRole>(
        'PractitionerRole?mailbox=JP_Lefevre.Avis@ch-dunkerque.test',
      );
      expect(bySecondAddress.resources.map((r) => r.id)).toEqual([ids.lefevre]);
      // `_` is a literal in an address, not a LIKE wildcard.
      expect(
        (await search<PractitionerRole>('PractitionerRole?mailbox=jpxlefevre.avis@ch-dunkerque.test')).bundle
          .total,
      ).toBe(0);
      const byPractitioner = await search<PractitionerRole>(
        `PractitionerRole?practitioner=Practitioner/${ids.lefebvre}`,
      );
      expect(byPractitioner.resources.map((r) => r.id)).toEqual([ids.lefebvre]);
      const byIdentifier = await search<PractitionerRole>(
        `PractitionerRole?identifier=${rpps}&qualification-code=SM04`,
      );
      expect(byIdentifier.resources.map((r) => r.id)).toEqual([ids.lefevre]);
      expect((await get<PractitionerRole>(anonymous, `PractitionerRole/${ids.cardiology}`)).body.id).toBe(
        ids.cardiology,
      );
    });

    it('maps establishments to Organization with FINESS identifiers, kind and address', async () => {
      const byIdNat = await search<Organization>(
        `Organization?identifier=${encodeURIComponent(`urn:oid:1.2.250.1.71.4.2.2|1${finessA}`)}`,
      );
      expect(byIdNat.resources).toEqual([
        {
          resourceType: 'Organization',
          id: orgA,
          meta: { profile: [`${AS}as-organization`], lastUpdated: '2026-03-02T08:00:00.000Z' },
          active: true,
          identifier: [
            {
              use: 'official',
              type: { coding: [{ system: ID_TYPES, code: 'IDNST' }] },
              system: 'urn:oid:1.2.250.1.71.4.2.2',
              value: `1${finessA}`,
            },
            {
              use: 'official',
              type: { coding: [{ system: ID_TYPES, code: 'FINEG' }] },
              system: 'https://finess.esante.gouv.fr',
              value: finessA,
            },
          ],
          type: [
            {
              coding: [
                {
                  system: 'http://localhost:8080/api/fhir/CodeSystem/organisation-kind',
                  code: 'hospital',
                  display: 'Établissement de santé',
                },
              ],
            },
          ],
          name: 'Centre hospitalier de Dunkerque',
          address: [
            { use: 'work', line: ['130 avenue Louis Herbeaux'], postalCode: '59240', city: 'Dunkerque' },
          ],
        },
      ]);
      expect(
        (await search<Organization>(`Organization?identifier=${finessA}`)).resources.map((o) => o.id),
      ).toEqual([orgA]);
      expect((await search<Organization>('Organization?name=dunk')).resources.map((o) => o.id)).toEqual([
        orgA,
      ]);
      expect(
        (await search<Organization>('Organization?name=saint%20eloi')).resources.map((o) => o.id),
      ).toEqual([orgB]);
      const all = await search<Organization>('Organization');
      expect(all.resources.map((o) => o.name)).toEqual([
        'Centre hospitalier de Dunkerque',
        'Clinique Saint-Éloi',
      ]);
      expect((await get<Organization>(anonymous, `Organization/${orgA}`)).body.name).toBe(
        'Centre hospitalier de Dunkerque',
      );
      expect((await get<OperationOutcome>(anonymous, `Organization/${orgC}`)).status).toBe(404);
    });

    it('refuses parameters it does not understand with an OperationOutcome', async () => {
      for (const path of [
        'Practitioner?birthdate=1970',
        'Practitioner?_count=ten',
        'Practitioner?family:exact=Dupont',
        'Practitioner?family=---',
        'Practitioner?family=a&family=b',
        'PractitionerRole?organization=Practitioner/abc',
        'PractitionerRole?_include=Practitioner:organization',
        'Organization?_format=xml',
      ]) {
        const answer = await get<OperationOutcome>(anonymous, path);
        expect(answer.status, path).toBe(400);
        expect(answer.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
        expect(answer.body.resourceType).toBe('OperationOutcome');
        expect(answer.body.issue[0]).toMatchObject({
          severity: 'error',
          code: 'invalid',
          details: { coding: [{ code: 'VALIDATION_FAILED' }] },
        });
        expect(answer.body.issue[0]!.diagnostics, path).toMatch(/\w/);
      }
    });

    it('keeps a private directory from anonymous callers, and describes itself in metadata', async () => {
      const metadata = await get<{
        resourceType: string;
        fhirVersion: string;
        rest: { resource: { type: string; searchParam: { name: string }[] }[] }[];
      }>(anonymous, 'metadata');
      expect(metadata.body).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
      const resources = metadata.body.rest[0]!.resource;
      expect(resources.map((r) => r.type)).toEqual(['Practitioner', 'PractitionerRole', 'Organization']);
      expect(resources[0]!.searchParam.map((p) => p.name)).toEqual(
        expect.arrayContaining(['family', 'given', 'identifier', 'qualification-code', '_count']),
      );

      const config = t.ctx.config as { directoryPublic: boolean };
      config.directoryPublic = false;
      try {
        const refused = await get<OperationOutcome>(anonymous, 'Practitioner?family=lefe');
        expect(refused.status).toBe(401);
        expect(refused.body.issue[0]).toMatchObject({
          code: 'login',
          details: { coding: [{ code: 'NOT_AUTHENTICATED' }] },
        });
        expect((await search<Practitioner>('Practitioner?family=lefe', signedIn)).bundle.total).toBe(2);
      } finally {
        config.directoryPublic = true;
      }
    });
  });
}
