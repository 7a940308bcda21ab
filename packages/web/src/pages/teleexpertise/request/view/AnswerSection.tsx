import type { TeleexpertiseRequestDetail } from '@liaison/core/api/teleexpertise';
import type { DecryptRecipient } from '@liaison/core/crypto/index';
import { answerOutcomeLabel, readAnswer } from '@liaison/core/teleexpertise/answerForm';
import { Anchor, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { messagePath } from '../../../mail/paths.ts';
import { useOpenedAnswer } from '../../shared/openedContent.ts';

interface Props {
  request: TeleexpertiseRequestDetail;
  viewerId: string;
  keys: DecryptRecipient[] | undefined;
  headingOrder?: 2 | 3;
}

/**
 * The expert's structured answer, decrypted from the answer envelope kept with the request:
 * conclusion, advice and the proposed next step, with a link to the answer letter in the inbox (the
 * letter carries the same, with its HPRIM header, for the practice software).
 */
export function AnswerSection({ request, viewerId, keys, headingOrder = 2 }: Props) {
  const { t } = useTranslation();
  const opened = useOpenedAnswer(viewerId, request, keys);
  let body;
  if (!request.answerEnvelope) {
    body = <Text c="dimmed">{t('teleexpertise.view.answer.waitingEnvelope')}</Text>;
  } else if (opened.isError) {
    body = <Text c="red">{t('teleexpertise.view.answer.unreadable')}</Text>;
  } else if (!opened.data) {
    body = (
      <Text c="dimmed" role="status">
        <Loader size="xs" mr="xs" />
        {t('teleexpertise.common.decrypting')}
      </Text>
    );
  } else {
    const answer = readAnswer(opened.data.response);
    body = (
      <Stack gap="sm">
        <div>
          <Text size="sm" c="dimmed">
            {t('teleexpertise.view.answer.conclusion')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{answer.conclusion}</Text>
        </div>
        {answer.advice && (
          <div>
            <Text size="sm" c="dimmed">
              {t('teleexpertise.view.answer.advice')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{answer.advice}</Text>
          </div>
        )}
        <div>
          <Text size="sm" c="dimmed">
            {t('teleexpertise.view.answer.outcome')}
          </Text>
          <Text fw={600}>
            {answerOutcomeLabel(answer.outcome, answer.urgency)}
            {answer.referTo ? ` : ${answer.referTo}` : ''}
          </Text>
        </div>
      </Stack>
    );
  }
  return (
    <Paper withBorder p="sm" style={{ borderColor: 'var(--mantine-color-green-6)' }}>
      <Stack gap="sm">
        <Title order={headingOrder} size="h4">
          {t('teleexpertise.view.answer.title')}
        </Title>
        {body}
        {request.answerMessageId && (
          <Anchor
            component={Link}
            to={messagePath(request.requesterAddress, 'inbox', request.answerMessageId)}
          >
            {t('teleexpertise.view.answer.openLetter')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
