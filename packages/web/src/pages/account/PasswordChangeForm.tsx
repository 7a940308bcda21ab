import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../api/auth.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PasswordPair } from '../../components/PasswordPair.tsx';
import { passwordRule, requiredText, sameAsRule } from '../../lib/validators.ts';

export function PasswordChangeForm() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: requiredText(t),
      newPassword: passwordRule(t),
      confirmPassword: sameAsRule(t, 'newPassword'),
    },
  });
  const mutation = useMutation({
    mutationFn: (values: { currentPassword: string; newPassword: string }) =>
      changePassword(values.currentPassword, values.newPassword),
    onSuccess: () => {
      form.reset();
      notifications.show({ color: 'green', message: t('account.passwordChanged') });
    },
  });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => mutation.mutate(values))}>
      <Stack gap="md" maw={420}>
        <PasswordInput
          label={t('account.currentPassword')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <PasswordPair
          password={form.getInputProps('newPassword')}
          confirm={form.getInputProps('confirmPassword')}
          passwordLabel={t('account.newPassword')}
          confirmLabel={t('account.confirmNewPassword')}
        />
        <ErrorAlert error={mutation.error} />
        <Button type="submit" loading={mutation.isPending} variant="light" w="fit-content">
          {t('account.passwordSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
