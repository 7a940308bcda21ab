import { checkAttachment } from './attachmentCheck.ts';
import { enabledItems } from './enableWhen.ts';
import { maxOccurs, minOccurs } from './extensions.ts';
import { isFhirDate, sameCoding } from './fhirTypes.ts';
import { isQuestion, optionKind, placeItems } from './items.ts';
import { canonicalOf, type Questionnaire, type QuestionnaireItem } from './questionnaire.ts';
import { valueKeyOf, type Answer, type QuestionnaireResponse, type ResponseItem } from './responseSchema.ts';

export * from './responseSchema.ts';

/**
 * Checking answers against their form, on the requester's device before sending and on the expert's
 * after decrypting: the server only relays ciphertext. Findings rather than an exception, so the
 * requester's screen can flag every item at once.
 */

export type ResponseFindingCode =
  | 'WRONG_QUESTIONNAIRE'
  | 'UNKNOWN_ITEM'
  | 'DUPLICATE_ITEM'
  | 'REQUIRED_MISSING'
  | 'WRONG_TYPE'
  | 'NOT_AN_OPTION'
  | 'NOT_ENABLED'
  | 'TOO_MANY'
  | 'TOO_FEW'
  | 'NOT_AN_IMAGE'
  | 'FILE_TYPE_NOT_ALLOWED'
  | 'FILE_MISMATCH';

export interface ResponseFinding {
  code: ResponseFindingCode;
  /** The item at fault; null when the fault is the response as a whole (WRONG_QUESTIONNAIRE). */
  linkId: string | null;
  message: string;
}

/** What each item type's answers must carry. */
function typeFault(item: QuestionnaireItem, answer: Answer): string | undefined {
  const key = valueKeyOf(answer);
  const expect = (wanted: string) => (key === wanted ? undefined : `expected ${wanted}, got ${key}`);
  switch (item.type) {
    case 'boolean':
      return expect('valueBoolean');
    case 'string':
    case 'text':
      return expect('valueString') ?? (answer.valueString!.trim() === '' ? 'the text is empty' : undefined);
    case 'integer':
      return (
        expect('valueInteger') ?? (Number.isSafeInteger(answer.valueInteger) ? undefined : 'not an integer')
      );
    case 'decimal':
      return expect('valueDecimal') ?? (Number.isFinite(answer.valueDecimal) ? undefined : 'not a number');
    case 'date':
      return expect('valueDate') ?? (isFhirDate(answer.valueDate!) ? undefined : 'not a YYYY-MM-DD date');
    case 'quantity':
      return expect('valueQuantity');
    case 'attachment':
      return expect('valueAttachment');
    case 'choice': {
      const kind = optionKind(item);
      return expect(kind === 'coding' ? 'valueCoding' : kind === 'string' ? 'valueString' : 'valueInteger');
    }
    case 'group':
    case 'display':
      return `a ${item.type} takes no answer`;
  }
}

function isAnOption(item: QuestionnaireItem, answer: Answer): boolean {
  return (item.answerOption ?? []).some((o) =>
    o.valueCoding
      ? answer.valueCoding !== undefined && sameCoding(o.valueCoding, answer.valueCoding)
      : o.valueString !== undefined
        ? o.valueString === answer.valueString
        : o.valueInteger === answer.valueInteger,
  );
}

function answerFindings(item: QuestionnaireItem, answers: readonly Answer[]): ResponseFinding[] {
  const findings: ResponseFinding[] = [];
  const add = (code: ResponseFindingCode, message: string) =>
    findings.push({ code, linkId: item.linkId, message });
  answers.forEach((answer, i) => {
    const fault = typeFault(item, answer);
    if (fault) return add('WRONG_TYPE', `answer ${i + 1}: ${fault}`);
    if (item.type === 'choice' && !isAnOption(item, answer))
      add('NOT_AN_OPTION', `answer ${i + 1} is not an option`);
    if (answer.valueAttachment) {
      const problem = checkAttachment(item, answer.valueAttachment);
      if (problem) add(problem.code, `answer ${i + 1}: ${problem.message}`);
    }
  });
  return findings;
}

function countFindings(item: QuestionnaireItem, count: number, completed: boolean): ResponseFinding[] {
  const finding = (code: ResponseFindingCode, message: string) => [{ code, linkId: item.linkId, message }];
  const max = maxOccurs(item);
  if (!item.repeats && count > 1) return finding('TOO_MANY', `one answer expected, got ${count}`);
  if (max !== undefined && count > max) return finding('TOO_MANY', `at most ${max} answers, got ${count}`);
  // An in-progress response is a draft: what is still missing is not a fault yet.
  if (!completed) return [];
  if (item.required && count === 0) return finding('REQUIRED_MISSING', 'an answer is required');
  const min = minOccurs(item);
  if (min !== undefined && count > 0 && count < min)
    return finding('TOO_FEW', `at least ${min} answers, got ${count}`);
  return [];
}

/** The response's answers by linkId, with structural findings (unknown, misplaced or repeated items). */
function collectAnswers(response: QuestionnaireResponse, q: Questionnaire) {
  const answers = new Map<string, readonly Answer[]>();
  const findings: ResponseFinding[] = [];
  const walk = (items: readonly ResponseItem[], expected: readonly QuestionnaireItem[]) => {
    for (const r of items) {
      const item = expected.find((e) => e.linkId === r.linkId);
      if (!item) {
        findings.push({
          code: 'UNKNOWN_ITEM',
          linkId: r.linkId,
          message: 'no such item at this place in the form',
        });
        continue;
      }
      if (answers.has(r.linkId)) {
        findings.push({ code: 'DUPLICATE_ITEM', linkId: r.linkId, message: 'the item appears twice' });
        continue;
      }
      answers.set(r.linkId, r.answer ?? []);
      walk(r.item ?? [], item.item ?? []);
    }
  };
  walk(response.item ?? [], q.item);
  return { answers, findings };
}

/**
 * Every problem with `response` as answers to `questionnaire` (an imported one); empty when valid.
 * Disabled items must carry no answer and are never required. Required items and minOccurs are only
 * enforced on a completed response.
 */
export function validateResponse(
  questionnaire: Questionnaire,
  response: QuestionnaireResponse,
): ResponseFinding[] {
  const findings: ResponseFinding[] = [];
  if (response.questionnaire !== canonicalOf(questionnaire)) {
    findings.push({
      code: 'WRONG_QUESTIONNAIRE',
      linkId: null,
      message: `answers ${response.questionnaire}, not ${canonicalOf(questionnaire)}`,
    });
  }
  const collected = collectAnswers(response, questionnaire);
  findings.push(...collected.findings);
  const answersOf = (linkId: string) => collected.answers.get(linkId) ?? [];
  const placed = placeItems(questionnaire.item);
  const enabled = enabledItems(placed, answersOf);
  for (const { item } of placed) {
    const answers = answersOf(item.linkId);
    if (!isQuestion(item)) {
      if (answers.length > 0)
        findings.push({ code: 'WRONG_TYPE', linkId: item.linkId, message: `a ${item.type} takes no answer` });
      continue;
    }
    if (!enabled(item.linkId)) {
      if (answers.length > 0) {
        findings.push({
          code: 'NOT_ENABLED',
          linkId: item.linkId,
          message: 'answered while its conditions are not met',
        });
      }
      continue;
    }
    findings.push(...countFindings(item, answers.length, response.status === 'completed'));
    findings.push(...answerFindings(item, answers));
  }
  return findings;
}
