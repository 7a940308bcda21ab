import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Words, not only an orange border: the state must be perceivable without colour. */
export function MissingHint() {
  const { t } = useTranslation();
  return (
    <Badge component="span" color="orange" variant="light" size="sm">
      {t('establishment.missingBadge')}
    </Badge>
  );
}
