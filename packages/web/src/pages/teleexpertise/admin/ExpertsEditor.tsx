import type { TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import { Badge, Button, Group, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addExpert, removeExpert, teleexpertiseKeys } from '../../../api/teleexpertise.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { OnDutyBadge } from '../expert/availability/OnDutyBadge.tsx';
import { useMailboxPeople } from './useMailboxPeople.ts';

/** The service's experts (on duty now, open requests against capacity), and adding or removing one. */
export function ExpertsEditor({ service }: { service: TeleexpertiseService }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const people = useMailboxPeople(service);
  const [candidate, setCandidate] = useState<string | null>(null);
  const experts = new Set(service.experts.map((e) => e.userId));
  const candidates = (people.people ?? []).filter((p) => !experts.has(p.userId));
  const refresh = () => queryClient.invalidateQueries({ queryKey: teleexpertiseKeys.services });

  const add = useMutation({
    mutationFn: (userId: string) => addExpert(service.id, { userId }),
    onSuccess: async () => {
      setCandidate(null);
      await refresh();
      notifications.show({ color: 'green', message: t('teleexpertiseExpert.admin.experts.added') });
    },
  });
  const remove = useMutation({
    mutationFn: (userId: string) => removeExpert(service.id, userId),
    onSuccess: async () => {
      await refresh();
      notifications.show({ color: 'green', message: t('teleexpertiseExpert.admin.experts.removed') });
    },
  });

  return (
    <Stack gap="sm">
      {service.experts.length === 0 ? (
        <Text size="sm" c="orange.8">
          {t('teleexpertiseExpert.admin.experts.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('teleexpertiseExpert.admin.experts.name')}</Table.Th>
                <Table.Th>{t('teleexpertiseExpert.admin.experts.onDuty')}</Table.Th>
                <Table.Th>{t('teleexpertiseExpert.admin.experts.load')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('teleexpertiseExpert.admin.experts.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {service.experts.map((expert) => (
                <Table.Tr key={expert.userId}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {expert.displayName}
                    </Text>
                    {expert.rpps ? (
                      <Text size="xs" c="dimmed">
                        RPPS {expert.rpps}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <OnDutyBadge onDuty={expert.availableNow} size="md" />
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={expert.openRequests >= expert.capacity ? 'orange' : 'gray'}>
                      {t('teleexpertiseExpert.admin.experts.loadValue', {
                        open: expert.openRequests,
                        capacity: expert.capacity,
                      })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      loading={remove.isPending && remove.variables === expert.userId}
                      onClick={() => remove.mutate(expert.userId)}
                      aria-label={t('teleexpertiseExpert.admin.experts.removeOf', {
                        name: expert.displayName,
                      })}
                    >
                      {t('teleexpertiseExpert.admin.experts.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ErrorAlert error={remove.error} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (candidate) add.mutate(candidate);
        }}
      >
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('teleexpertiseExpert.admin.experts.pick')}
            description={t('teleexpertiseExpert.admin.experts.pickHelp', { address: service.mailboxAddress })}
            searchable
            data={candidates.map((p) => ({ value: p.userId, label: p.name }))}
            value={candidate}
            onChange={setCandidate}
            nothingFoundMessage={t('teleexpertiseExpert.admin.experts.nobody')}
            disabled={people.isPending}
            w={{ base: '100%', sm: 320 }}
          />
          <Button type="submit" variant="light" loading={add.isPending} disabled={candidate === null}>
            {t('teleexpertiseExpert.admin.experts.add')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={add.error ?? people.error} />
    </Stack>
  );
}
