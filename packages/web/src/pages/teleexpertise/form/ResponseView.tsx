import type { Questionnaire, QuestionnaireItem } from '@liaison/core/teleexpertise/questionnaire';
import type { Answer } from '@liaison/core/teleexpertise/responseSchema';
import { Box, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { enabledFor, itemLabel, type AnswerMap } from './answers.ts';
import { AttachmentThumb } from './AttachmentThumb.tsx';

interface Props {
  questionnaire: Questionnaire;
  answers: AnswerMap;
  /** Show enabled questions left unanswered ("Pas de réponse"), as the review step does. */
  showUnanswered?: boolean;
  /** Messages next to items, by linkId (findings of core validation). */
  errors?: Readonly<Record<string, string>>;
}

/** One answer as a person reads it, in their language. */
export function answerText(t: TFunction, language: string, answer: Answer): string {
  if (answer.valueBoolean !== undefined)
    return answer.valueBoolean ? t('teleexpertise.common.yes') : t('teleexpertise.common.no');
  if (answer.valueString !== undefined) return answer.valueString;
  const number = (n: number) => new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'fr-FR').format(n);
  if (answer.valueInteger !== undefined) return number(answer.valueInteger);
  if (answer.valueDecimal !== undefined) return number(answer.valueDecimal);
  if (answer.valueDate !== undefined) return formatDate(`${answer.valueDate}T12:00:00Z`, language);
  if (answer.valueCoding) return answer.valueCoding.display ?? answer.valueCoding.code;
  if (answer.valueQuantity) {
    const unit = answer.valueQuantity.unit ?? answer.valueQuantity.code;
    return `${number(answer.valueQuantity.value)}${unit ? ` ${unit}` : ''}`;
  }
  return answer.valueAttachment?.title ?? '';
}

/**
 * A form's answers read-only, in the form's order, with the form's own labels: groups as headings,
 * photos as thumbnails. Used for the requester's review and for the decrypted request on both sides.
 */
export function ResponseView({ questionnaire, answers, showUnanswered = false, errors = {} }: Props) {
  const enabled = enabledFor(questionnaire, answers);
  return (
    <Stack gap="sm">
      {questionnaire.item.map((item) => (
        <ItemView
          key={item.linkId}
          item={item}
          answers={answers}
          enabled={enabled}
          showUnanswered={showUnanswered}
          errors={errors}
        />
      ))}
    </Stack>
  );
}

function hasAnswers(item: QuestionnaireItem, answers: AnswerMap): boolean {
  if (item.type === 'group') return (item.item ?? []).some((child) => hasAnswers(child, answers));
  return (answers[item.linkId] ?? []).length > 0;
}

function ItemView(props: {
  item: QuestionnaireItem;
  answers: AnswerMap;
  enabled: (linkId: string) => boolean;
  showUnanswered: boolean;
  errors: Readonly<Record<string, string>>;
}): ReactNode {
  const { t, i18n } = useTranslation();
  const { item, answers, enabled, showUnanswered, errors } = props;
  if (!enabled(item.linkId) || item.type === 'display') return null;
  if (item.type === 'group') {
    if (!showUnanswered && !hasAnswers(item, answers)) return null;
    return (
      <Box pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
        <Text fw={700} mb={4}>
          {itemLabel(item)}
        </Text>
        <Stack gap="sm">
          {(item.item ?? []).map((child) => (
            <ItemView key={child.linkId} {...props} item={child} />
          ))}
        </Stack>
      </Box>
    );
  }
  const given = answers[item.linkId] ?? [];
  const error = errors[item.linkId];
  if (given.length === 0 && !showUnanswered && !error) return null;
  const attachments = given.flatMap((answer) => (answer.valueAttachment ? [answer.valueAttachment] : []));
  return (
    <div>
      <Text size="sm" c="dimmed">
        {itemLabel(item)}
      </Text>
      {given.length === 0 ? (
        <Text fs="italic">{t('teleexpertise.wizard.review.noAnswer')}</Text>
      ) : attachments.length > 0 ? (
        <Group gap="sm" mt={4}>
          {attachments.map((attachment, index) => (
            <AttachmentThumb key={index} attachment={attachment} />
          ))}
        </Group>
      ) : (
        <Text style={{ whiteSpace: 'pre-wrap' }}>
          {given.map((answer) => answerText(t, i18n.language, answer)).join(', ')}
        </Text>
      )}
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
    </div>
  );
}
