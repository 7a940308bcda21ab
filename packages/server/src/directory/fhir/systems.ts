/**
 * The URIs Liaison's FHIR answers use. Where a value comes from the French national directory
 * (Annuaire Santé) or FR Core implementation guides it is written here once, with where it was checked;
 * docs/fhir.md lists which ones were verified and which are our own choices.
 */

/** FHIR R4: the version every resource here is shaped for. */
export const FHIR_VERSION = '4.0.1';
export const FHIR_JSON = 'application/fhir+json';

/** Annuaire Santé profile canonicals (IG ans.fhir.fr.annuaire: profile ids as-practitioner…). */
const AS_PROFILE_BASE = 'https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/';
export const PROFILE = {
  practitioner: `${AS_PROFILE_BASE}as-practitioner`,
  practitionerRole: `${AS_PROFILE_BASE}as-practitionerrole`,
  organization: `${AS_PROFILE_BASE}as-organization`,
} as const;

/** MSSanté mailbox metadata extension (sub-extensions `type`, `service`, `listeRouge`). */
export const MAILBOX_METADATA_EXTENSION = `${AS_PROFILE_BASE}as-ext-mailbox-mss-metadata`;

/** FR Core identifier-type code system (codes IDNPS, RPPS, IDNST, FINEG…). */
export const IDENTIFIER_TYPE_SYSTEM = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203';

export const IDENTIFIER_SYSTEM = {
  /** idNat_PS: "8" + RPPS or "0" + ADELI. */
  idNatPs: 'urn:oid:1.2.250.1.71.4.2.1',
  /** The bare 11-digit RPPS (FR Core `rpps` slice). */
  rpps: 'https://rpps.esante.gouv.fr',
  /** idNat_Struct: "1" + FINESS for an establishment known by its FINESS. */
  idNatStruct: 'urn:oid:1.2.250.1.71.4.2.2',
  /** The bare 9-character FINESS (as in the Annuaire Santé examples). */
  finess: 'https://finess.esante.gouv.fr',
} as const;

/** Nomenclatures of the ANS (NOS) as FHIR CodeSystems. */
export const CODE_SYSTEM = {
  /** TRE_G15 ProfessionSante (10 médecin, 21 pharmacien…). */
  profession: 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante',
  /** TRE_R38 SpecialiteOrdinale (SM54 médecine générale…). */
  specialty: 'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale',
  /** TRE_R04 TypeSavoirFaire: `S` says the savoir-faire is an ordinal specialty. */
  savoirFaireType: 'https://mos.esante.gouv.fr/NOS/TRE_R04-TypeSavoirFaire/FHIR/TRE-R04-TypeSavoirFaire',
  /** TRE_R257 TypeBAL: PER, ORG, APP, CAB. */
  mailboxType: 'https://mos.esante.gouv.fr/NOS/TRE_R257-TypeBAL/FHIR/TRE-R257-TypeBAL',
} as const;

/**
 * Code systems of this instance (no national list matches them): establishment kinds and the error
 * catalogue. Instance-relative on purpose: they name this deployment's own vocabulary.
 */
export function localCodeSystem(publicUrl: string, name: 'organisation-kind' | 'error-code'): string {
  return `${publicUrl}/api/fhir/CodeSystem/${name}`;
}
