import {
  STATUS_COMPONENTS,
  STATUS_EVENT_KINDS,
  STATUS_SEVERITIES,
  type StatusEventPosted,
} from '@liaison/core/api/status';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { markServerFieldErrors } from '../../lib/serverFieldErrors.ts';
import {
  deviceOffset,
  emptyEventForm,
  eventFormProblems,
  isStatusComponent,
  toCreateRequest,
  type EventFormValues,
} from './eventForm.ts';
import { problemMessages } from './eventFormMessages.ts';
import { useCreateStatusEvent } from './useStatusAdmin.ts';

const SERVER_FIELDS = ['kind', 'title', 'severity', 'components', 'description', 'startsAt', 'endsAt'];

/** A new incident or maintenance; once posted, says how many alert emails were queued. */
export function EventForm() {
  const { t } = useTranslation();
  const [posted, setPosted] = useState<StatusEventPosted | null>(null);
  const form = useForm<EventFormValues>({
    initialValues: emptyEventForm(),
    validate: (values) => problemMessages(t, eventFormProblems(values)),
  });
  const create = useCreateStatusEvent();
  const timeHelp = t('status.manage.form.timeHelp', { offset: deviceOffset() });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setPosted(null);
        create.mutate(toCreateRequest(values), {
          onSuccess: (result) => {
            setPosted(result);
            form.setValues(emptyEventForm());
            form.resetDirty();
          },
          onError: (error) =>
            markServerFieldErrors(error, SERVER_FIELDS, form.setFieldError, t('validation.refused')),
        });
      })}
      data-testid="status-event-form"
    >
      <Stack gap="md">
        <Radio.Group
          label={t('status.manage.form.kind')}
          value={form.values.kind}
          onChange={(value) => {
            const kind = STATUS_EVENT_KINDS.find((candidate) => candidate === value);
            if (kind) form.setFieldValue('kind', kind);
          }}
          required
        >
          <Group gap="lg" mt={6}>
            {STATUS_EVENT_KINDS.map((kind) => (
              <Radio key={kind} value={kind} label={t(`status.kinds.${kind}`)} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput
          label={t('status.manage.form.title')}
          required
          maxLength={200}
          {...form.getInputProps('title')}
        />
        <NativeSelect
          label={t('status.manage.form.severity')}
          data={STATUS_SEVERITIES.map((severity) => ({
            value: severity,
            label: t(`status.severities.${severity}`),
          }))}
          value={form.values.severity}
          onChange={(event) => {
            const severity = STATUS_SEVERITIES.find((candidate) => candidate === event.currentTarget.value);
            if (severity) form.setFieldValue('severity', severity);
          }}
        />
        <Checkbox.Group
          label={t('status.manage.form.components')}
          required
          value={form.values.components}
          onChange={(values) => form.setFieldValue('components', values.filter(isStatusComponent))}
          error={form.errors.components}
        >
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 4 }} spacing="xs" mt={6}>
            {STATUS_COMPONENTS.map((component) => (
              <Checkbox key={component} value={component} label={t(`status.components.${component}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea
          label={t('status.manage.form.description')}
          description={t('status.manage.form.descriptionHelp')}
          required
          autosize
          minRows={4}
          maxLength={5000}
          {...form.getInputProps('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            type="datetime-local"
            label={t('status.manage.form.start')}
            description={timeHelp}
            required
            {...form.getInputProps('startsAt')}
          />
          <TextInput
            type="datetime-local"
            label={t('status.manage.form.end')}
            description={`${t('status.manage.form.endHelp')} ${timeHelp}`}
            {...form.getInputProps('endsAt')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('status.manage.form.alert')}
          description={t('status.manage.form.alertHelp')}
          {...form.getInputProps('alert', { type: 'checkbox' })}
        />
        <ErrorAlert error={create.error} />
        <div aria-live="polite" aria-atomic="true">
          {posted ? (
            <Alert
              color="teal"
              variant="light"
              title={t('status.manage.published')}
              data-testid="status-posted"
            >
              {t('status.manage.publishedAlerts', { count: posted.alertsQueued, title: posted.event.title })}
            </Alert>
          ) : null}
        </div>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('status.manage.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
