import type { MailHold } from '@liaison/core/api/mailHold';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HOLD_COLOURS } from './usageTexts.ts';

/** A sent message held by a usage rule: « Retenu », « Refusé » or « Distribué après vérification ». */
export function HoldBadge({ hold }: { hold: MailHold | null }) {
  const { t } = useTranslation();
  if (!hold) return null;
  return (
    <Badge
      color={HOLD_COLOURS[hold.state]}
      variant={hold.state === 'released' ? 'light' : 'filled'}
      size="sm"
      tt="none"
      data-testid="mail-hold"
      data-state={hold.state}
    >
      {t(`usage.hold.badge.${hold.state}`)}
    </Badge>
  );
}
