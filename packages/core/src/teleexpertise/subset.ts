import { SUPPORTED_EXTENSIONS } from './extensions.ts';
import { QuestionnaireError, formatPath } from './questionnaireError.ts';

/** The answer[x] an enableWhen may carry (exactly one). */
export const ENABLE_WHEN_ANSWERS = [
  'answerBoolean',
  'answerString',
  'answerInteger',
  'answerDecimal',
  'answerDate',
  'answerCoding',
  'answerQuantity',
] as const;
export type EnableWhenAnswerKey = (typeof ENABLE_WHEN_ANSWERS)[number];

/**
 * The first pass of an import, on the raw JSON: anything that is valid FHIR but outside the subset
 * Liaison implements is refused as QUESTIONNAIRE_UNSUPPORTED, naming the item. Done before the schema so
 * that an `answerValueSet` reads "unsupported", not "invalid".
 */

export const ITEM_TYPES = [
  'group',
  'display',
  'string',
  'text',
  'boolean',
  'integer',
  'decimal',
  'date',
  'choice',
  'quantity',
  'attachment',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const OPERATORS = ['exists', '=', '!=', '>', '<'] as const;
export type Operator = (typeof OPERATORS)[number];

const TOP_LEVEL_KEYS = new Set([
  'resourceType',
  'id',
  'url',
  'version',
  'name',
  'title',
  'status',
  'date',
  'publisher',
  'description',
  'item',
]);
const ITEM_KEYS = new Set([
  'linkId',
  'prefix',
  'text',
  'type',
  'required',
  'repeats',
  'answerOption',
  'enableWhen',
  'enableBehavior',
  'extension',
  'item',
]);
const OPTION_KEYS = new Set(['valueCoding', 'valueString', 'valueInteger']);
const ENABLE_WHEN_KEYS = new Set<string>(['question', 'operator', ...ENABLE_WHEN_ANSWERS]);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function refuse(linkId: string | undefined, path: PropertyKey[], reason: string): never {
  throw new QuestionnaireError('QUESTIONNAIRE_UNSUPPORTED', linkId, formatPath(path), reason);
}

function checkKeys(node: Json, allowed: Set<string>, linkId: string | undefined, path: PropertyKey[]): void {
  for (const key of Object.keys(node)) {
    if (!allowed.has(key)) refuse(linkId, [...path, key], `"${key}" is not supported`);
  }
}

function checkItems(items: unknown, path: PropertyKey[]): void {
  if (!Array.isArray(items)) return;
  items.forEach((item: unknown, i) => {
    if (!isObject(item)) return;
    const at = [...path, i];
    const linkId = typeof item.linkId === 'string' ? item.linkId : undefined;
    checkKeys(item, ITEM_KEYS, linkId, at);
    if (typeof item.type === 'string' && !(ITEM_TYPES as readonly string[]).includes(item.type)) {
      refuse(linkId, [...at, 'type'], `item type "${item.type}" is not supported`);
    }
    if (Array.isArray(item.extension)) {
      item.extension.forEach((ext: unknown, k) => {
        const url = isObject(ext) ? ext.url : undefined;
        if (typeof url === 'string' && !(SUPPORTED_EXTENSIONS as readonly string[]).includes(url)) {
          refuse(linkId, [...at, 'extension', k], `extension ${url} is not supported`);
        }
      });
    }
    if (Array.isArray(item.answerOption)) {
      item.answerOption.forEach((option: unknown, k) => {
        if (isObject(option)) checkKeys(option, OPTION_KEYS, linkId, [...at, 'answerOption', k]);
      });
    }
    if (Array.isArray(item.enableWhen)) {
      item.enableWhen.forEach((condition: unknown, k) => {
        if (!isObject(condition)) return;
        const where = [...at, 'enableWhen', k];
        checkKeys(condition, ENABLE_WHEN_KEYS, linkId, where);
        const op = condition.operator;
        if (typeof op === 'string' && !(OPERATORS as readonly string[]).includes(op)) {
          refuse(linkId, [...where, 'operator'], `operator "${op}" is not supported`);
        }
      });
    }
    checkItems(item.item, [...at, 'item']);
  });
}

/** Throws QUESTIONNAIRE_UNSUPPORTED on the first construct outside the subset. */
export function checkSubset(json: unknown): void {
  if (!isObject(json)) return;
  checkKeys(json, TOP_LEVEL_KEYS, undefined, []);
  checkItems(json.item, ['item']);
}
