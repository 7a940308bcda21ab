import { enabledItems } from '@liaison/core/teleexpertise/enableWhen';
import { isQuestion, placeItems } from '@liaison/core/teleexpertise/items';
import {
  canonicalOf,
  type Questionnaire,
  type QuestionnaireItem,
} from '@liaison/core/teleexpertise/questionnaire';
import type { Answer, QuestionnaireResponse, ResponseItem } from '@liaison/core/teleexpertise/responseSchema';

/**
 * The form's answers while the requester fills it in: a flat map by linkId (linkIds are unique in a
 * whole form), turned into a nested QuestionnaireResponse only when it is checked or sent. Answers to
 * items that enableWhen switches off are kept in the map (ticking a box back brings them back) but
 * left out of the response, as FHIR and validateResponse want.
 */
export type AnswerMap = Readonly<Record<string, readonly Answer[]>>;

/** Which items are enabled now, evaluated live as answers change (core enableWhen). */
export function enabledFor(questionnaire: Questionnaire, answers: AnswerMap): (linkId: string) => boolean {
  return enabledItems(placeItems(questionnaire.item), (linkId) => answers[linkId] ?? []);
}

/** The nested response: enabled items with answers, and the groups that hold some. */
export function buildResponse(
  questionnaire: Questionnaire,
  answers: AnswerMap,
  status: QuestionnaireResponse['status'],
  authored: Date = new Date(),
): QuestionnaireResponse {
  const enabled = enabledFor(questionnaire, answers);
  const walk = (items: readonly QuestionnaireItem[]): ResponseItem[] =>
    items.flatMap((item): ResponseItem[] => {
      if (!enabled(item.linkId)) return [];
      if (item.type === 'group') {
        const children = walk(item.item ?? []);
        return children.length > 0 ? [{ linkId: item.linkId, text: item.text, item: children }] : [];
      }
      if (!isQuestion(item)) return [];
      const given = answers[item.linkId] ?? [];
      return given.length > 0 ? [{ linkId: item.linkId, text: item.text, answer: [...given] }] : [];
    });
  const item = walk(questionnaire.item);
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: canonicalOf(questionnaire),
    status,
    authored: authored.toISOString(),
    ...(item.length > 0 ? { item } : {}),
  };
}

/** A received response back to a flat map, for showing it against its form. */
export function answersOf(response: QuestionnaireResponse): AnswerMap {
  const map: Record<string, readonly Answer[]> = {};
  const walk = (items: readonly ResponseItem[]) => {
    for (const item of items) {
      if (item.answer) map[item.linkId] = item.answer;
      walk(item.item ?? []);
    }
  };
  walk(response.item ?? []);
  return map;
}

/** "1. Localisation": the label a person reads, prefix included. */
export function itemLabel(item: QuestionnaireItem): string {
  const text = item.text ?? item.linkId;
  return item.prefix ? `${item.prefix} ${text}` : text;
}

/** A DOM id for an item's field, so findings can point to it and "Corriger" can focus it. */
export const fieldId = (linkId: string) => `te-item-${linkId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
