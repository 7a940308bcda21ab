import { Anchor, AppShell, Box, Burger, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useSession } from '../lib/session.ts';
import { STATUS_PATH } from '../pages/status/paths.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Loading } from './Loading.tsx';
import { LogoMark } from './LogoMark.tsx';
import { MainNav } from './MainNav.tsx';
import { UserMenu } from './UserMenu.tsx';

/** One shell for every page; the navigation column appears only once someone is fully signed in. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = session.data ?? null;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={me ? { width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
      padding="lg"
    >
      <a href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {me ? (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('app.closeNavigation') : t('app.openNavigation')}
              />
            ) : null}
            <Anchor component={Link} to="/" underline="never" c="inherit" aria-label={t('app.name')}>
              <Group gap={8} wrap="nowrap">
                <LogoMark size={30} />
                <Box>
                  <Title order={2} size="h4" lh={1.1} c="liaison.8">
                    {t('app.name')}
                  </Title>
                  <Text size="xs" c="dimmed" visibleFrom="xs" lh={1.1}>
                    {t('app.tagline')}
                  </Text>
                </Box>
              </Group>
            </Anchor>
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            {me ? <UserMenu me={me} /> : null}
          </Group>
        </Group>
      </AppShell.Header>
      {me ? (
        <AppShell.Navbar p="sm" aria-label={t('app.mainNavigation')}>
          <MainNav me={me} onNavigate={close} />
        </AppShell.Navbar>
      ) : null}
      <AppShell.Main id="main-content" tabIndex={-1} bg="gray.0">
        {/* Inside the shell, so the header stays put while a lazily loaded page arrives. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
        {/* For everyone, signed in or not (login page included): where to look when something fails. */}
        <Box
          component="footer"
          mt="xl"
          pt="md"
          style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Anchor component={Link} to={STATUS_PATH} size="sm" data-testid="footer-status">
            {t('status.footerLink')}
          </Anchor>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
