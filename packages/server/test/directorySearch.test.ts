import { randomUUID } from 'node:crypto';
import { specialtyLabel } from '@liaison/core/codes/lookup';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { matchSearch, normaliseForSearch, type MatchKind } from '@liaison/core/directory/searchText';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from '@liaison/core/synthetic/index';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Tx } from '../src/db/index.ts';
import {
  indexEntries,
  indexEntry,
  searchDirectory,
  SEARCH_RESULT_CAP,
  type DirectorySearchQuery,
} from '../src/directory/search/index.ts';
import { typoPrefixes } from '../src/directory/search/typos.ts';
import { freshDatabase, testBackends } from './support/databases.ts';

type State = 'pending' | 'published' | 'rejected' | 'retired';

interface EntrySpec {
  lastName?: string;
  firstName?: string;
  serviceName?: string;
  specialty?: string;
  departement?: string;
  state?: State;
  unlisted?: boolean;
}

interface Org {
  id: string;
  name: string;
  city: string;
}

/** What the test expects to be searchable, written independently of the index code. */
interface Entry extends Required<Pick<EntrySpec, 'specialty' | 'state' | 'unlisted'>> {
  id: string;
  org: Org;
  lastName: string | null;
  firstName: string | null;
  serviceName: string | null;
  departement: string | null;
  address: string;
  displayName: string;
}

const NOW = '2026-03-02T09:00:00.000Z';

async function insertOrg(tx: Tx, name: string, city: string): Promise<Org> {
  const org = { id: randomUUID(), name, city };
  await tx.db
    .insertInto('organisations')
    .values({ id: org.id, kind: 'hospital', name, city, created_at: NOW, updated_at: NOW })
    .execute();
  return org;
}

function entryOf(org: Org, spec: EntrySpec): Entry {
  const lastName = spec.lastName ?? null;
  const firstName = spec.firstName ?? null;
  const serviceName = spec.serviceName ?? null;
  const id = randomUUID();
  return {
    id,
    org,
    lastName,
    firstName,
    serviceName,
    specialty: spec.specialty ?? 'SM54',
    departement: spec.departement ?? null,
    state: spec.state ?? 'published',
    unlisted: spec.unlisted ?? false,
    address: `e${id.slice(0, 8)}@liaison.test`,
    displayName: entryDisplayName({ lastName, firstName, serviceName }),
  };
}

async function insertEntries(tx: Tx, entries: readonly Entry[]): Promise<void> {
  // In slices: SQLite allows so many parameters per statement.
  for (let start = 0; start < entries.length; start += 200) {
    await insertRows(tx, entries.slice(start, start + 200));
  }
  await indexEntries(
    tx,
    entries.map((e) => e.id),
  );
}

async function insertRows(tx: Tx, entries: readonly Entry[]): Promise<void> {
  await tx.db
    .insertInto('directory_entries')
    .values(
      entries.map((e) => ({
        id: e.id,
        organisation_id: e.org.id,
        state: e.state,
        version: 1,
        last_name: e.lastName,
        first_name: e.firstName,
        profession: null,
        specialty: e.specialty,
        national_id_kind: null,
        national_id: null,
        service_name: e.serviceName,
        address: e.address,
        mailbox_kind: e.serviceName === null ? ('PER' as const) : ('ORG' as const),
        mailboxes: JSON.stringify([{ address: e.address, kind: 'PER' }]),
        departement: e.departement,
        group_name: null,
        proxy_user: 0,
        accepts_attachments: 1,
        unlisted: e.unlisted ? 1 : 0,
        display_name: e.displayName,
        ldap_rdn: null,
        created_at: NOW,
        published_at: e.state === 'published' ? NOW : null,
        modified_at: NOW,
        retired_at: null,
        rpps_left_at: null,
      })),
    )
    .execute();
}

