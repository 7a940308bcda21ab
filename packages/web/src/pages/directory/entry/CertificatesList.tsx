import type { PublishedCertificate } from '@liaison/core/api/directory';
import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, groupSerial } from '../../../lib/format.ts';

/** The published certificates: usage, serial (grouped for comparing by eye), expiry, the PEM itself. */
export function CertificatesList({ certificates }: { certificates: PublishedCertificate[] }) {
  const { t, i18n } = useTranslation();
  if (certificates.length === 0) {
    return (
      <Text c="dimmed" data-testid="entry-no-certificates">
        {t('directory.entry.noCertificates')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="sm" withTableBorder>
        <Table.Caption>
          {t('directory.entry.certificatesCaption', { count: certificates.length })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('directory.entry.usage')}</Table.Th>
            <Table.Th scope="col">{t('directory.entry.serial')}</Table.Th>
            <Table.Th scope="col">{t('directory.entry.expires')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('directory.entry.downloadPem')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {certificates.map((certificate) => (
            <Table.Tr key={certificate.serial} data-testid="entry-certificate">
              <Table.Th scope="row" fw={600}>
                {t(`directory.entry.usages.${certificate.usage}`)}
              </Table.Th>
              <Table.Td>
                <Text ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {groupSerial(certificate.serial)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(certificate.notAfter, i18n.language, 'medium')}
              </Table.Td>
              <Table.Td>
                <Anchor
                  href={`data:application/x-pem-file;charset=utf-8,${encodeURIComponent(certificate.pem)}`}
                  download={`${certificate.serial}.pem`}
                  size="sm"
                  aria-label={t('directory.entry.downloadPemLabel', { serial: certificate.serial })}
                >
                  {t('directory.entry.downloadPem')}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
