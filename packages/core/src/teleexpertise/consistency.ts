import {
  MAX_OCCURS_URL,
  MIME_TYPE_URL,
  MIN_OCCURS_URL,
  SUPPORTED_MIME_TYPES,
  maxOccurs,
  minOccurs,
} from './extensions.ts';
import { sameCoding } from './fhirTypes.ts';
import { isQuestion, optionKind, placeItems, type PlacedItem } from './items.ts';
import type { EnableWhen, EnableWhenAnswerKey, Questionnaire, QuestionnaireItem } from './questionnaire.ts';
import { QuestionnaireError, formatPath, type QuestionnaireErrorCode } from './questionnaireError.ts';
import { ENABLE_WHEN_ANSWERS, type ItemType } from './subset.ts';

/**
 * The last pass of an import: rules that span several elements (unique linkIds, enableWhen targets,
 * options matching the item type…). The schema has already checked every element's own shape.
 */

/** Operators that need an order: FHIR allows > and < on numbers, dates and quantities only. */
const ORDERED_TYPES: ReadonlySet<ItemType> = new Set(['integer', 'decimal', 'date', 'quantity']);

const ANSWER_KEY_BY_TYPE: Partial<Record<ItemType, EnableWhenAnswerKey>> = {
  boolean: 'answerBoolean',
  string: 'answerString',
  text: 'answerString',
  integer: 'answerInteger',
  decimal: 'answerDecimal',
  date: 'answerDate',
  quantity: 'answerQuantity',
};

/** The answer[x] an enableWhen on this question must use for = != > <; undefined when none fits. */
export function expectedAnswerKey(item: QuestionnaireItem): EnableWhenAnswerKey | undefined {
  if (item.type !== 'choice') return ANSWER_KEY_BY_TYPE[item.type];
  const kind = optionKind(item);
  if (kind === 'coding') return 'answerCoding';
  return kind === 'string' ? 'answerString' : 'answerInteger';
}

/** Which answer[x] the condition carries (the schema guarantees exactly one). */
export function answerKeyOf(condition: EnableWhen): EnableWhenAnswerKey {
  return ENABLE_WHEN_ANSWERS.find((k) => condition[k] !== undefined)!;
}

function fail(
  code: QuestionnaireErrorCode,
  placed: PlacedItem,
  suffix: PropertyKey[],
  reason: string,
): never {
  throw new QuestionnaireError(code, placed.item.linkId, formatPath([...placed.path, ...suffix]), reason);
}

function checkShapeForType(placed: PlacedItem): void {
  const { item } = placed;
  const children = item.item ?? [];
  if (item.type === 'group') {
    if (children.length === 0) fail('QUESTIONNAIRE_INVALID', placed, [], 'a group needs items');
    // Repeating or required groups would need group instances in answers: not in this first slice.
    if (item.repeats || item.required) {
      fail('QUESTIONNAIRE_UNSUPPORTED', placed, [], 'required or repeating groups are not supported');
    }
  } else if (children.length > 0) {
    fail('QUESTIONNAIRE_UNSUPPORTED', placed, ['item'], 'only groups may contain items');
  }
  if (item.type === 'display' && (item.required || item.repeats)) {
    fail('QUESTIONNAIRE_INVALID', placed, [], 'a display item takes no answer');
  }
  if (item.type === 'choice') {
    const options = item.answerOption;
    if (!options) fail('QUESTIONNAIRE_INVALID', placed, [], 'a choice item needs answerOption');
    const kind = optionKind(item);
    const keys = options.map((o) =>
      o.valueCoding
        ? `${o.valueCoding.system ?? ''}|${o.valueCoding.code}`
        : String(o.valueString ?? o.valueInteger),
    );
    options.forEach((o, k) => {
      const thisKind = o.valueCoding ? 'coding' : o.valueString !== undefined ? 'string' : 'integer';
      if (thisKind !== kind)
        fail('QUESTIONNAIRE_INVALID', placed, ['answerOption', k], 'options mix value types');
      if (keys.indexOf(keys[k]!) !== k)
        fail('QUESTIONNAIRE_INVALID', placed, ['answerOption', k], 'duplicate option');
    });
  } else if (item.answerOption) {
    fail('QUESTIONNAIRE_INVALID', placed, ['answerOption'], 'only choice items have answerOption');
  }
}

