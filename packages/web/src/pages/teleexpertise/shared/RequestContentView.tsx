import type { RequestContent } from '@liaison/core/teleexpertise/requestContent';
import type { Questionnaire } from '@liaison/core/teleexpertise/questionnaire';
import { checkRequestContent } from '@liaison/core/teleexpertise/requestContent';
import { Alert, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { answersOf } from '../form/answers.ts';
import { findingMessages } from '../form/findingMessages.ts';
import { ResponseView } from '../form/ResponseView.tsx';
import { patientLabel } from './patientName.ts';

interface Props {
  content: RequestContent;
  /** The form answered; undefined when this instance no longer has it (answers are then not shown). */
  questionnaire: Questionnaire | undefined;
  headingOrder?: 2 | 3;
}

/**
 * A decrypted request: the patient, the question and the form's answers with the form's labels and
 * photo thumbnails. The answers are checked again here with core (the sender's device is not
 * trusted): anything wrong is listed above them rather than hidden.
 */
export function RequestContentView({ content, questionnaire, headingOrder = 2 }: Props) {
  const { t, i18n } = useTranslation();
  const { patient } = content;
  const findings = questionnaire ? checkRequestContent(questionnaire, content) : [];
  const messages = findingMessages(t, findings);
  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Title order={headingOrder} size="h4">
          {t('teleexpertise.common.patient')}
        </Title>
        <Text fw={600} size="lg">
          {patientLabel(patient)}
        </Text>
        <Text size="sm">
          {t('teleexpertise.view.born', {
            date: formatDate(`${patient.birthDate}T12:00:00Z`, i18n.language),
          })}
          {patient.sex ? ` · ${t(`teleexpertise.common.sex.${patient.sex}`)}` : ''}
        </Text>
        {patient.nir && <Text size="sm">{t('teleexpertise.view.nir', { nir: patient.nir })}</Text>}
        <Text size="sm" c="dimmed" mt="xs">
          {t('teleexpertise.view.requesterIs', {
            name: content.requester.name,
            address: content.requester.address,
          })}
        </Text>
      </Paper>
      <Paper withBorder p="sm">
        <Title order={headingOrder} size="h4">
          {t('teleexpertise.view.question')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{content.question}</Text>
      </Paper>
      {questionnaire && (
        <Paper withBorder p="sm">
          <Title order={headingOrder} size="h4" mb="xs">
            {t('teleexpertise.view.answers')}
          </Title>
          {findings.length > 0 && (
            <Alert color="orange" mb="sm" title={t('teleexpertise.view.findingsOnReceipt')}>
              <List size="sm">
                {Object.values(messages).map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <ResponseView
            questionnaire={questionnaire}
            answers={answersOf(content.response)}
            errors={messages}
          />
        </Paper>
      )}
    </Stack>
  );
}
