import { answerKeyOf } from './consistency.ts';
import { sameCoding } from './fhirTypes.ts';
import type { PlacedItem } from './items.ts';
import type { EnableWhen } from './questionnaire.ts';
import type { Answer } from './responseSchema.ts';

/**
 * Whether items are enabled, per FHIR R4: an item is enabled when its group is and its enableWhen hold
 * (all of them, or any, per enableBehavior). Answers to a disabled item count as absent, so a chain
 * A → B → C switches C off when A switches B off.
 */

/** -1, 0, 1, or undefined when the two cannot be compared (different kinds or units). */
function compare(answer: Answer, condition: EnableWhen): number | undefined {
  const order = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
  switch (answerKeyOf(condition)) {
    case 'answerBoolean':
      return answer.valueBoolean === undefined
        ? undefined
        : answer.valueBoolean === condition.answerBoolean
          ? 0
          : 1;
    case 'answerString':
      return answer.valueString === undefined
        ? undefined
        : order(answer.valueString, condition.answerString!);
    case 'answerInteger':
      return answer.valueInteger === undefined
        ? undefined
        : order(answer.valueInteger, condition.answerInteger!);
    case 'answerDecimal':
      return answer.valueDecimal === undefined
        ? undefined
        : order(answer.valueDecimal, condition.answerDecimal!);
    case 'answerDate':
      // YYYY-MM-DD sorts as text.
      return answer.valueDate === undefined ? undefined : order(answer.valueDate, condition.answerDate!);
    case 'answerCoding':
      return answer.valueCoding === undefined
        ? undefined
        : sameCoding(answer.valueCoding, condition.answerCoding!)
          ? 0
          : 1;
    case 'answerQuantity': {
      const a = answer.valueQuantity;
      const b = condition.answerQuantity!;
      if (a === undefined || (a.code ?? a.unit) !== (b.code ?? b.unit)) return undefined;
      return order(a.value, b.value);
    }
  }
}

/** FHIR: with no answer, only `exists` can be true. */
export function conditionHolds(condition: EnableWhen, answers: readonly Answer[]): boolean {
  if (condition.operator === 'exists') return answers.length > 0 === condition.answerBoolean;
  const results = answers.map((a) => compare(a, condition));
  switch (condition.operator) {
    case '=':
      return results.some((r) => r === 0);
    case '!=':
      return results.some((r) => r !== 0);
    case '>':
      return results.some((r) => r === 1);
    case '<':
      return results.some((r) => r === -1);
  }
}

/**
 * A function telling whether an item is enabled given the raw answers by linkId. Memoised; an import
 * has refused cycles, but a guard keeps a hand-built Questionnaire from recursing forever.
 */
export function enabledItems(
  placed: readonly PlacedItem[],
  answersOf: (linkId: string) => readonly Answer[],
): (linkId: string) => boolean {
  const byLinkId = new Map(placed.map((p) => [p.item.linkId, p]));
  const memo = new Map<string, boolean>();
  const visiting = new Set<string>();
  const enabled = (linkId: string): boolean => {
    const known = memo.get(linkId);
    if (known !== undefined) return known;
    const p = byLinkId.get(linkId);
    if (!p || visiting.has(linkId)) return false;
    visiting.add(linkId);
    const effective = (question: string) => (enabled(question) ? answersOf(question) : []);
    const conditions = p.item.enableWhen ?? [];
    const holds = (c: EnableWhen) => conditionHolds(c, effective(c.question));
    const own =
      conditions.length === 0 ||
      (p.item.enableBehavior === 'any' ? conditions.some(holds) : conditions.every(holds));
    const result = (p.parent === undefined || enabled(p.parent.linkId)) && own;
    visiting.delete(linkId);
    memo.set(linkId, result);
    return result;
  };
  return enabled;
}
