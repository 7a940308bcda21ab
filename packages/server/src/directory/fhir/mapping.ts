import type { DirectoryEntryFields } from '@liaison/core/api/directory';
import { professionLabel, specialtyLabel } from '@liaison/core/codes/index';
import type { OrganisationRow } from '../../db/schema.ts';
import { rowFields } from '../entryRows.ts';
import type { PublishedEntryRow } from '../exports/publishedEntries.ts';
import type {
  CodeableConcept,
  ContactPoint,
  Identifier,
  Organization,
  Practitioner,
  PractitionerRole,
} from './resources.ts';
import {
  CODE_SYSTEM,
  IDENTIFIER_SYSTEM,
  IDENTIFIER_TYPE_SYSTEM,
  localCodeSystem,
  MAILBOX_METADATA_EXTENSION,
  PROFILE,
} from './systems.ts';

/** French labels of Liaison's establishment kinds (no national list has the same cut). */
const KIND_LABELS: Record<string, string> = {
  hospital: 'Établissement de santé',
  clinic: 'Clinique',
  ehpad: 'EHPAD',
  lab: 'Laboratoire de biologie médicale',
  practice: 'Cabinet',
  pharmacy: 'Pharmacie',
  other: 'Autre',
};

function identifierType(code: string): CodeableConcept {
  return { coding: [{ system: IDENTIFIER_TYPE_SYSTEM, code }] };
}

/** An entry that names a person (surname and first name) is also a Practitioner. */
export function hasPerson(row: Pick<PublishedEntryRow, 'last_name' | 'first_name'>): boolean {
  return row.last_name !== null && row.first_name !== null;
}

/** idNat_PS ("8" + RPPS, "0" + ADELI) and, for an RPPS, the bare RPPS as FR Core's `rpps` slice. */
export function practitionerIdentifiers(fields: DirectoryEntryFields): Identifier[] {
  if (fields.nationalId === null || fields.nationalIdKind === null) return [];
  const rpps = fields.nationalIdKind === 'rpps';
  const idNatPs: Identifier = {
    use: 'official',
    type: identifierType('IDNPS'),
    system: IDENTIFIER_SYSTEM.idNatPs,
    value: `${rpps ? '8' : '0'}${fields.nationalId}`,
  };
  if (!rpps) return [idNatPs];
  return [
    idNatPs,
    {
      use: 'official',
      type: identifierType('RPPS'),
      system: IDENTIFIER_SYSTEM.rpps,
      value: fields.nationalId,
    },
  ];
}

/** Every mailbox of the entry, main first, with its type (PER/ORG/APP/CAB), service and red-list flag. */
export function mailboxTelecom(fields: DirectoryEntryFields): ContactPoint[] {
  return fields.mailboxes.map((mailbox, index) => ({
    system: 'email',
    value: mailbox.address,
    use: 'work',
    rank: index + 1,
    extension: [
      {
        url: MAILBOX_METADATA_EXTENSION,
        extension: [
          {
            url: 'type',
            valueCodeableConcept: { coding: [{ system: CODE_SYSTEM.mailboxType, code: mailbox.kind }] },
          },
          ...(fields.serviceName !== null ? [{ url: 'service', valueString: fields.serviceName }] : []),
          { url: 'listeRouge', valueBoolean: fields.unlisted },
        ],
      },
    ],
  }));
}

function professionConcept(code: string): CodeableConcept {
  const display = professionLabel(code);
  return { coding: [{ system: CODE_SYSTEM.profession, code, ...(display !== null && { display }) }] };
}

function specialtyCoding(code: string) {
  const display = specialtyLabel(code);
  return { system: CODE_SYSTEM.specialty, code, ...(display !== null && { display }) };
}

/** The person of an entry: its id is the entry's, as one entry is one place of practice. */
export function practitionerOf(row: PublishedEntryRow): Practitioner {
  const fields = rowFields(row);
  const identifier = practitionerIdentifiers(fields);
  return {
    resourceType: 'Practitioner',
    id: row.id,
    meta: { profile: [PROFILE.practitioner], lastUpdated: row.modified_at },
    active: true,
    ...(identifier.length > 0 && { identifier }),
    name: [
      { use: 'official', family: fields.lastName ?? '', given: fields.firstName ? [fields.firstName] : [] },
    ],
    telecom: mailboxTelecom(fields),
    qualification: [
      // exercicePro: the profession (TRE_G15); savoirFaire: the ordinal specialty (TRE_R04 "S" + TRE_R38).
      ...(fields.profession !== null ? [{ code: professionConcept(fields.profession) }] : []),
      {
        code: {
          coding: [{ system: CODE_SYSTEM.savoirFaireType, code: 'S' }, specialtyCoding(fields.specialty)],
        },
      },
    ],
  };
}

/** Where and how the entry is reached: its establishment, profession, specialty and mailboxes. */
export function practitionerRoleOf(row: PublishedEntryRow): PractitionerRole {
  const fields = rowFields(row);
  return {
    resourceType: 'PractitionerRole',
    id: row.id,
    meta: { profile: [PROFILE.practitionerRole], lastUpdated: row.modified_at },
    active: true,
    ...(hasPerson(row) && {
      practitioner: {
        reference: `Practitioner/${row.id}`,
        display: `${fields.firstName} ${fields.lastName}`,
      },
    }),
    organization: { reference: `Organization/${row.organisation_id}`, display: row.organisation_name },
    ...(fields.profession !== null && { code: [professionConcept(fields.profession)] }),
    specialty: [{ coding: [specialtyCoding(fields.specialty)] }],
    telecom: mailboxTelecom(fields),
  };
}

export type OrganisationColumns = Pick<
  OrganisationRow,
  | 'id'
  | 'kind'
  | 'name'
  | 'finess'
  | 'address_line1'
  | 'address_line2'
  | 'postal_code'
  | 'city'
  | 'updated_at'
>;

/** An establishment: idNat_Struct ("1" + FINESS) and the FINESS itself, its kind, name and address. */
export function organizationOf(org: OrganisationColumns, publicUrl: string): Organization {
  const identifier: Identifier[] =
    org.finess === null
      ? []
      : [
          {
            use: 'official',
            type: identifierType('IDNST'),
            system: IDENTIFIER_SYSTEM.idNatStruct,
            value: `1${org.finess}`,
          },
          {
            use: 'official',
            type: identifierType('FINEG'),
            system: IDENTIFIER_SYSTEM.finess,
            value: org.finess,
          },
        ];
  const line = [org.address_line1, org.address_line2].filter((l): l is string => l !== null && l !== '');
  const hasAddress = line.length > 0 || org.postal_code !== null || org.city !== null;
  return {
    resourceType: 'Organization',
    id: org.id,
    meta: { profile: [PROFILE.organization], lastUpdated: org.updated_at },
    active: true,
    ...(identifier.length > 0 && { identifier }),
    type: [
      {
        coding: [
          {
            system: localCodeSystem(publicUrl, 'organisation-kind'),
            code: org.kind,
            display: KIND_LABELS[org.kind] ?? org.kind,
          },
        ],
      },
    ],
    name: org.name,
    ...(hasAddress && {
      address: [
        {
          use: 'work',
          ...(line.length > 0 && { line }),
          ...(org.postal_code !== null && { postalCode: org.postal_code }),
          ...(org.city !== null && { city: org.city }),
        },
      ],
    }),
  };
}