function checkExtensions(placed: PlacedItem): void {
  const { item } = placed;
  (item.extension ?? []).forEach((ext, k) => {
    const where = ['extension', k];
    if (ext.url === MIME_TYPE_URL) {
      if (item.type !== 'attachment')
        fail('QUESTIONNAIRE_INVALID', placed, where, 'mimeType is for attachments');
      if (ext.valueCode === undefined || ext.valueInteger !== undefined) {
        fail('QUESTIONNAIRE_INVALID', placed, where, 'mimeType needs a valueCode');
      }
      if (!(SUPPORTED_MIME_TYPES as readonly string[]).includes(ext.valueCode)) {
        fail('QUESTIONNAIRE_UNSUPPORTED', placed, where, `attachment type ${ext.valueCode} is not supported`);
      }
    } else if (ext.url === MIN_OCCURS_URL || ext.url === MAX_OCCURS_URL) {
      if (ext.valueInteger === undefined || ext.valueCode !== undefined) {
        fail('QUESTIONNAIRE_INVALID', placed, where, 'minOccurs/maxOccurs need a valueInteger');
      }
      if (!isQuestion(item))
        fail('QUESTIONNAIRE_INVALID', placed, where, 'minOccurs/maxOccurs need a question');
    }
  });
  const min = minOccurs(item);
  const max = maxOccurs(item);
  if (max !== undefined && max < 1)
    fail('QUESTIONNAIRE_INVALID', placed, ['extension'], 'maxOccurs must be at least 1');
  if (((min ?? 0) > 1 || (max ?? 1) > 1) && !item.repeats) {
    fail('QUESTIONNAIRE_INVALID', placed, ['repeats'], 'more than one answer needs repeats: true');
  }
  if (min !== undefined && max !== undefined && min > max) {
    fail('QUESTIONNAIRE_INVALID', placed, ['extension'], 'minOccurs is above maxOccurs');
  }
  if (item.type === 'attachment' && !(item.extension ?? []).some((e) => e.url === MIME_TYPE_URL)) {
    // Device-side checks of a file need to know what it must be; "anything" is not a form's answer.
    fail(
      'QUESTIONNAIRE_INVALID',
      placed,
      [],
      `an attachment item needs a mimeType (${SUPPORTED_MIME_TYPES.join(', ')})`,
    );
  }
}

function checkEnableWhen(placed: PlacedItem, byLinkId: Map<string, QuestionnaireItem>): void {
  const { item } = placed;
  const conditions = item.enableWhen ?? [];
  if (conditions.length > 1 && !item.enableBehavior) {
    fail('QUESTIONNAIRE_INVALID', placed, ['enableBehavior'], 'several enableWhen need an enableBehavior');
  }
  if (conditions.length === 0 && item.enableBehavior) {
    fail('QUESTIONNAIRE_INVALID', placed, ['enableBehavior'], 'enableBehavior without enableWhen');
  }
  conditions.forEach((condition, k) => {
    const where = ['enableWhen', k];
    const target = byLinkId.get(condition.question);
    if (!target)
      fail(
        'QUESTIONNAIRE_INVALID',
        placed,
        [...where, 'question'],
        `unknown question "${condition.question}"`,
      );
    if (target === item)
      fail('QUESTIONNAIRE_INVALID', placed, [...where, 'question'], 'an item cannot depend on itself');
    if (!isQuestion(target)) {
      fail(
        'QUESTIONNAIRE_INVALID',
        placed,
        [...where, 'question'],
        `"${target.linkId}" is a ${target.type}: it has no answer`,
      );
    }
    const key = answerKeyOf(condition);
    if (condition.operator === 'exists') {
      if (key !== 'answerBoolean') fail('QUESTIONNAIRE_INVALID', placed, where, 'exists needs answerBoolean');
      return;
    }
    if ((condition.operator === '>' || condition.operator === '<') && !ORDERED_TYPES.has(target.type)) {
      fail(
        'QUESTIONNAIRE_INVALID',
        placed,
        [...where, 'operator'],
        `"${condition.operator}" does not apply to a ${target.type}`,
      );
    }
    const expected = expectedAnswerKey(target);
    if (expected === undefined) {
      fail(
        'QUESTIONNAIRE_INVALID',
        placed,
        [...where, 'operator'],
        `only "exists" applies to a ${target.type}`,
      );
    }
    if (key !== expected) {
      fail(
        'QUESTIONNAIRE_INVALID',
        placed,
        where,
        `"${target.linkId}" is a ${target.type}: expected ${expected}, got ${key}`,
      );
    }
    const coding = condition.answerCoding;
    if (coding && !target.answerOption?.some((o) => o.valueCoding && sameCoding(o.valueCoding, coding))) {
      fail(
        'QUESTIONNAIRE_INVALID',
        placed,
        [...where, 'answerCoding'],
        `"${coding.code}" is not an option of "${target.linkId}"`,
      );
    }
  });
}

/** An item depends on its group and on the questions of its enableWhen: that graph must have no cycle. */
function checkNoCycle(placedItems: PlacedItem[], byLinkId: Map<string, QuestionnaireItem>): void {
  const dependsOn = new Map(
    placedItems.map((p) => [
      p.item.linkId,
      [...(p.parent ? [p.parent.linkId] : []), ...(p.item.enableWhen ?? []).map((c) => c.question)],
    ]),
  );
  const done = new Set<string>();
  const visit = (linkId: string, trail: Set<string>, placed: PlacedItem): void => {
    if (done.has(linkId)) return;
    if (trail.has(linkId))
      fail('QUESTIONNAIRE_INVALID', placed, ['enableWhen'], `enableWhen loops through "${linkId}"`);
    trail.add(linkId);
    for (const next of dependsOn.get(linkId) ?? []) if (byLinkId.has(next)) visit(next, trail, placed);
    trail.delete(linkId);
    done.add(linkId);
  };
  for (const placed of placedItems) visit(placed.item.linkId, new Set(), placed);
}

export function checkConsistency(q: Questionnaire): void {
  const placedItems = placeItems(q.item);
  const byLinkId = new Map<string, QuestionnaireItem>();
  for (const placed of placedItems) {
    if (byLinkId.has(placed.item.linkId))
      fail('QUESTIONNAIRE_INVALID', placed, ['linkId'], 'duplicate linkId');
    byLinkId.set(placed.item.linkId, placed.item);
  }
  for (const placed of placedItems) {
    checkShapeForType(placed);
    checkExtensions(placed);
    checkEnableWhen(placed, byLinkId);
  }
  checkNoCycle(placedItems, byLinkId);
}
