/**
 * The `liaison hprim parse --json` shape, shared by the CLI, connectors and tests. Objects are
 * rebuilt field by field so the key order is the documented one whatever built the input, and
 * nothing else (encoding, file-level warnings) leaks into it.
 */
import type { HprimDocument, HprimHeader, HprimParseResult, HprimResult, HprimWarning } from './types.ts';

export interface HprimJson {
  readonly valid: boolean;
  readonly documents: readonly HprimJsonDocument[];
}

export interface HprimJsonDocument {
  readonly header: HprimHeader;
  readonly text: string;
  readonly results: readonly HprimResult[];
  readonly warnings: readonly HprimWarning[];
}

export function hprimHeaderJson(h: HprimHeader): HprimHeader {
  return {
    patientId: h.patientId,
    lastName: h.lastName,
    firstName: h.firstName,
    address1: h.address1,
    address2: h.address2,
    postalCode: h.postalCode,
    city: h.city,
    birthDate: h.birthDate,
    nir: h.nir,
    fileNumber: h.fileNumber,
    documentDate: h.documentDate,
    sender: h.sender,
    recipient: h.recipient,
  };
}

export function hprimResultJson(r: HprimResult): HprimResult {
  return {
    label: r.label,
    code: r.code,
    type: r.type,
    value: r.value,
    numeric: r.numeric,
    unit: r.unit,
    low: r.low,
    high: r.high,
    flag: r.flag,
    status: r.status,
    value2: r.value2,
    unit2: r.unit2,
    low2: r.low2,
    high2: r.high2,
  };
}

function documentJson(d: HprimDocument): HprimJsonDocument {
  return {
    header: hprimHeaderJson(d.header),
    text: d.text,
    results: d.results.map(hprimResultJson),
    warnings: d.warnings.map((w) => ({ code: w.code, line: w.line, message: w.message })),
  };
}

export function toHprimJson(result: Pick<HprimParseResult, 'valid' | 'documents'>): HprimJson {
  return { valid: result.valid, documents: result.documents.map(documentJson) };
}
