/**
 * Synthetic `PS_LibreAcces_Personne_activite` content, for tests, demos and benchmarks of the
 * importer. Lines come out one at a time, so a file the size of the national one (~1.9 M rows) can
 * be streamed to disk in constant memory.
 *
 * No real personal data: names are random combinations from the synthetic lists, identifiers use the
 * 99 prefix (outside allocated RPPS numbers), e-mails use the reserved `.example` domain, and phone
 * numbers are left empty rather than risk dialling someone. Places are real communes, which are
 * public geography, not people.
 */
import { TRE_R38 } from '../codes/treR38.ts';
import { professionLabel, specialtyLabel } from '../codes/lookup.ts';
import { luhnCheckDigit } from '../ids/luhn.ts';
import { randomFiness } from '../synthetic/ids.ts';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from '../synthetic/names.ts';
import { mulberry32, pad, pick, randomInt, type Rng } from '../synthetic/rng.ts';
import {
  RPPS_COLUMN_COUNT,
  RPPS_EXTRACTION_COLUMNS,
  RPPS_SEPARATOR,
  rppsColumnIndex,
  type RppsColumn,
} from './columns.ts';

export interface GenerateRppsOptions {
  readonly persons: number;
  readonly seed: number;
  /** Share of persons (0-1) whose RPPS gets a wrong Luhn key, as the national file's test identities do. Default 0. */
  readonly badKeyRate?: number;
  /** End each line with `|`, as the published files do. Default true. */
  readonly trailingPipe?: boolean;
}

/** One generated person with their rows, so tests can compare what the reader gives back. */
export interface SyntheticRppsPerson {
  readonly rpps: string;
  readonly badKey: boolean;
  /** Each row has exactly RPPS_COLUMN_COUNT fields, in header order. */
  readonly rows: readonly (readonly string[])[];
}

interface Commune {
  readonly postcode: string;
  readonly code: string;
  readonly label: string;
  readonly departement: string;
  readonly departementLabel: string;
}

const COMMUNES: readonly Commune[] = [
  {
    postcode: '75015',
    code: '75115',
    label: 'Paris 15e Arrondissement',
    departement: '75',
    departementLabel: 'Paris',
  },
  {
    postcode: '69003',
    code: '69383',
    label: 'Lyon 3e Arrondissement',
    departement: '69',
    departementLabel: 'Rhône',
  },
  {
    postcode: '13005',
    code: '13205',
    label: 'Marseille 5e Arrondissement',
    departement: '13',
    departementLabel: 'Bouches-du-Rhône',
  },
  {
    postcode: '31000',
    code: '31555',
    label: 'Toulouse',
    departement: '31',
    departementLabel: 'Haute-Garonne',
  },
  { postcode: '33000', code: '33063', label: 'Bordeaux', departement: '33', departementLabel: 'Gironde' },
  {
    postcode: '35000',
    code: '35238',
    label: 'Rennes',
    departement: '35',
    departementLabel: 'Ille-et-Vilaine',
  },
  { postcode: '29200', code: '29019', label: 'Brest', departement: '29', departementLabel: 'Finistère' },
  { postcode: '59000', code: '59350', label: 'Lille', departement: '59', departementLabel: 'Nord' },
  { postcode: '67000', code: '67482', label: 'Strasbourg', departement: '67', departementLabel: 'Bas-Rhin' },
  { postcode: '20000', code: '2A004', label: 'Ajaccio', departement: '2A', departementLabel: 'Corse-du-Sud' },
  {
    postcode: '97400',
    code: '97411',
    label: 'Saint-Denis',
    departement: '974',
    departementLabel: 'La Réunion',
  },
];

/** Weighted professions (TRE_G15 codes); doctors dominate, as in the national file. */
const PROFESSIONS: readonly string[] = ['10', '10', '10', '60', '60', '70', '21', '40', '50'];

/** Current (not deprecated) doctors' specialties, so generated rows look like today's file. */
const SM_CODES: readonly string[] = TRE_R38.codes
  .filter((entry) => entry.code.startsWith('SM') && !('deprecated' in entry))
  .map((entry) => entry.code);
const SCD_CODES: readonly string[] = TRE_R38.codes
  .filter((entry) => entry.code.startsWith('SCD') && !('deprecated' in entry))
  .map((entry) => entry.code);

const STREETS: readonly (readonly [string, string, string])[] = [
  ['R', 'Rue', 'DE LA RÉPUBLIQUE'],
  ['RTE', 'Route', 'DE BESANÇON'],
  ['PL', 'Place', 'DU MARCHÉ'],
  ['R', 'Rue', 'VICTOR HUGO'],
];

export function rppsHeaderLine(trailingPipe = true): string {
  return RPPS_EXTRACTION_COLUMNS.join(RPPS_SEPARATOR) + (trailingPipe ? RPPS_SEPARATOR : '');
}

