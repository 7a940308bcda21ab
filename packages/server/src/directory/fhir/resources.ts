/**
 * The slice of FHIR R4 datatypes Liaison writes. Hand-written rather than a full FHIR type package:
 * the directory exposes three read-only resources, and these types keep the mapping honest.
 */

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

export interface CodeableConcept {
  coding: Coding[];
  text?: string;
}

export interface Identifier {
  use?: 'official' | 'usual' | 'secondary';
  type?: CodeableConcept;
  system: string;
  value: string;
}

export interface Reference {
  reference: string;
  display?: string;
}

export interface Extension {
  url: string;
  valueString?: string;
  valueBoolean?: boolean;
  valueCodeableConcept?: CodeableConcept;
  extension?: Extension[];
}

export interface ContactPoint {
  system: 'email' | 'phone';
  value: string;
  use?: 'work';
  rank?: number;
  extension?: Extension[];
}

export interface Meta {
  profile?: string[];
  lastUpdated?: string;
}

export interface Practitioner {
  resourceType: 'Practitioner';
  id: string;
  meta: Meta;
  active: boolean;
  identifier?: Identifier[];
  name: { use: 'official'; family: string; given: string[] }[];
  telecom?: ContactPoint[];
  qualification?: { code: CodeableConcept }[];
}

export interface PractitionerRole {
  resourceType: 'PractitionerRole';
  id: string;
  meta: Meta;
  active: boolean;
  practitioner?: Reference;
  organization: Reference;
  code?: CodeableConcept[];
  specialty?: CodeableConcept[];
  telecom: ContactPoint[];
}

export interface Address {
  use: 'work';
  line?: string[];
  postalCode?: string;
  city?: string;
}

export interface Organization {
  resourceType: 'Organization';
  id: string;
  meta: Meta;
  active: boolean;
  identifier?: Identifier[];
  type: CodeableConcept[];
  name: string;
  address?: Address[];
}

export type DirectoryResource = Practitioner | PractitionerRole | Organization;

export interface BundleEntry {
  fullUrl: string;
  resource: DirectoryResource;
  search: { mode: 'match' | 'include' };
}

export interface Bundle {
  resourceType: 'Bundle';
  id: string;
  meta: { lastUpdated: string };
  type: 'searchset';
  total: number;
  link: { relation: 'self' | 'next' | 'previous'; url: string }[];
  entry: BundleEntry[];
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: {
    severity: 'error' | 'fatal';
    code: string;
    details: CodeableConcept;
    diagnostics?: string;
  }[];
}
