/**
 * Header of the national open-data extraction `PS_LibreAcces_Personne_activite` (Annuaire Santé, ANS):
 * pipe-separated, UTF-8, one header line, one row per activity.
 *
 * This list is the single place to correct if ANS changes the layout: the reader refuses any file
 * whose header differs, so a silent column shift cannot put a postcode in the e-mail field.
 * Where each name was confirmed is recorded in docs/rpps-extraction.md.
 */
export const RPPS_EXTRACTION_COLUMNS = [
  "Type d'identifiant PP",
  'Identifiant PP',
  'Identification nationale PP',
  "Code civilité d'exercice",
  "Libellé civilité d'exercice",
  'Code civilité',
  'Libellé civilité',
  "Nom d'exercice",
  "Prénom d'exercice",
  'Code profession',
  'Libellé profession',
  'Code catégorie professionnelle',
  'Libellé catégorie professionnelle',
  'Code type savoir-faire',
  'Libellé type savoir-faire',
  'Code savoir-faire',
  'Libellé savoir-faire',
  'Code mode exercice',
  'Libellé mode exercice',
  'Numéro SIRET site',
  'Numéro SIREN site',
  'Numéro FINESS site',
  'Numéro FINESS établissement juridique',
  'Identifiant technique de la structure',
  'Raison sociale site',
  'Enseigne commerciale site',
  'Complément destinataire (coord. structure)',
  'Complément point géographique (coord. structure)',
  'Numéro Voie (coord. structure)',
  'Indice répétition voie (coord. structure)',
  'Code type de voie (coord. structure)',
  'Libellé type de voie (coord. structure)',
  'Libellé Voie (coord. structure)',
  'Mention distribution (coord. structure)',
  'Bureau cedex (coord. structure)',
  'Code postal (coord. structure)',
  'Code commune (coord. structure)',
  'Libellé commune (coord. structure)',
  'Code pays (coord. structure)',
  'Libellé pays (coord. structure)',
  'Téléphone (coord. structure)',
  'Téléphone 2 (coord. structure)',
  'Télécopie (coord. structure)',
  'Adresse e-mail (coord. structure)',
  'Code Département (structure)',
  'Libellé Département (structure)',
  'Ancien identifiant de la structure',
  "Autorité d'enregistrement",
  "Code secteur d'activité",
  "Libellé secteur d'activité",
  'Code section tableau pharmaciens',
  'Libellé section tableau pharmaciens',
  'Code rôle',
  'Libellé rôle',
  'Code genre activité',
  'Libellé genre activité',
] as const;

export type RppsColumn = (typeof RPPS_EXTRACTION_COLUMNS)[number];

export const RPPS_COLUMN_COUNT = RPPS_EXTRACTION_COLUMNS.length;

/** The field separator. The format has no quoting: a value never contains `|`. */
export const RPPS_SEPARATOR = '|';

const INDEX: ReadonlyMap<string, number> = new Map(RPPS_EXTRACTION_COLUMNS.map((name, i) => [name, i]));

/** Position of a column, resolved by name so that mapping code never hard-codes offsets. */
export function rppsColumnIndex(column: RppsColumn): number {
  const i = INDEX.get(column);
  // Unreachable for a typed RppsColumn; kept so a typo in a cast fails loudly rather than reading field -1.
  if (i === undefined) throw new RangeError(`unknown RPPS extraction column: ${column}`);
  return i;
}
