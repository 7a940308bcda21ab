import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage.ts';

interface Props {
  error: unknown;
  title?: string;
}

/**
 * The live region stays mounted even when empty: screen readers announce changes inside an existing
 * region reliably, but often miss a region that appears together with its text.
 */
export function ErrorAlert({ error, title }: Props) {
  const { t } = useTranslation();
  return (
    <div aria-live="assertive" aria-atomic="true">
      {error ? (
        <Alert color="red" variant="light" title={title} data-testid="error-alert">
          {errorMessage(t, error)}
        </Alert>
      ) : null}
    </div>
  );
}
