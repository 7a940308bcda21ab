import type { Registration } from '@liaison/core/api/index';
import { Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approveRegistration, fetchPendingRegistrations, rejectRegistration } from '../../api/accounts.ts';
import { queryKeys } from '../../api/keys.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { fullName } from '../../lib/session.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { RegistrationsTable } from './RegistrationsTable.tsx';
import { RejectModal } from './RejectModal.tsx';

export function VerificationPage() {
  return <RequireSession roles={['technician']}>{() => <VerificationQueue />}</RequireSession>;
}

function VerificationQueue() {
  const { t } = useTranslation();
  usePageTitle(t('verification.title'));
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState<Registration | null>(null);
  const pending = useQuery({ queryKey: queryKeys.pendingRegistrations, queryFn: fetchPendingRegistrations });

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.pendingRegistrations });

  const approve = useMutation({
    mutationFn: (registration: Registration) => approveRegistration(registration.id),
    onSuccess: async (_result, registration) => {
      notifications.show({
        color: 'green',
        message: t('verification.approved', { name: fullName(registration) }),
      });
      await refresh();
    },
  });

  const reject = useMutation({
    mutationFn: ({ registration, reason }: { registration: Registration; reason: string }) =>
      rejectRegistration(registration.id, reason),
    onSuccess: async (_result, { registration }) => {
      setRejecting(null);
      notifications.show({
        color: 'orange',
        message: t('verification.rejected', { name: fullName(registration) }),
      });
      await refresh();
    },
  });

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('verification.title')}</Title>
        <Text c="dimmed">{t('verification.intro')}</Text>
      </Stack>
      <ErrorAlert error={pending.error ?? approve.error} />
      {pending.isPending ? <Loading /> : null}
      {pending.data && pending.data.length === 0 ? (
        <Text data-testid="verification-empty">{t('verification.empty')}</Text>
      ) : null}
      {pending.data && pending.data.length > 0 ? (
        <RegistrationsTable
          registrations={pending.data}
          busyId={approve.isPending ? (approve.variables?.id ?? null) : null}
          onApprove={(registration) => approve.mutate(registration)}
          onReject={(registration) => {
            reject.reset();
            setRejecting(registration);
          }}
        />
      ) : null}
      <RejectModal
        registration={rejecting}
        pending={reject.isPending}
        error={reject.error}
        onClose={() => setRejecting(null)}
        onConfirm={(registration, reason) => reject.mutate({ registration, reason })}
      />
    </Stack>
  );
}
