import type { TeleexpertiseForm, TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { InfoList, InfoRow } from '../../../components/InfoRow.tsx';
import { specialtyName } from '../../../lib/codes.ts';
import { formValue } from './adminOptions.ts';
import { ExpertsEditor } from './ExpertsEditor.tsx';

/** One service: where requests go, its deadlines and forms, its queue, and its experts. */
export function ServiceCard({
  service,
  forms,
}: {
  service: TeleexpertiseService;
  forms: readonly TeleexpertiseForm[];
}) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const titles = new Map(forms.map((f) => [formValue(f), f.title]));
  const formNames = service.forms.map((f) => titles.get(formValue(f)) ?? `${f.url} (v${f.version})`);

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="section"
      aria-labelledby={titleId}
      data-testid="te-service"
    >
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <div>
            <Title order={3} size="h4" id={titleId}>
              {service.name}
            </Title>
            <Text size="sm" c="dimmed">
              {service.organisationName}
            </Text>
          </div>
          <Group gap="xs">
            {!service.active ? (
              <Badge color="gray">{t('teleexpertiseExpert.admin.service.inactive')}</Badge>
            ) : null}
            <Badge color={service.queued > 0 ? 'orange' : 'gray'} variant="light">
              {t('teleexpertiseExpert.queue.queued', { count: service.queued })}
            </Badge>
          </Group>
        </Group>
        <InfoList>
          <InfoRow label={t('teleexpertiseExpert.admin.service.address')}>{service.mailboxAddress}</InfoRow>
          <InfoRow label={t('teleexpertiseExpert.admin.service.specialty')}>
            {specialtyName(service.specialty, i18n.language) ?? service.specialty}
          </InfoRow>
          <InfoRow label={t('teleexpertiseExpert.admin.service.sla')}>
            {t('teleexpertiseExpert.admin.service.hours', { count: service.slaHours })}
          </InfoRow>
          <InfoRow label={t('teleexpertiseExpert.admin.service.acceptTimeout')}>
            {t('teleexpertiseExpert.admin.service.hours', { count: service.acceptTimeoutHours })}
          </InfoRow>
          <InfoRow label={t('teleexpertiseExpert.admin.service.forms')}>{formNames.join(', ')}</InfoRow>
          <InfoRow label={t('teleexpertiseExpert.admin.service.certificate')}>
            {service.encryptionCertificate
              ? t('teleexpertiseExpert.admin.service.certificateReady')
              : t('teleexpertiseExpert.admin.service.certificateMissing')}
          </InfoRow>
        </InfoList>
        <Title order={4} size="h5">
          {t('teleexpertiseExpert.admin.experts.title', { count: service.experts.length })}
        </Title>
        <ExpertsEditor service={service} />
      </Stack>
    </Paper>
  );
}