/** The searchable text of an entry as the issue lists it. */
function searchableText(e: Entry): string {
  return [
    e.lastName,
    e.firstName,
    e.serviceName,
    e.specialty,
    specialtyLabel(e.specialty, 'fr'),
    specialtyLabel(e.specialty, 'en'),
    e.org.name,
    e.org.city,
    e.departement,
    e.address,
  ]
    .filter((p) => p !== null)
    .join(' ');
}

const STRENGTH: Record<MatchKind, number> = { exact: 3, prefix: 2, typo: 1 };
const sortKey = (e: Entry): [string, string, string] => [
  normaliseForSearch(e.displayName),
  e.displayName,
  e.id,
];
function byDisplayName(a: Entry, b: Entry): number {
  const [x, y] = [sortKey(a), sortKey(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return 0;
}

/** Brute force over every entry: what a search must return, in order. */
function expected(entries: readonly Entry[], query: Omit<DirectorySearchQuery, 'limit' | 'offset'>) {
  return entries
    .filter((e) => e.state === 'published' && (query.includeUnlisted || !e.unlisted))
    .filter((e) => query.organisationId === undefined || e.org.id === query.organisationId)
    .filter((e) => query.specialty === undefined || e.specialty === query.specialty)
    .filter((e) => query.departement === undefined || e.departement === query.departement)
    .map((e) => ({ e, match: query.text.trim() === '' ? null : matchSearch(query.text, searchableText(e)) }))
    .filter((x) => query.text.trim() === '' || x.match !== null)
    .sort(
      (a, b) =>
        STRENGTH[b.match?.kind ?? 'exact'] - STRENGTH[a.match?.kind ?? 'exact'] || byDisplayName(a.e, b.e),
    )
    .map((x) => ({ entryId: x.e.id, match: x.match?.kind ?? 'exact' }));
}

describe('typo candidates', () => {
  // A small alphabet makes one-edit neighbours frequent among random pairs.
  const letter = fc.constantFrom('a', 'b', 'c', 'd');
  const word = (minLength: number, maxLength: number) => fc.string({ unit: letter, minLength, maxLength });
  /** A query and a word one random edit away from it, perhaps longer (the rest of a name). */
  const nearby = fc
    .tuple(word(4, 7), fc.nat(), fc.constantFrom('sub', 'ins', 'del', 'swap'), letter, word(0, 3))
    .map(([query, at, edit, c, rest]): [string, string] => {
      const i = at % query.length;
      const [before, after] = [query.slice(0, i), query.slice(i)];
      const edited = {
        sub: before + c + after.slice(1),
        ins: before + c + after,
        del: before + after.slice(1),
        swap: before + after.slice(1, 2) + after.slice(0, 1) + after.slice(2),
      }[edit];
      return [query, edited + rest];
    });

  it('are exactly the words the shared rules call a match with one typo', () => {
    let matches = 0;
    fc.assert(
      fc.property(fc.oneof(fc.tuple(word(4, 7), word(1, 9)), nearby), ([query, indexed]) => {
        const found = [query, ...typoPrefixes(query)].some((p) => indexed.startsWith(p));
        const match = matchSearch(query, indexed) !== null;
        if (match) matches++;
        return found === match;
      }),
      { numRuns: 3000 },
    );
    expect(matches).toBeGreaterThan(1000);
  });
});

for (const backend of testBackends()) {
  describe(`directory search on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ db, dispose } = await freshDatabase(backend));
    });
    afterAll(async () => dispose());

    /** A fresh organisation with entries, so each test can filter on its own. */
    async function seed(specs: EntrySpec[], place = { name: 'Centre hospitalier', city: 'Dunkerque' }) {
      return db.transaction(async (tx) => {
        const org = await insertOrg(tx, place.name, place.city);
        const entries = specs.map((spec) => entryOf(org, spec));
        await insertEntries(tx, entries);
        return { org, entries };
      });
    }

    const search = (text: string, more: Partial<DirectorySearchQuery> = {}) =>
      searchDirectory(db, { text, includeUnlisted: false, limit: 50, offset: 0, ...more });
    const ids = (result: { hits: { entryId: string }[] }) => result.hits.map((h) => h.entryId);

    it('ignores case, accents and hyphens', async () => {
      const { org, entries } = await seed([
        { lastName: 'Lefèvre', firstName: 'Jean-Pierre' },
        { lastName: 'Lefranc', firstName: 'Pierre' },
      ]);
      const [lefevre] = entries;
      const only = { organisationId: org.id };
      for (const text of [
        'lefevre',
        'LEFÈVRE',
        'Lefevre',
        'jean pierre',
        'jean-pierre',
        'Jean-Pierre Lefèvre',
      ]) {
        const result = await search(text, only);
        expect(result.hits, text).toEqual([{ entryId: lefevre!.id, match: 'exact' }]);
      }
      expect(ids(await search('lefevre'))).toContain(lefevre!.id);
    });

    it('forgives one typo on words of four letters or more, never on shorter ones', async () => {
      const { org, entries } = await seed([
        { lastName: 'Lefebvre', firstName: 'Anne' },
        { lastName: 'Bex', firstName: 'Hugo' },
        { lastName: 'Roux', firstName: 'Léa' },
      ]);
      const [lefebvre, , roux] = entries;
      const only = { organisationId: org.id };
      expect((await search('lefevbre', only)).hits).toEqual([{ entryId: lefebvre!.id, match: 'typo' }]);
      expect((await search('lfebvre', only)).hits).toEqual([{ entryId: lefebvre!.id, match: 'typo' }]);
      // A typo in the part typed so far of a longer word.
      expect((await search('lefeb anne', only)).hits).toEqual([{ entryId: lefebvre!.id, match: 'prefix' }]);
      expect((await search('lfeeb', only)).hits).toEqual([{ entryId: lefebvre!.id, match: 'typo' }]);
      expect((await search('roix', only)).hits).toEqual([{ entryId: roux!.id, match: 'typo' }]);
      expect((await search('bez', only)).hits).toEqual([]);
      expect((await search('bex', only)).hits).toHaveLength(1);
      expect((await search('lefevbre jean', only)).hits).toEqual([]);
    });

    it('ranks exact before prefix before typo, then by display name', async () => {
      const { org, entries } = await seed([
        { lastName: 'Marton', firstName: 'Alice' },
        { lastName: 'Martinez', firstName: 'Bruno' },
        { lastName: 'Martin', firstName: 'Zoé' },
        { lastName: 'Martin', firstName: 'Anne' },
      ]);
      const [marton, martinez, martinZoe, martinAnne] = entries;
      const result = await search('martin', { organisationId: org.id });
      expect(result).toEqual({
        total: 4,
        hits: [
          { entryId: martinAnne!.id, match: 'exact' },
          { entryId: martinZoe!.id, match: 'exact' },
          { entryId: martinez!.id, match: 'prefix' },
          { entryId: marton!.id, match: 'typo' },
        ],
      });
      // A result is as good as its weakest word.
      expect((await search('martin al', { organisationId: org.id })).hits).toEqual([
        { entryId: marton!.id, match: 'typo' },
      ]);
      expect((await search('marton al', { organisationId: org.id })).hits).toEqual([
        { entryId: marton!.id, match: 'prefix' },
      ]);
    });

    it('finds entries by specialty, organisation, city, département and address', async () => {
      const { org, entries } = await seed(
        [
          { lastName: 'Dupont', firstName: 'Paul', specialty: 'SM04', departement: '42' },
          { lastName: 'Dupont', firstName: 'Claire', specialty: 'SM15', departement: '42' },
          { lastName: 'Durand', firstName: 'Paul', specialty: 'SM04', departement: '2A' },
          { serviceName: 'Service de cardiologie', specialty: 'SM04', departement: '42' },
        ],
        { name: 'Clinique du Forez', city: 'Saint-Étienne' },
      );
      const [dupontCardio, dupontDermato, durandCardio, service] = entries;
      const only = { organisationId: org.id };
      const found = async (text: string) => new Set(ids(await search(text, only)));
      expect(await found('cardiologie')).toEqual(new Set([dupontCardio!.id, durandCardio!.id, service!.id]));
      expect(await found('cardiology')).toEqual(new Set([dupontCardio!.id, durandCardio!.id, service!.id]));
      expect(await found('sm15')).toEqual(new Set([dupontDermato!.id]));
      expect(await found('dupont cardio')).toEqual(new Set([dupontCardio!.id]));
      expect(await found('saint etienne')).toHaveProperty('size', 4);
      expect(await found('forez')).toHaveProperty('size', 4);
      expect(await found('2a')).toEqual(new Set([durandCardio!.id]));
      expect(await found('42 dupont')).toEqual(new Set([dupontCardio!.id, dupontDermato!.id]));
      expect(await found(dupontCardio!.address)).toEqual(new Set([dupontCardio!.id]));
      // Without the organisation filter too.
      expect(ids(await search('forez durand'))).toEqual([durandCardio!.id]);
    });

    it('lists the filtered entries by display name when there is no text', async () => {
      const { org, entries } = await seed([
        { lastName: 'Zola', firstName: 'Émile', specialty: 'SM04', departement: '13' },
        { lastName: 'Élie', firstName: 'Marc', specialty: 'SM04', departement: '13' },
        { lastName: 'Abel', firstName: 'Rémi', specialty: 'SM15', departement: '13' },
        { lastName: 'Dort', firstName: 'Rémi', specialty: 'SM04', departement: '13', unlisted: true },
      ]);
      const [zola, elie, abel, dort] = entries;
      const only = { organisationId: org.id };
      expect(ids(await search('', only))).toEqual([abel!.id, elie!.id, zola!.id]);
      expect(ids(await search('  -- ', only))).toEqual([abel!.id, elie!.id, zola!.id]);
      expect(ids(await search('', { ...only, includeUnlisted: true }))).toEqual([
        abel!.id,
        dort!.id,
        elie!.id,
        zola!.id,
      ]);
      expect(ids(await search('', { ...only, specialty: 'SM04' }))).toEqual([elie!.id, zola!.id]);
      expect((await search('', { ...only, departement: '13' })).total).toBe(3);
      expect((await search('', { ...only, departement: '14' })).total).toBe(0);
      expect((await search('', only)).hits.every((h) => h.match === 'exact')).toBe(true);
    });

    it('shows unlisted entries to verified users only, and never unpublished ones', async () => {
      const { entries } = await seed([
        { lastName: 'Quintanar', firstName: 'Ana', unlisted: true },
        { lastName: 'Quintanar', firstName: 'Bea', state: 'pending' },
        { lastName: 'Quintanar', firstName: 'Cleo', state: 'rejected' },
        { lastName: 'Quintanar', firstName: 'Dora', state: 'retired' },
        { lastName: 'Quintanar', firstName: 'Eva' },
      ]);
      const [unlisted, , , , listed] = entries;
      expect(ids(await search('quintanar'))).toEqual([listed!.id]);
      expect(ids(await search('quintanar', { includeUnlisted: true }))).toEqual([unlisted!.id, listed!.id]);
      expect(ids(await search('quintanar bea', { includeUnlisted: true }))).toEqual([]);
      expect(ids(await search('quintanr', { includeUnlisted: true }))).toEqual([unlisted!.id, listed!.id]);
    });

    it('follows changes: re-indexing removes old words, unpublishing removes the entry', async () => {
      const { entries } = await seed([{ lastName: 'Vauquelin', firstName: 'Odile' }]);
      const [entry] = entries;
      expect(ids(await search('vauquelin'))).toEqual([entry!.id]);

      await db.transaction(async (tx) => {
        await tx.db
          .updateTable('directory_entries')
          .set({ last_name: 'Brancourt', display_name: 'Brancourt Odile' })
          .where('id', '=', entry!.id)
          .execute();
        await indexEntry(tx, entry!.id);
        // Read-your-writes from inside the transaction (and no self-deadlock on SQLite).
        expect(ids(await search('brancourt'))).toEqual([entry!.id]);
      });
      expect(ids(await search('vauquelin'))).toEqual([]);
      expect(ids(await search('vauquelin odile'))).toEqual([]);
      expect(ids(await search('brancourt odile'))).toEqual([entry!.id]);

      await db.transaction(async (tx) => {
        await tx.db
          .updateTable('directory_entries')
          .set({ unlisted: 1 })
          .where('id', '=', entry!.id)
          .execute();
        await indexEntry(tx, entry!.id);
      });
      expect(ids(await search('brancourt'))).toEqual([]);
      expect(ids(await search('brancourt', { includeUnlisted: true }))).toEqual([entry!.id]);

      await db.transaction(async (tx) => {
        await tx.db
          .updateTable('directory_entries')
          .set({ state: 'retired' })
          .where('id', '=', entry!.id)
          .execute();
        await indexEntry(tx, entry!.id);
      });
      expect(ids(await search('brancourt', { includeUnlisted: true }))).toEqual([]);
      // An id that names no entry is simply not indexed.
      await db.transaction(async (tx) => indexEntry(tx, randomUUID()));
    });

    it('pages through results in a stable order, with the total', async () => {
      const names = Array.from({ length: 25 }, (_, i) => `Paginel ${String.fromCharCode(65 + i)}`);
      const { entries } = await seed(names.map((n) => ({ serviceName: n })).reverse());
      const all = [...entries].sort(byDisplayName).map((e) => e.id);
      const pages = [];
      for (const offset of [0, 10, 20, 30]) {
        const result = await search('paginel', { limit: 10, offset });
        expect(result.total).toBe(25);
        pages.push(...ids(result));
      }
      expect(pages).toEqual(all);
      expect(ids(await search('paginel', { limit: 0 }))).toEqual([]);
      expect(ids(await search('paginel', { limit: 5, offset: 23 }))).toEqual(all.slice(23));
    });

    it('never errors on characters that mean something to SQL or FTS5', async () => {
      await seed([{ lastName: "O'Neil", firstName: 'Near' }]);
      const texts = [
        '"',
        '*',
        "'",
        '(',
        ')',
        'OR',
        'NEAR',
        '-',
        'AND NOT',
        'o"neil',
        "o'neil",
        "'; DROP TABLE directory_entries; --",
        '"o" OR "x"',
        'NEAR(o neil)',
        'neil*',
        '^neil',
        'words : neil',
        '{words filters}: x',
        '% _ \\',
        'near or and not',
      ];
      for (const text of texts) {
        await expect(search(text, { includeUnlisted: true }), text).resolves.toHaveProperty('total');
      }
      expect((await search("o'neil")).hits).toHaveLength(1);
      expect((await search('near')).hits).toHaveLength(1);
    });

    it('keeps display-name order when many entries land between the same two neighbours', async () => {
      const { org } = await seed([{ serviceName: 'Gap Aa' }, { serviceName: 'Gap Cc' }]);
      // Each new name sorts after the previous one and before "Gap Cc": the room halves each time.
      for (let i = 0; i < 70; i++) {
        await db.transaction(async (tx) => {
          await insertEntries(tx, [entryOf(org, { serviceName: `Gap B${String(i).padStart(3, '0')}` })]);
        });
      }
      // And before "Gap Aa", each before the previous one.
      for (let i = 0; i < 30; i++) {
        await db.transaction(async (tx) => {
          await insertEntries(tx, [entryOf(org, { serviceName: `Gap A${String(99 - i).padStart(2, '0')}` })]);
        });
      }
      const listed = await search('', { organisationId: org.id, limit: 200 });
      const names = await db.read
        .selectFrom('directory_entries')
        .select(['id', 'display_name'])
        .where('organisation_id', '=', org.id)
        .execute();
      const nameOf = new Map(names.map((n) => [n.id, n.display_name]));
      const shown = listed.hits.map((h) => nameOf.get(h.entryId)!);
      expect(shown).toHaveLength(102);
      expect(shown).toEqual([...shown].sort());
      expect(ids(await search('gap', { organisationId: org.id, limit: 200 }))).toEqual(ids(listed));
    });
  });

  describe(`directory search on ${backend.name}, 5,000 entries`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    const entries: Entry[] = [];
    const orgs: Org[] = [];
    const SPECIALTIES = ['SM04', 'SM15', 'SM38', 'SM54'];
    const CITIES = ['Lille', 'Lyon', 'Brest', 'Nîmes', 'Saint-Malo'];

    beforeAll(async () => {
      ({ db, dispose } = await freshDatabase(backend));
      let seedValue = 7;
      const random = () => (seedValue = (seedValue * 16807) % 2147483647) / 2147483647;
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
      await db.transaction(async (tx) => {
        for (let i = 0; i < 20; i++)
          orgs.push(await insertOrg(tx, `Groupe ${pick(SURNAMES)} ${i}`, pick(CITIES)));
      });
      const specs: Entry[] = [];
      for (let i = 0; i < 5000; i++) {
        const female = random() < 0.5;
        // A suffix on some names gives prefix and typo neighbours ("Martin" / "Martinot").
        const lastName = pick(SURNAMES) + (random() < 0.3 ? pick(['ot', 'eau', 's', 'i']) : '');
        const state: State = random() < 0.9 ? 'published' : pick(['pending', 'rejected', 'retired'] as const);
        specs.push(
          entryOf(pick(orgs), {
            lastName,
            firstName: pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
            specialty: pick(SPECIALTIES),
            departement: String(10 + Math.floor(random() * 80)),
            state,
            unlisted: random() < 0.1,
          }),
        );
      }
      // Several transactions of random order, as imports and edits would come.
      for (let start = 0; start < specs.length; start += 1250) {
        await db.transaction(async (tx) => insertEntries(tx, specs.slice(start, start + 1250)));
      }
      entries.push(...specs);
    }, 120_000);
    afterAll(async () => dispose());

    const queries: Omit<DirectorySearchQuery, 'limit' | 'offset'>[] = [
      { text: 'martin', includeUnlisted: false },
      { text: 'martn', includeUnlisted: true },
      { text: 'dupond', includeUnlisted: false },
      { text: 'lefevre cl', includeUnlisted: true },
      { text: 'le', includeUnlisted: false },
      { text: 'camile', includeUnlisted: false },
      { text: 'garnier lyon', includeUnlisted: true },
      { text: 'thomas', includeUnlisted: false, specialty: 'SM38' },
      { text: 'rousseau', includeUnlisted: false, departement: '42' },
      { text: '', includeUnlisted: false, specialty: 'SM04' },
    ];

    it('returns what a brute-force scan with the shared rules returns, in the same order', async () => {
      for (const query of queries) {
        const all = expected(entries, query);
        const result = await searchDirectory(db, { ...query, limit: 40, offset: 0 });
        expect(result.total, query.text).toBe(Math.min(all.length, SEARCH_RESULT_CAP));
        expect(result.hits, query.text).toEqual(all.slice(0, 40));
        if (all.length > 60) {
          const deeper = await searchDirectory(db, { ...query, limit: 20, offset: 40 });
          expect(deeper.hits, `${query.text} page 3`).toEqual(all.slice(40, 60));
        }
      }
    });

    it('caps the total and serves no page past the cap', async () => {
      const all = expected(entries, { text: '', includeUnlisted: true });
      expect(all.length).toBeGreaterThan(SEARCH_RESULT_CAP);
      const last = await searchDirectory(db, {
        text: '',
        includeUnlisted: true,
        limit: 10,
        offset: SEARCH_RESULT_CAP - 5,
      });
      expect(last.total).toBe(SEARCH_RESULT_CAP);
      expect(last.hits).toHaveLength(5);
      const beyond = await searchDirectory(db, {
        text: 'm',
        includeUnlisted: true,
        limit: 10,
        offset: SEARCH_RESULT_CAP,
      });
      expect(beyond).toEqual({ total: SEARCH_RESULT_CAP, hits: [] });
    });
  });
}
