import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "En service maintenant" / "Hors service", as the server computed it (slots, absences, capacity). */
export function OnDutyBadge({ onDuty, size = 'lg' }: { onDuty: boolean; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      size={size}
      color={onDuty ? 'green' : 'gray'}
      variant={onDuty ? 'filled' : 'light'}
      data-testid="te-on-duty"
    >
      {onDuty ? t('teleexpertiseExpert.onDuty.yes') : t('teleexpertiseExpert.onDuty.no')}
    </Badge>
  );
}
