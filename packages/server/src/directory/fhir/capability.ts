import { fhirBase } from './bundle.ts';
import { SEARCH_PARAMETERS, type FhirResourceType } from './params.ts';
import { FHIR_JSON, FHIR_VERSION, PROFILE } from './systems.ts';

const PARAMETER_DOCS: Record<string, { type: string; documentation: string }> = {
  family: { type: 'string', documentation: 'Surname starts with (case and accents ignored).' },
  given: { type: 'string', documentation: 'First name starts with (case and accents ignored).' },
  name: { type: 'string', documentation: 'A word of the name starts with (case and accents ignored).' },
  identifier: {
    type: 'token',
    documentation:
      'RPPS or idNat_PS for people (urn:oid:1.2.250.1.71.4.2.1, https://rpps.esante.gouv.fr); FINESS or idNat_Struct for establishments (urn:oid:1.2.250.1.71.4.2.2, https://finess.esante.gouv.fr). system|value or value.',
  },
  'qualification-code': {
    type: 'token',
    documentation: 'Profession (TRE_G15) or specialty (TRE_R38) code, bare or as system|code.',
  },
  mailbox: { type: 'token', documentation: 'One of the mailbox addresses, exactly (case ignored).' },
  organization: { type: 'reference', documentation: 'Organization/<id> or <id>.' },
  practitioner: { type: 'reference', documentation: 'Practitioner/<id> or <id>.' },
  _count: { type: 'number', documentation: 'Page size: 20 by default, at most 100.' },
  _offset: { type: 'number', documentation: 'Matches to skip (the next link carries it).' },
};

const PROFILES: Record<FhirResourceType, string> = {
  Practitioner: PROFILE.practitioner,
  PractitionerRole: PROFILE.practitionerRole,
  Organization: PROFILE.organization,
};

/** GET /api/fhir/metadata: what this read-only endpoint answers, for FHIR clients that look first. */
export function capabilityStatement(publicUrl: string, date: Date) {
  const base = fhirBase(publicUrl);
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: date.toISOString(),
    kind: 'instance',
    software: { name: 'Liaison' },
    implementation: { description: 'Liaison directory (read-only)', url: base },
    fhirVersion: FHIR_VERSION,
    format: [FHIR_JSON],
    rest: [
      {
        mode: 'server',
        resource: (Object.keys(PROFILES) as FhirResourceType[]).map((type) => ({
          type,
          profile: PROFILES[type],
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          ...(type === 'PractitionerRole' && {
            searchInclude: ['PractitionerRole:practitioner', 'PractitionerRole:organization'],
          }),
          searchParam: [...SEARCH_PARAMETERS[type].filter((p) => p !== '_include'), '_count', '_offset'].map(
            (name) => ({ name, ...PARAMETER_DOCS[name]! }),
          ),
        })),
      },
    ],
  };
}
