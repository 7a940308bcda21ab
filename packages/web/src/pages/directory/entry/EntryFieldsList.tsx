import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryDetail } from '../../../api/directory.ts';
import { InfoList, InfoRow } from '../../../components/InfoRow.tsx';
import { Section } from '../../../components/Section.tsx';
import { professionName, specialtyName } from '../../../lib/codes.ts';
import { formatDate } from '../../../lib/format.ts';
import { MailboxList } from '../components/MailboxList.tsx';

/** Every published field, in two cards: the person or service, and how to reach it. */
export function EntryFieldsList({ entry }: { entry: EntryDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { fields } = entry;
  const none = <Text c="dimmed">{t('directory.values.none')}</Text>;
  const yesNo = (value: boolean) => (value ? t('directory.values.yes') : t('directory.values.no'));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Section title={t('directory.entry.identity')}>
        <InfoList>
          {fields.lastName || fields.firstName ? (
            <InfoRow label={t('account.name')}>
              {[fields.lastName, fields.firstName].filter(Boolean).join(' ')}
            </InfoRow>
          ) : null}
          {fields.serviceName ? (
            <InfoRow label={t('directory.fields.serviceName')}>{fields.serviceName}</InfoRow>
          ) : null}
          <InfoRow label={t('directory.fields.profession')}>
            {professionName(fields.profession, language) ?? none}
          </InfoRow>
          <InfoRow label={t('directory.fields.specialty')} testId="entry-specialty">
            {specialtyName(fields.specialty || null, language) ?? none}
          </InfoRow>
          <InfoRow label={t('directory.fields.nationalId')}>
            {fields.nationalId ? (
              <Text ff="monospace" size="sm">
                {fields.nationalIdKind ? `${t(`nationalIdKinds.${fields.nationalIdKind}`)} ` : ''}
                {fields.nationalId}
              </Text>
            ) : (
              none
            )}
          </InfoRow>
        </InfoList>
      </Section>
      <Section title={t('directory.entry.contact')}>
        <InfoList>
          <InfoRow label={t('directory.fields.mailboxes')}>
            <MailboxList mailboxes={fields.mailboxes} />
          </InfoRow>
          <InfoRow label={t('directory.fields.acceptsAttachments')}>
            {yesNo(fields.acceptsAttachments)}
          </InfoRow>
          <InfoRow label={t('directory.fields.proxyUser')}>{yesNo(fields.proxyUser)}</InfoRow>
          <InfoRow label={t('directory.fields.organisation')}>
            <Text size="sm">{entry.organisationName}</Text>
            {entry.organisationFiness ? (
              <Text size="xs" c="dimmed" ff="monospace">
                {t('directory.entry.finess', { finess: entry.organisationFiness })}
              </Text>
            ) : null}
            {entry.organisationCity ? (
              <Text size="xs" c="dimmed">
                {entry.organisationCity}
              </Text>
            ) : null}
          </InfoRow>
          <InfoRow label={t('directory.fields.departement')}>{fields.departement ?? none}</InfoRow>
          {fields.groupName ? (
            <InfoRow label={t('directory.fields.groupName')}>{fields.groupName}</InfoRow>
          ) : null}
          {entry.publishedAt ? (
            <InfoRow label={t('directory.entry.publishedAt')}>
              {formatDate(entry.publishedAt, language)}
            </InfoRow>
          ) : null}
          <InfoRow label={t('directory.entry.modifiedAt')}>{formatDate(entry.modifiedAt, language)}</InfoRow>
        </InfoList>
      </Section>
    </SimpleGrid>
  );
}