/** Generated persons with their rows; `generateRppsExtraction` is the same stream as file lines. */
export function* generateRppsPersons(
  options: GenerateRppsOptions,
): Generator<SyntheticRppsPerson, void, undefined> {
  const { persons, seed, badKeyRate = 0 } = options;
  if (!Number.isInteger(persons) || persons < 0 || persons > 100_000_000) {
    throw new RangeError('persons must be an integer between 0 and 100 000 000');
  }
  const rng = mulberry32(seed);
  // Consecutive numbers from a random start: unique within a file (random draws would collide at
  // this size), still varying with the seed.
  const start = randomInt(rng, 0, 99_999_999);
  for (let i = 0; i < persons; i++) {
    const body = '99' + pad((start + i) % 100_000_000, 8);
    const key = luhnCheckDigit(body);
    const badKey = badKeyRate > 0 && rng() < badKeyRate;
    // Any other digit breaks Luhn; shifting by 1-9 keeps it a digit.
    const rpps = body + (badKey ? String((Number(key) + randomInt(rng, 1, 9)) % 10) : key);
    yield { rpps, badKey, rows: personRows(rng, rpps) };
  }
}

/** Header then one line per activity, without line terminators (the writer picks `\n` or `\r\n`). */
export function* generateRppsExtraction(options: GenerateRppsOptions): Generator<string, void, undefined> {
  const trailing = (options.trailingPipe ?? true) ? RPPS_SEPARATOR : '';
  yield rppsHeaderLine(options.trailingPipe ?? true);
  for (const person of generateRppsPersons(options)) {
    for (const row of person.rows) yield row.join(RPPS_SEPARATOR) + trailing;
  }
}

function activityCount(rng: Rng): number {
  const x = rng();
  if (x < 0.7) return 1;
  if (x < 0.9) return 2;
  return randomInt(rng, 3, 4);
}

function asciiLower(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-');
}

/** Sets cells by column name on a row in header order. */
function setCells(row: string[], fields: readonly (readonly [RppsColumn, string])[]): void {
  for (const [column, value] of fields) row[rppsColumnIndex(column)] = value;
}

function personRows(rng: Rng, rpps: string): string[][] {
  const female = rng() < 0.5;
  const firstName = pick(rng, female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const surname = pick(rng, SURNAMES);
  // The national file writes the practice name in capitals; toUpperCase keeps the accents (È, Ë…).
  const lastName = surname.toUpperCase();
  const profession = pick(rng, PROFESSIONS);
  const doctorTitle = (profession === '10' || profession === '40' || profession === '21') && rng() < 0.6;
  // Identity cells repeat on every activity row of the person, as in the national file.
  const identity = new Array<string>(RPPS_COLUMN_COUNT).fill('');
  setCells(identity, [
    ["Type d'identifiant PP", '8'],
    ['Identifiant PP', rpps],
    ['Identification nationale PP', '8' + rpps],
    ["Code civilité d'exercice", doctorTitle ? 'DR' : ''],
    ["Libellé civilité d'exercice", doctorTitle ? 'Docteur' : ''],
    ['Code civilité', female ? 'MME' : 'M'],
    ['Libellé civilité', female ? 'Madame' : 'Monsieur'],
    ["Nom d'exercice", lastName],
    ["Prénom d'exercice", firstName],
    ['Code profession', profession],
    ['Libellé profession', professionLabel(profession) ?? ''],
    ['Code catégorie professionnelle', 'C'],
    ['Libellé catégorie professionnelle', 'Civil'],
    ["Autorité d'enregistrement", profession === '10' ? 'CNOM/CNOM/CNOM' : 'ARS/CPAM/CPAM'],
  ]);
  const specialty =
    profession === '10'
      ? pick(rng, SM_CODES)
      : profession === '40' && rng() < 0.2
        ? pick(rng, SCD_CODES)
        : null;
  if (specialty !== null) {
    setCells(identity, [
      ['Code type savoir-faire', 'S'],
      ['Libellé type savoir-faire', 'Spécialité ordinale'],
      ['Code savoir-faire', specialty],
      ['Libellé savoir-faire', specialtyLabel(specialty) ?? ''],
    ]);
  }
  const rows: string[][] = [];
  const count = activityCount(rng);
  for (let a = 0; a < count; a++) {
    const commune = pick(rng, COMMUNES);
    const liberal = rng() < 0.6;
    const [streetCode, streetLabel, street] = pick(rng, STREETS);
    const row = identity.slice();
    setCells(row, [
      ['Code mode exercice', liberal ? 'L' : 'S'],
      ['Libellé mode exercice', liberal ? 'Libéral' : 'Salarié'],
      ['Numéro FINESS site', liberal ? '' : randomFiness(rng)],
      ['Numéro FINESS établissement juridique', liberal ? '' : randomFiness(rng)],
      [
        'Raison sociale site',
        liberal ? `CABINET ${lastName}` : `CENTRE DE SANTÉ ${commune.label.toUpperCase()}`,
      ],
      ['Numéro Voie (coord. structure)', String(randomInt(rng, 1, 200))],
      ['Code type de voie (coord. structure)', streetCode],
      ['Libellé type de voie (coord. structure)', streetLabel],
      ['Libellé Voie (coord. structure)', street],
      ['Code postal (coord. structure)', commune.postcode],
      ['Code commune (coord. structure)', commune.code],
      ['Libellé commune (coord. structure)', commune.label],
      [
        'Adresse e-mail (coord. structure)',
        rng() < 0.3 ? `${asciiLower(firstName)}.${asciiLower(surname)}@sante.example` : '',
      ],
      ['Code Département (structure)', commune.departement],
      ['Libellé Département (structure)', commune.departementLabel],
      ["Code secteur d'activité", liberal ? 'SA07' : 'SA05'],
      ["Libellé secteur d'activité", liberal ? 'Cabinet individuel' : 'Centre de santé'],
    ]);
    rows.push(row);
  }
  return rows;
}
