import { PasswordInput, Stack } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

interface Props {
  password: GetInputPropsReturnType;
  confirm: GetInputPropsReturnType;
  passwordLabel?: string;
  confirmLabel?: string;
}

/** A new password typed twice, with the length rule stated up front rather than after a failure. */
export function PasswordPair({ password, confirm, passwordLabel, confirmLabel }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PasswordInput
        label={passwordLabel ?? t('fields.password')}
        description={t('fields.passwordHelp')}
        autoComplete="new-password"
        required
        {...password}
      />
      <PasswordInput
        label={confirmLabel ?? t('fields.confirmPassword')}
        autoComplete="new-password"
        required
        {...confirm}
      />
    </Stack>
  );
}
