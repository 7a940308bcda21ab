import type { QuestionnaireItem } from '@liaison/core/teleexpertise/questionnaire';
import type { Answer } from '@liaison/core/teleexpertise/responseSchema';
import type { TFunction } from 'i18next';
import { formatDate } from '../../../../lib/format.ts';

/** Photos shown inline: only the two bitmap types of the subset, never SVG or anything scriptable. */
export const INLINE_IMAGE_TYPES = ['image/jpeg', 'image/png'] as const;

export function isInlineImage(answer: Answer): boolean {
  const attachment = answer.valueAttachment;
  return (
    attachment?.data !== undefined &&
    (INLINE_IMAGE_TYPES as readonly string[]).includes(attachment.contentType.toLowerCase())
  );
}

/** Every item of a form by linkId (groups included), to name answers with the form's own text. */
export function itemsByLinkId(
  items: readonly QuestionnaireItem[] | undefined,
): Map<string, QuestionnaireItem> {
  const map = new Map<string, QuestionnaireItem>();
  const walk = (list: readonly QuestionnaireItem[] | undefined) => {
    for (const item of list ?? []) {
      map.set(item.linkId, item);
      walk(item.item);
    }
  };
  walk(items);
  return map;
}

/**
 * A coded answer's label from the form, not from the answer: the sender writes `display` and
 * could write anything there; the code is what validateResponse checked against the options.
 */
function codingLabel(answer: Answer, item: QuestionnaireItem | undefined): string {
  const coding = answer.valueCoding!;
  const option = item?.answerOption?.find((o) => o.valueCoding?.code === coding.code);
  return option?.valueCoding?.display ?? coding.display ?? coding.code;
}

/** One answer as text; attachments are drawn by the caller and get their title here. */
export function answerText(
  answer: Answer,
  item: QuestionnaireItem | undefined,
  t: TFunction,
  language: string,
): string {
  const locale = language === 'en' ? 'en-GB' : 'fr-FR';
  if (answer.valueBoolean !== undefined) {
    return answer.valueBoolean ? t('teleexpertiseExpert.view.yes') : t('teleexpertiseExpert.view.no');
  }
  if (answer.valueString !== undefined) return answer.valueString;
  if (answer.valueInteger !== undefined) return answer.valueInteger.toLocaleString(locale);
  if (answer.valueDecimal !== undefined) return answer.valueDecimal.toLocaleString(locale);
  if (answer.valueDate !== undefined) return formatDate(answer.valueDate, language);
  if (answer.valueCoding !== undefined) return codingLabel(answer, item);
  if (answer.valueQuantity !== undefined) {
    const q = answer.valueQuantity;
    return [q.value.toLocaleString(locale), q.unit ?? q.code].filter((part) => part !== undefined).join(' ');
  }
  if (answer.valueAttachment !== undefined) {
    return answer.valueAttachment.title ?? answer.valueAttachment.contentType;
  }
  return '';
}
