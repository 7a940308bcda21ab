export {
  HPRIM_ENCODINGS,
  isHprimEncoding,
  type HprimDocument,
  type HprimDocumentInput,
  type HprimEncoding,
  type HprimHeader,
  type HprimHeaderInput,
  type HprimParseResult,
  type HprimResult,
  type HprimResultInput,
  type HprimWarning,
} from './types.ts';
export { HPRIM_STRUCTURAL_CODES, HPRIM_WARNING_CODES, type HprimWarningCode } from './warnings.ts';
export { HprimUnreadableError } from './unreadable.ts';
export {
  decodeHprim,
  encodeHprim,
  encodeHprimReport,
  type HprimDecoded,
  type HprimEncoded,
} from './encoding.ts';
export { parseHprim, type HprimParseOptions } from './parse.ts';
export { buildHprim, hprimDocumentLines, type HprimBuildOptions } from './build.ts';
export { EMPTY_HPRIM_HEADER, hprimHeaderLines } from './header.ts';
export { hprimResultLine, readHprimNumber } from './results.ts';
export { HPRIM_HEADER_FIELD_LINES, validateHprimHeader } from './validate.ts';
export { toHprimJson, type HprimJson, type HprimJsonDocument } from './json.ts';
