export {
  RPPS_COLUMN_COUNT,
  RPPS_EXTRACTION_COLUMNS,
  RPPS_SEPARATOR,
  rppsColumnIndex,
  type RppsColumn,
} from './columns.ts';
export { LineSplitter, splitLines } from './lines.ts';
export {
  checkRppsHeader,
  readRppsExtraction,
  RppsExtractionParser,
  RppsHeaderError,
  type ReadRppsOptions,
  type RppsActivity,
  type RppsCoded,
  type RppsPerson,
  type RppsWarning,
  type RppsWarningKind,
} from './reader.ts';
export {
  generateRppsExtraction,
  generateRppsPersons,
  rppsHeaderLine,
  type GenerateRppsOptions,
  type SyntheticRppsPerson,
} from './generator.ts';
