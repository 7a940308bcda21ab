import type { DecryptRecipient } from '@liaison/core/crypto/index';
import { decodeAnswerContent } from '@liaison/core/teleexpertise/answerContent';
import { readAnswer } from '@liaison/core/teleexpertise/answerForm';
import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../../components/Section.tsx';
import { mailErrorMessage } from '../../../../mailCrypto/errors.ts';
import { useOpenedEnvelope } from '../../shared/teCrypto.ts';

interface Props {
  viewerId: string;
  requestId: string;
  envelope: string;
  keys: DecryptRecipient[] | undefined;
}

/** The answer given (completed requests), opened from the answer envelope kept with the request. */
export function AnswerSummary({ viewerId, requestId, envelope, keys }: Props) {
  const { t } = useTranslation();
  const opened = useOpenedEnvelope({
    userId: viewerId,
    requestId,
    part: 'answer',
    envelope,
    keys,
    decode: (bytes) => readAnswer(decodeAnswerContent(bytes).response),
  });
  const answer = opened.data;
  return (
    <Section title={t('teleexpertiseExpert.view.givenAnswer')}>
      {opened.error ? (
        <Alert color="red" variant="light">
          {mailErrorMessage(t, opened.error)}
        </Alert>
      ) : null}
      {answer ? (
        <Stack gap="xs" data-testid="te-given-answer">
          <Text fw={600} size="sm">
            {t('teleexpertiseExpert.answer.conclusion')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{answer.conclusion}</Text>
          {answer.advice !== undefined ? (
            <>
              <Text fw={600} size="sm">
                {t('teleexpertiseExpert.answer.advice')}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{answer.advice}</Text>
            </>
          ) : null}
          <Text fw={600} size="sm">
            {t('teleexpertiseExpert.answer.outcome')}
          </Text>
          <Text>
            {t(`teleexpertiseExpert.answer.outcomes.${answer.outcome}`)}
            {answer.urgency !== undefined
              ? ` — ${t(`teleexpertiseExpert.answer.urgencies.${answer.urgency}`)}`
              : ''}
            {answer.referTo !== undefined ? ` — ${answer.referTo}` : ''}
          </Text>
        </Stack>
      ) : null}
    </Section>
  );
}
