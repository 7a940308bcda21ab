import type { Charter, Me } from '@liaison/core/api/index';
import { Anchor, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptCharter } from '../../api/charter.ts';
import { isApiError } from '../../api/client.ts';
import { queryKeys } from '../../api/keys.ts';
import { useLogout } from '../../lib/useLogout.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Loading } from '../Loading.tsx';
import { CharterArticles } from './CharterArticles.tsx';
import { charterScreenKind } from './charterScreen.ts';
import { useCharterInForce } from './useCharterInForce.ts';

/**
 * Shown instead of any page while the person has not accepted the charter in force (a new version
 * was published, or they never accepted one). Sending waits for it on the server side too
 * (CHARTER_NOT_ACCEPTED); once accepted, the session is fetched again and the requested page shows.
 */
export function CharterAcceptance({ me }: { me: Me }) {
  const { t } = useTranslation();
  const kind = charterScreenKind(me);
  const title = kind === 'first' ? t('quarantine.charter.firstTitle') : t('quarantine.charter.changedTitle');
  usePageTitle(title);
  const queryClient = useQueryClient();
  const logout = useLogout();
  const charter = useCharterInForce({ fresh: true });
  const accept = useMutation({
    mutationFn: (version: number) => acceptCharter(version),
    onSuccess: async (_result, version) => {
      notifications.show({ color: 'green', message: t('quarantine.charter.accepted', { version }) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
    onError: async (error) => {
      // A newer version came out while they read: show it (the error says so) and ask again.
      if (isApiError(error) && error.code === 'CHARTER_VERSION_STALE') {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: ['charter'] }),
          queryClient.invalidateQueries({ queryKey: queryKeys.me }),
        ]);
      }
    },
  });

  return (
    <Stack gap="lg" maw={820} data-testid="charter-acceptance">
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        <Text>
          {kind === 'first'
            ? t('quarantine.charter.firstIntro')
            : t('quarantine.charter.changedIntro', { previous: me.charterVersion ?? '' })}
        </Text>
      </Stack>
      <ErrorAlert error={charter.error} />
      {charter.isPending ? <Loading /> : null}
      {charter.data ? (
        <>
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
            <CharterArticles charter={charter.data} />
          </Paper>
          <AcceptForm
            // A newer text starts unticked: accepting one version says nothing of the next.
            key={charter.data.version}
            charter={charter.data}
            pending={accept.isPending}
            error={accept.error}
            onAccept={(version) => accept.mutate(version)}
          />
        </>
      ) : null}
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('quarantine.charter.later')}
        </Text>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => logout.mutate()}
          data-testid="charter-logout"
        >
          {t('quarantine.charter.logout')}
        </Anchor>
      </Group>
    </Stack>
  );
}

function AcceptForm({
  charter,
  pending,
  error,
  onAccept,
}: {
  charter: Charter;
  pending: boolean;
  error: unknown;
  onAccept: (version: number) => void;
}) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(false);
  const [tried, setTried] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (checked) onAccept(charter.version);
      }}
    >
      <Stack gap="md">
        <Checkbox
          label={t('quarantine.charter.accept', { version: charter.version })}
          required
          checked={checked}
          onChange={(event) => setChecked(event.currentTarget.checked)}
          error={tried && !checked ? t('quarantine.charter.acceptRequired') : undefined}
          data-testid="charter-accept"
        />
        <ErrorAlert error={error} />
        <Group>
          <Button type="submit" loading={pending} data-testid="charter-submit">
            {t('quarantine.charter.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
