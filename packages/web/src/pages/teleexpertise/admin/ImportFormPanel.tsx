import { importQuestionnaire } from '@liaison/core/teleexpertise/questionnaire';
import { Alert, Button, FileInput, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importForm, teleexpertiseKeys } from '../../../api/teleexpertise.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { importProblem } from './importErrors.ts';

/**
 * Import a form: Questionnaire JSON pasted or read from a file. Checked here first with core's
 * importQuestionnaire (the same checks the server runs), so a refusal names the item at once.
 */
export function ImportFormPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [json, setJson] = useState('');

  const submit = useMutation({
    mutationFn: async () => {
      const parsed: unknown = JSON.parse(json);
      // Throws QuestionnaireError naming the item; once it passes, `parsed` is a Questionnaire object.
      importQuestionnaire(parsed);
      return importForm(parsed as Record<string, unknown>);
    },
    onSuccess: (form) => {
      void queryClient.invalidateQueries({ queryKey: teleexpertiseKeys.forms });
      notifications.show({
        color: 'green',
        message: t('teleexpertiseExpert.admin.import.done', { title: form.title, version: form.version }),
      });
      setJson('');
    },
  });
  const problem = submit.error ? importProblem(submit.error) : null;

  const readFile = async (file: File | null) => {
    if (!file) return;
    setJson(await file.text());
    submit.reset();
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (json.trim() !== '') submit.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('teleexpertiseExpert.admin.import.help')}</Text>
        <FileInput
          label={t('teleexpertiseExpert.admin.import.file')}
          accept="application/json,.json"
          clearable
          onChange={(file) => void readFile(file)}
        />
        <Textarea
          label={t('teleexpertiseExpert.admin.import.json')}
          autosize
          minRows={6}
          maxRows={16}
          styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
          value={json}
          onChange={(event) => {
            setJson(event.currentTarget.value);
            submit.reset();
          }}
        />
        {problem ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={t(`teleexpertiseExpert.admin.import.problems.${problem.code}`)}
            data-testid="te-import-problem"
          >
            <Stack gap={4}>
              {problem.linkId ? (
                <Text size="sm">
                  {t('teleexpertiseExpert.admin.import.linkId', { linkId: problem.linkId })}
                </Text>
              ) : null}
              {problem.path ? (
                <Text size="sm">{t('teleexpertiseExpert.admin.import.path', { path: problem.path })}</Text>
              ) : null}
              <Text size="sm" ff="monospace">
                {problem.message}
              </Text>
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={submit.error} />
        )}
        <Group>
          <Button type="submit" loading={submit.isPending} disabled={json.trim() === ''}>
            {t('teleexpertiseExpert.admin.import.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
