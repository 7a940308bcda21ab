import type { Me } from '@liaison/core/api/index';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InfoList, InfoRow } from '../../components/InfoRow.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { Section } from '../../components/Section.tsx';
import { professionName, specialtyName } from '../../lib/codes.ts';
import { formatDate } from '../../lib/format.ts';
import { fullName } from '../../lib/session.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useLogout } from '../../lib/useLogout.ts';
import { MailboxList } from './MailboxList.tsx';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';

export function AccountPage() {
  return <RequireSession>{(me) => <AccountDetails me={me} />}</RequireSession>;
}

function AccountDetails({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('account.title'));
  const logout = useLogout();
  const language = i18n.language;
  const uniqueRoles = [...new Set(me.roles.map((entry) => entry.role))];

  return (
    <Stack gap="lg" maw={900}>
      <Group justify="space-between">
        <Title order={1}>{t('account.title')}</Title>
        <Button variant="default" onClick={() => logout.mutate()} loading={logout.isPending}>
          {t('app.logout')}
        </Button>
      </Group>
      <Section title={t('account.identity')}>
        <InfoList>
          <InfoRow label={t('account.name')} testId="account-name">
            <Text fw={600}>{fullName(me)}</Text>
          </InfoRow>
          <InfoRow label={t('fields.email')} testId="account-email">
            <Text>{me.email}</Text>
          </InfoRow>
          <InfoRow label={t('account.status')}>
            <Badge color={me.status === 'active' ? 'green' : 'gray'} variant="light">
              {t(`accountStatus.${me.status}`)}
            </Badge>
          </InfoRow>
          <InfoRow label={t('account.roles')}>
            <Group gap="xs">
              {uniqueRoles.map((role) => (
                <Badge key={role} variant="outline">
                  {t(`roles.${role}`)}
                </Badge>
              ))}
            </Group>
          </InfoRow>
        </InfoList>
      </Section>

      <Section title={t('account.practice')}>
        <InfoList>
          <InfoRow
            label={me.nationalIdKind ? t(`nationalIdKinds.${me.nationalIdKind}`) : t('account.nationalId')}
            testId="account-national-id"
          >
            {me.nationalId ? (
              <Text ff="monospace">{me.nationalId}</Text>
            ) : (
              <Text c="dimmed">{t('account.noIdentifier')}</Text>
            )}
          </InfoRow>
          {me.profession ? (
            <InfoRow label={t('account.profession')}>
              <Text>{professionName(me.profession, language)}</Text>
            </InfoRow>
          ) : null}
          {me.specialty ? (
            <InfoRow label={t('account.specialty')}>
              <Text>{specialtyName(me.specialty, language)}</Text>
            </InfoRow>
          ) : null}
          <InfoRow label={t('account.establishments')}>
            {me.memberships.length === 0 ? (
              <Text c="dimmed">{t('account.noEstablishment')}</Text>
            ) : (
              <Stack gap={2}>
                {me.memberships.map((membership) => (
                  <Text key={`${membership.organisationId}-${membership.role}`}>
                    {membership.organisationName}{' '}
                    <Text span c="dimmed" size="sm">
                      ({t(`roles.${membership.role}`)})
                    </Text>
                  </Text>
                ))}
              </Stack>
            )}
          </InfoRow>
        </InfoList>
      </Section>

      <Section title={t('account.mailboxes')}>
        <MailboxList mailboxes={me.mailboxes} />
      </Section>

      <Section title={t('account.security')}>
        <InfoList>
          <InfoRow label={t('account.secondFactor')}>
            <Badge color={me.totpEnabled ? 'green' : 'orange'} variant="light">
              {me.totpEnabled ? t('account.totpOn') : t('account.totpOff')}
            </Badge>
          </InfoRow>
          <InfoRow label={t('account.charter')}>
            <Text>
              {me.charterVersion !== null && me.charterAcceptedAt !== null
                ? t('account.charterAccepted', {
                    version: me.charterVersion,
                    date: formatDate(me.charterAcceptedAt, language),
                  })
                : t('account.charterNone')}
            </Text>
          </InfoRow>
        </InfoList>
      </Section>

      <Section title={t('account.keysTitle')}>
        <Text>{t('account.keysText')}</Text>
        <Button component={Link} to="/keys" variant="light" w="fit-content">
          {t('account.keysLink')}
        </Button>
      </Section>

      <Section title={t('account.passwordTitle')}>
        <PasswordChangeForm />
      </Section>
    </Stack>
  );
}
