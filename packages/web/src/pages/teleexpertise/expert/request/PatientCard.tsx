import type { RequestContent } from '@liaison/core/teleexpertise/requestContent';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../lib/format.ts';
import { patientName } from './patientName.ts';

/** The patient and the question, the first things a specialist reads. */
export function PatientCard({ content }: { content: RequestContent }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const { patient } = content;
  const facts = [
    t('teleexpertiseExpert.view.born', { date: formatDate(patient.birthDate, i18n.language) }),
    patient.sex ? t(`teleexpertiseExpert.view.sex.${patient.sex}`) : null,
    patient.nir ? t('teleexpertiseExpert.view.nir', { nir: patient.nir }) : null,
    patient.ipp ? t('teleexpertiseExpert.view.ipp', { ipp: patient.ipp }) : null,
  ].filter((fact): fact is string => fact !== null);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3" id={titleId} data-testid="te-patient-name">
            {patientName(patient)}
          </Title>
          <Group gap="md" wrap="wrap">
            {facts.map((fact) => (
              <Text key={fact} size="sm" c="dimmed">
                {fact}
              </Text>
            ))}
          </Group>
        </div>
        <div>
          <Text fw={700} size="sm">
            {t('teleexpertiseExpert.view.question')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="te-question">
            {content.question}
          </Text>
        </div>
        <Text size="sm">
          {t('teleexpertiseExpert.view.requester', {
            name: content.requester.name,
            address: content.requester.address,
          })}
          {content.requester.rpps ? ` · RPPS ${content.requester.rpps}` : ''}
        </Text>
      </Stack>
    </Paper>
  );
}
