import type { Registration } from '@liaison/core/api/index';
import { Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { professionName, specialtyName } from '../../lib/codes.ts';
import { formatDateTime } from '../../lib/format.ts';
import { fullName } from '../../lib/session.ts';

const RPPS_CHECKS = ['RPPS_NOT_IN_REFERENCE', 'RPPS_LEFT_REFERENCE', 'RPPS_NAME_MISMATCH'] as const;
function isRppsCheck(code: string): code is (typeof RPPS_CHECKS)[number] {
  return (RPPS_CHECKS as readonly string[]).includes(code);
}

interface Props {
  registrations: Registration[];
  busyId: string | null;
  onApprove: (registration: Registration) => void;
  onReject: (registration: Registration) => void;
}

export function RegistrationsTable({ registrations, busyId, onApprove, onReject }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm" bg="white" withTableBorder>
        <Table.Caption>{t('verification.caption', { count: registrations.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('verification.name')}</Table.Th>
            <Table.Th scope="col">{t('verification.role')}</Table.Th>
            <Table.Th scope="col">{t('verification.identifier')}</Table.Th>
            <Table.Th scope="col">{t('verification.profession')}</Table.Th>
            <Table.Th scope="col">{t('verification.establishment')}</Table.Th>
            <Table.Th scope="col">{t('verification.submittedAt')}</Table.Th>
            <Table.Th scope="col">{t('verification.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {registrations.map((registration) => {
            const name = fullName(registration);
            return (
              <Table.Tr key={registration.id} data-testid="registration-row" data-email={registration.email}>
                <Table.Th scope="row" fw={500}>
                  <Stack gap={0}>
                    <Text fw={600}>{name}</Text>
                    <Text size="xs" c="dimmed">
                      {registration.email}
                    </Text>
                  </Stack>
                </Table.Th>
                <Table.Td>{t(`roles.${registration.role}`)}</Table.Td>
                <Table.Td>
                  {registration.nationalId ? (
                    <Stack gap={0}>
                      {registration.nationalIdKind ? (
                        <Text size="xs" c="dimmed" fw={600}>
                          {t(`nationalIdKinds.${registration.nationalIdKind}`)}
                        </Text>
                      ) : null}
                      <Text ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {registration.nationalId}
                      </Text>
                      {registration.checks.map((check) => (
                        <Tooltip key={check.code} label={check.message} multiline w={260}>
                          <Badge color="orange" variant="light" size="sm" data-testid="rpps-check">
                            {isRppsCheck(check.code)
                              ? t(`verification.rppsChecks.${check.code}`)
                              : check.message}
                          </Badge>
                        </Tooltip>
                      ))}
                    </Stack>
                  ) : (
                    <Text c="dimmed">—</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{professionName(registration.profession, language) ?? '—'}</Text>
                  {registration.specialty ? (
                    <Text size="xs" c="dimmed">
                      {specialtyName(registration.specialty, language)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{registration.organisationName ?? '—'}</Text>
                  {registration.submittedBy ? (
                    <Text size="xs" c="dimmed">
                      {t('verification.submittedBy')}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(registration.submittedAt, language)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      color="green"
                      loading={busyId === registration.id}
                      aria-label={t('verification.approveLabel', { name })}
                      onClick={() => onApprove(registration)}
                    >
                      {t('verification.approve')}
                    </Button>
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      aria-label={t('verification.rejectLabel', { name })}
                      onClick={() => onReject(registration)}
                    >
                      {t('verification.reject')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
