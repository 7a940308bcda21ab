import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Tele-expertise: the requester's requests, the expert's queue, availability and administration. */
export function TeleexpertisePage() {
  const { t } = useTranslation();
  return <Title order={1}>{t('teleexpertise.title')}</Title>;
}
