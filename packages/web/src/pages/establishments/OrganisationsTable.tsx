import type { Organisation } from '@liaison/core/api/index';
import { Anchor, Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function OrganisationsTable({ organisations }: { organisations: Organisation[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped highlightOnHover verticalSpacing="sm" bg="white" withTableBorder>
        <Table.Caption>{t('establishments.caption', { count: organisations.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('establishments.name')}</Table.Th>
            <Table.Th scope="col">{t('establishments.kind')}</Table.Th>
            <Table.Th scope="col">{t('establishments.finess')}</Table.Th>
            <Table.Th scope="col">{t('establishments.city')}</Table.Th>
            <Table.Th scope="col">{t('establishments.profile')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {organisations.map((organisation) => (
            <Table.Tr key={organisation.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/establishments/${organisation.id}`}>
                  {organisation.name}
                </Anchor>
              </Table.Th>
              <Table.Td>{t(`organisationKinds.${organisation.kind}`)}</Table.Td>
              <Table.Td ff="monospace">{organisation.finess ?? '—'}</Table.Td>
              <Table.Td>{organisation.city ?? '—'}</Table.Td>
              <Table.Td>
                {organisation.missing.length === 0 ? (
                  <Badge color="green" variant="light">
                    {t('establishments.complete')}
                  </Badge>
                ) : (
                  <Badge color="orange" variant="light">
                    {t('establishments.missing', { count: organisation.missing.length })}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
