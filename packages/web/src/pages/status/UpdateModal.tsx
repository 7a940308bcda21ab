import { STATUS_SEVERITIES, type StatusEvent } from '@liaison/core/api/status';
import { Button, Checkbox, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { markServerFieldErrors } from '../../lib/serverFieldErrors.ts';
import {
  deviceOffset,
  toLocalInput,
  toUpdateRequest,
  updateFormFor,
  updateFormProblems,
  type UpdateFormValues,
} from './eventForm.ts';
import { problemMessages } from './eventFormMessages.ts';
import { formatParisDateTime } from './statusTexts.ts';
import { useAddStatusUpdate } from './useStatusAdmin.ts';

/** A new paragraph on an event, optionally with a new start (not begun yet), end (or "now") and severity. */
export function UpdateModal({ event, onClose }: { event: StatusEvent | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={event !== null}
      onClose={onClose}
      title={event ? t('status.manage.update.title', { title: event.title }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      {event ? <UpdateForm key={event.id} event={event} onDone={onClose} /> : null}
    </Modal>
  );
}

function UpdateForm({ event, onDone }: { event: StatusEvent; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const form = useForm<UpdateFormValues>({
    initialValues: updateFormFor(event),
    validate: (values) => problemMessages(t, updateFormProblems(values, event)),
  });
  const add = useAddStatusUpdate();
  const scheduled = event.state === 'scheduled';
  const currentEnd = event.endsAt
    ? formatParisDateTime(event.endsAt, i18n.language)
    : t('status.event.endUnknown');
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        add.mutate(
          { id: event.id, body: toUpdateRequest(values, event) },
          {
            onSuccess: (posted) => {
              notifications.show({
                color: 'green',
                message: t('status.manage.update.done', { count: posted.alertsQueued }),
              });
              onDone();
            },
            onError: (error) =>
              markServerFieldErrors(
                error,
                ['body', 'startsAt', 'endsAt', 'severity'],
                form.setFieldError,
                t('validation.refused'),
              ),
          },
        ),
      )}
    >
      <Stack gap="md">
        <Textarea
          label={t('status.manage.update.body')}
          required
          autosize
          minRows={4}
          maxLength={5000}
          data-autofocus
          {...form.getInputProps('body')}
        />
        {scheduled ? (
          <TextInput
            type="datetime-local"
            label={t('status.manage.update.start')}
            description={t('status.manage.update.startHelp', {
              start: formatParisDateTime(event.startsAt, i18n.language),
            })}
            {...form.getInputProps('startsAt')}
          />
        ) : null}
        <Group align="flex-end" gap="sm">
          <TextInput
            type="datetime-local"
            label={t('status.manage.update.end')}
            description={`${t('status.manage.update.endHelp', { end: currentEnd })} ${t('status.manage.form.timeHelp', { offset: deviceOffset() })}`}
            style={{ flex: 1 }}
            {...form.getInputProps('endsAt')}
          />
          {/* To the minute, so the end is already past and the event shows as ended at once; a
              maintenance not begun yet is called off: it starts and ends now. */}
          <Button
            variant="default"
            onClick={() => {
              const now = toLocalInput(new Date());
              if (scheduled) form.setFieldValue('startsAt', now);
              form.setFieldValue('endsAt', now);
            }}
          >
            {t(scheduled ? 'status.manage.update.callOff' : 'status.manage.update.endNow')}
          </Button>
        </Group>
        <NativeSelect
          label={t('status.manage.update.severity')}
          data={STATUS_SEVERITIES.map((severity) => ({
            value: severity,
            label: t(`status.severities.${severity}`),
          }))}
          value={form.values.severity}
          onChange={(change) => {
            const severity = STATUS_SEVERITIES.find((candidate) => candidate === change.currentTarget.value);
            if (severity) form.setFieldValue('severity', severity);
          }}
        />
        <Checkbox
          label={t('status.manage.update.alert')}
          {...form.getInputProps('alert', { type: 'checkbox' })}
        />
        <ErrorAlert error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('status.manage.update.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
