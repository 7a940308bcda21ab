import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Certificate, CertificateState } from '../../api/pki.ts';
import { formatDate, groupSerial } from '../../lib/format.ts';

const STATE_COLOURS: Record<CertificateState, string> = {
  active: 'green',
  superseded: 'gray',
  revoked: 'red',
};

interface Props {
  certificates: Certificate[];
  /** Serials whose private key this browser holds; undefined when it cannot tell (insecure context). */
  localSerials: string[] | undefined;
}

export function CertificatesTable({ certificates, localSerials }: Props) {
  const { t, i18n } = useTranslation();
  if (certificates.length === 0) {
    return <Text c="dimmed">{t('keys.certificates.empty')}</Text>;
  }
  const local = localSerials ? new Set(localSerials) : null;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="sm" withTableBorder>
        <Table.Caption>{t('keys.certificates.caption', { count: certificates.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('keys.certificates.usage')}</Table.Th>
            <Table.Th scope="col">{t('keys.certificates.state')}</Table.Th>
            <Table.Th scope="col">{t('keys.certificates.serial')}</Table.Th>
            <Table.Th scope="col">{t('keys.certificates.validUntil')}</Table.Th>
            {local ? <Table.Th scope="col">{t('keys.certificates.onThisBrowser')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {certificates.map((certificate) => (
            <Table.Tr
              key={certificate.serial}
              data-testid="certificate-row"
              data-serial={certificate.serial}
              data-state={certificate.state}
            >
              <Table.Th scope="row" fw={600}>
                {t(`keys.certificates.usages.${certificate.usage}`)}
              </Table.Th>
              <Table.Td>
                <Badge
                  color={STATE_COLOURS[certificate.state]}
                  variant="light"
                  tt="none"
                  style={{ minWidth: 'max-content' }}
                >
                  {t(`keys.certificates.states.${certificate.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {groupSerial(certificate.serial)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(certificate.notAfter, i18n.language, 'medium')}
              </Table.Td>
              {local ? (
                <Table.Td>
                  {local.has(certificate.serial) ? (
                    <Badge color="liaison" variant="light" tt="none">
                      {t('keys.certificates.yes')}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('keys.certificates.no')}
                    </Text>
                  )}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
