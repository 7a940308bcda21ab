import type { HprimHeader, HprimWarning } from '@liaison/core/hprim/index';
import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ageOn, formatDay, formatNir, patientName } from '../mailFormat.ts';
import { isHeaderWarningCode } from './hprimWarnings.ts';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={500} tt="uppercase">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/**
 * Who the letter is about, from its HPRIM header: what a doctor checks before reading on (and what
 * their software files it under). Header oddities the reader tolerated are said under it.
 */
export function PatientBanner({
  header,
  warnings,
}: {
  header: HprimHeader;
  warnings: readonly HprimWarning[];
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.language;
  const age = ageOn(header.birthDate);
  const place = [header.address1, header.address2, [header.postalCode, header.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const headerWarnings = [...new Set(warnings.map((w) => w.code).filter(isHeaderWarningCode))];
  return (
    <Paper
      component="section"
      aria-labelledby={id}
      withBorder
      p="md"
      radius="md"
      bg="liaison.0"
      style={{ borderLeft: '6px solid var(--mantine-color-liaison-7)' }}
      data-testid="patient-banner"
    >
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap" align="baseline">
          <Badge variant="filled" color="liaison" tt="uppercase" size="sm">
            {t('mail.patient.title')}
          </Badge>
          <Text component="h2" id={id} fz="xl" fw={700} m={0} data-testid="patient-name">
            {patientName(header) || t('mail.patient.unnamed')}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" verticalSpacing="xs">
          <Fact label={t('mail.patient.birthDate')} testId="patient-birth-date">
            {header.birthDate ? formatDay(header.birthDate, language) : '—'}
            {age !== null ? (
              <Text span c="dimmed" fw={400}>
                {' '}
                ({t('mail.patient.age', { count: age })})
              </Text>
            ) : null}
          </Fact>
          <Fact label={t('mail.patient.nir')} testId="patient-nir">
            <Text span ff="monospace" fw={600}>
              {header.nir ? formatNir(header.nir) : '—'}
            </Text>
          </Fact>
          <Fact label={t('mail.patient.fileNumber')} testId="patient-file-number">
            {header.fileNumber ?? '—'}
          </Fact>
          <Fact label={t('mail.patient.documentDate')} testId="patient-document-date">
            {header.documentDate ? formatDay(header.documentDate, language) : '—'}
          </Fact>
        </SimpleGrid>
        {place || header.patientId ? (
          <Group gap="lg" wrap="wrap">
            {header.patientId ? (
              <Text size="sm">
                <Text span c="dimmed">
                  {t('mail.patient.patientId')} :{' '}
                </Text>
                {header.patientId}
              </Text>
            ) : null}
            {place ? (
              <Text size="sm">
                <Text span c="dimmed">
                  {t('mail.patient.address')} :{' '}
                </Text>
                {place}
              </Text>
            ) : null}
          </Group>
        ) : null}
        {headerWarnings.length > 0 ? (
          <Text size="sm" c="orange.9" fw={500} data-testid="patient-warnings">
            ⚠ {headerWarnings.map((code) => t(`mail.hprim.${code}`)).join(' · ')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
