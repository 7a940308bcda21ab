import type { Me } from '@liaison/core/api/index';
import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fullName } from '../lib/session.ts';
import { useLogout } from '../lib/useLogout.ts';

function initials(me: Me): string {
  return `${me.firstName.charAt(0)}${me.lastName.charAt(0)}`.toUpperCase();
}

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const name = fullName(me);
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('app.userMenu', { name })} data-testid="user-menu" p={4}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="liaison" radius="xl" size="sm" aria-hidden>
              {initials(me)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm">
              {name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {t('app.signedInAs')}
          <Text size="sm" c="dark" truncate="end">
            {me.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t('app.nav.account')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" onClick={() => logout.mutate()} data-testid="logout">
          {t('app.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
