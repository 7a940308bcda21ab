import type { TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import type { Questionnaire } from '@liaison/core/teleexpertise/questionnaire';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../lib/format.ts';
import { ResponseView } from '../../form/ResponseView.tsx';
import type { Draft, PatientProblems } from './draft.ts';

interface Props {
  service: TeleexpertiseService | undefined;
  formTitle: string | undefined;
  questionnaire: Questionnaire;
  draft: Draft;
  patientProblems: PatientProblems;
  /** Core's findings on the form, as sentences by linkId ('' for the form as a whole). */
  formErrors: Readonly<Record<string, string>>;
  onFixPatient: () => void;
  onFixForm: () => void;
}

/** Step 4: everything once more, checked by core, with what to fix next to where it is. */
export function ReviewStep(props: Props) {
  const { t, i18n } = useTranslation();
  const { draft, patientProblems, formErrors } = props;
  const patientCount = Object.keys(patientProblems).length;
  const formCount = Object.keys(formErrors).length;
  const count = patientCount + formCount;

  return (
    <Stack gap="md">
      {count === 0 ? (
        <Alert color="green" role="status">
          {t('teleexpertise.wizard.review.ok')}
        </Alert>
      ) : (
        <Alert color="red" role="alert">
          {t('teleexpertise.wizard.review.problems', { count })}
        </Alert>
      )}

      <Paper withBorder p="sm">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('teleexpertise.common.service')}
          </Text>
          <Text fw={600}>
            {props.service?.name} — {props.service?.organisationName}
          </Text>
          {props.formTitle && <Text size="sm">{props.formTitle}</Text>}
        </Stack>
      </Paper>

      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h5">
            {t('teleexpertise.common.patient')}
          </Title>
          {patientCount > 0 && (
            <Button size="xs" variant="light" color="red" onClick={props.onFixPatient}>
              {t('teleexpertise.wizard.review.fix')}
            </Button>
          )}
        </Group>
        <Text fw={600}>
          {draft.lastName.toLocaleUpperCase('fr-FR')} {draft.firstName}
        </Text>
        {draft.birthDate && (
          <Text size="sm">
            {t('teleexpertise.view.born', {
              date: formatDate(`${draft.birthDate}T12:00:00Z`, i18n.language),
            })}
          </Text>
        )}
        {draft.nir.trim() && <Text size="sm">{t('teleexpertise.view.nir', { nir: draft.nir })}</Text>}
        {patientCount > 0 && (
          <Text size="sm" c="red">
            {t('teleexpertise.form.findings.PATIENT')}
          </Text>
        )}
        <Text size="sm" c="dimmed" mt="sm">
          {t('teleexpertise.view.question')}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{draft.question}</Text>
        {patientProblems.question && (
          <Text size="sm" c="red">
            {t('teleexpertise.form.findings.QUESTION')}
          </Text>
        )}
      </Paper>

      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-start" mb="xs">
          <Title order={3} size="h5">
            {t('teleexpertise.view.answers')}
          </Title>
          {formCount > 0 && (
            <Button size="xs" variant="light" color="red" onClick={props.onFixForm}>
              {t('teleexpertise.wizard.review.fix')}
            </Button>
          )}
        </Group>
        {formErrors[''] && (
          <Text size="sm" c="red">
            {formErrors['']}
          </Text>
        )}
        <ResponseView
          questionnaire={props.questionnaire}
          answers={draft.answers}
          showUnanswered
          errors={formErrors}
        />
      </Paper>
    </Stack>
  );
}
