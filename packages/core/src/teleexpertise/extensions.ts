/**
 * The only FHIR extensions Liaison's forms understand. Anything else is refused at import: an extension
 * we ignored could change what the author meant (a calculated value, a hidden item…).
 */
export const MIN_OCCURS_URL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs';
export const MAX_OCCURS_URL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs';
export const MIME_TYPE_URL = 'http://hl7.org/fhir/StructureDefinition/mimeType';

export const SUPPORTED_EXTENSIONS = [MIN_OCCURS_URL, MAX_OCCURS_URL, MIME_TYPE_URL] as const;

/** Attachment types a form may ask for: photos a phone produces once reduced, and PDF (ECG, letters). */
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png'] as const;
export const SUPPORTED_MIME_TYPES = [...IMAGE_MIME_TYPES, 'application/pdf'] as const;

export interface Extension {
  url: string;
  valueInteger?: number | undefined;
  valueCode?: string | undefined;
}

interface WithExtensions {
  extension?: Extension[] | undefined;
}

function integerExtension(item: WithExtensions, url: string): number | undefined {
  return item.extension?.find((e) => e.url === url)?.valueInteger;
}

export const minOccurs = (item: WithExtensions) => integerExtension(item, MIN_OCCURS_URL);
export const maxOccurs = (item: WithExtensions) => integerExtension(item, MAX_OCCURS_URL);

/** The attachment types an item accepts (the mimeType extension may repeat, one type each). */
export function mimeTypes(item: WithExtensions): string[] {
  return (item.extension ?? []).filter((e) => e.url === MIME_TYPE_URL).map((e) => e.valueCode ?? '');
}
