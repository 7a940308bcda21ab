import type { SenderLimit } from '@liaison/core/api/usage';
import { Button, Group, Modal, NumberInput, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { quarantineKeys, saveSenderLimit } from '../../../api/quarantine.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatNumber } from '../heldTexts.ts';
import {
  EXEMPT_CHOICES,
  isExemptChoice,
  limitAddress,
  limitFormValues,
  limitProblems,
  limitRequest,
  MAX_HOURLY_RECIPIENTS,
  MAX_MESSAGE_RECIPIENTS,
  type LimitFormValues,
} from './limitValues.ts';

export interface LimitTarget {
  address: string;
  /** The limit already set for this address, or null for a new one. */
  limit: SenderLimit | null;
}

/** Setting or changing one sender's own limits; an empty field keeps the server default. */
export function SenderLimitModal({ target, onClose }: { target: LimitTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={
        target?.limit
          ? t('quarantine.limits.form.titleEdit', { address: target.limit.address })
          : t('quarantine.limits.form.titleNew')
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      {target ? (
        <LimitForm
          key={`${target.address}-${target.limit?.setAt ?? 'new'}`}
          target={target}
          onDone={onClose}
        />
      ) : null}
    </Modal>
  );
}

function LimitForm({ target, onDone }: { target: LimitTarget; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const n = (value: number) => formatNumber(value, i18n.language);
  const form = useForm<LimitFormValues>({
    initialValues: limitFormValues(target.limit, target.address),
    validate: (values) => {
      const errors: Partial<Record<keyof LimitFormValues, string>> = {};
      for (const field of limitProblems(values)) {
        errors[field] =
          field === 'address'
            ? t('quarantine.limits.form.addressInvalid')
            : t('quarantine.limits.form.range', {
                max: n(field === 'messageRecipients' ? MAX_MESSAGE_RECIPIENTS : MAX_HOURLY_RECIPIENTS),
              });
      }
      return errors;
    },
  });
  const save = useMutation({
    mutationFn: (values: LimitFormValues) => saveSenderLimit(limitAddress(values), limitRequest(values)),
    onSuccess: async (_result, values) => {
      notifications.show({
        color: 'green',
        message: t('quarantine.limits.saved', { address: limitAddress(values) }),
      });
      onDone();
      await queryClient.invalidateQueries({ queryKey: quarantineKeys.limits });
    },
  });
  const effective = target.limit?.effective ?? null;
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="md">
        <TextInput
          label={t('quarantine.limits.form.address')}
          type="email"
          autoComplete="off"
          required
          readOnly={target.limit !== null}
          data-autofocus={target.limit === null && target.address === '' ? true : undefined}
          {...form.getInputProps('address')}
        />
        <NumberInput
          label={t('quarantine.limits.form.messageRecipients')}
          description={t('quarantine.limits.form.emptyDefault')}
          min={1}
          max={MAX_MESSAGE_RECIPIENTS}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          placeholder={effective ? String(effective.messageRecipients) : undefined}
          {...form.getInputProps('messageRecipients')}
        />
        <NumberInput
          label={t('quarantine.limits.form.hourlyRecipients')}
          description={t('quarantine.limits.form.emptyDefault')}
          min={1}
          max={MAX_HOURLY_RECIPIENTS}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          placeholder={effective ? String(effective.hourlyRecipients) : undefined}
          {...form.getInputProps('hourlyRecipients')}
        />
        <Radio.Group
          label={t('quarantine.limits.form.exempt')}
          description={t('quarantine.limits.form.exemptHelp')}
          value={form.values.hourlyExempt}
          onChange={(value) => {
            if (isExemptChoice(value)) form.setFieldValue('hourlyExempt', value);
          }}
        >
          <Group gap="lg" mt={6} wrap="wrap">
            {EXEMPT_CHOICES.map((choice) => (
              <Radio
                key={choice}
                value={choice}
                label={t(`quarantine.limits.form.exemptOptions.${choice}`)}
              />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('quarantine.limits.form.note')}
          autosize
          minRows={2}
          maxLength={500}
          {...form.getInputProps('note')}
        />
        {effective ? (
          <Text size="sm" c="dimmed" data-testid="sender-limit-effective">
            {t('quarantine.limits.form.effective', {
              message: n(effective.messageRecipients),
              hourly: n(effective.hourlyRecipients),
              exempt: effective.hourlyExempt
                ? t('quarantine.limits.form.effectiveExempt')
                : t('quarantine.limits.form.effectiveNotExempt'),
            })}
          </Text>
        ) : null}
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('quarantine.limits.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
