import type { Me } from '@liaison/core/api/index';
import { Anchor, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { queryKeys } from '../../../api/keys.ts';
import { fetchOrganisation } from '../../../api/organisations.ts';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { administeredOrganisations } from '../../../lib/session.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { EntriesSection } from './entries/EntriesSection.tsx';
import { LdapSection } from './ldap/LdapSection.tsx';
import { SubmissionsSection } from './submissions/SubmissionsTable.tsx';
import { UploadSection } from './upload/UploadSection.tsx';

const TABS = ['entries', 'upload', 'submissions', 'ldap'] as const;
type Tab = (typeof TABS)[number];
const TAB_TITLES = {
  entries: 'directory.admin.tabs.entries',
  upload: 'directory.upload.title',
  submissions: 'directory.submissions.title',
  ldap: 'directory.ldap.title',
} as const;

function isTab(value: string | null): value is Tab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

/** An establishment's directory, for its admins: entries, file upload, decisions, LDAP push. */
export function OrganisationDirectoryPage() {
  const { organisationId = '' } = useParams();
  return (
    <RequireSession>
      {(me) => <OrganisationDirectory me={me} organisationId={organisationId} />}
    </RequireSession>
  );
}

function OrganisationDirectory({ me, organisationId }: { me: Me; organisationId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = isTab(tabParam) ? tabParam : 'entries';
  const known = administeredOrganisations(me).find((organisation) => organisation.id === organisationId);
  const organisation = useQuery({
    queryKey: queryKeys.organisation(organisationId),
    queryFn: () => fetchOrganisation(organisationId),
    enabled: known === undefined,
  });
  const name = known?.name ?? organisation.data?.name ?? '';
  usePageTitle(`${t('directory.admin.title')}${name ? ` · ${name}` : ''}`);
  // A running import is in the address too, so its progress survives a reload or a tab switch; its
  // progress token (answered from the importing node's memory) only lives in this page.
  const importId = params.get('import');
  const [progressTokens, setProgressTokens] = useState<Record<string, string>>({});
  const select = (next: Tab, nextImport: string | null = null) =>
    setParams(
      {
        ...(next === 'entries' ? {} : { tab: next }),
        ...(nextImport ? { import: nextImport } : {}),
      },
      { replace: true },
    );

  return (
    <Stack gap="lg" maw={1200}>
      <Anchor component={Link} to={`/establishments/${encodeURIComponent(organisationId)}`} size="sm">
        ← {t('directory.admin.back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{t('directory.admin.title')}</Title>
        {name ? (
          <Text fw={500} size="lg">
            {name}
          </Text>
        ) : null}
        <Text c="dimmed" size="sm" maw={820}>
          {t('directory.admin.intro')}
        </Text>
      </Stack>
      <Tabs
        value={tab}
        onChange={(value) => isTab(value) && select(value, value === 'upload' ? importId : null)}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`directory.admin.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((key) => (
          <Tabs.Panel key={key} value={key} pt="md">
            <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md">
              <Stack gap="md">
                <Title order={2} size="h4">
                  {t(TAB_TITLES[key])}
                </Title>
                {key === 'entries' ? <EntriesSection organisationId={organisationId} /> : null}
                {key === 'upload' ? (
                  <UploadSection
                    organisationId={organisationId}
                    importId={importId}
                    progressToken={importId ? progressTokens[importId] : undefined}
                    onImportChange={(started) => {
                      if (started?.progressToken) {
                        const token = started.progressToken;
                        setProgressTokens((current) => ({ ...current, [started.importId]: token }));
                      }
                      select('upload', started?.importId ?? null);
                    }}
                    onShowEntries={() => select('entries')}
                  />
                ) : null}
                {key === 'submissions' ? <SubmissionsSection organisationId={organisationId} /> : null}
                {key === 'ldap' ? <LdapSection organisationId={organisationId} /> : null}
              </Stack>
            </Paper>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
