import type { Me } from '@liaison/core/api/index';
import type { TeleexpertiseRequestSummary } from '@liaison/core/api/teleexpertise';
import { List, Text } from '@mantine/core';
import type { useExpertContext } from './useExpertContext.ts';
import { RequestRow } from './RequestRow.tsx';

interface Props {
  me: Me;
  requests: readonly TeleexpertiseRequestSummary[];
  context: ReturnType<typeof useExpertContext>;
  showAssignee: boolean;
  empty: string;
  now: number;
}

/** Most urgent first: the nearest deadline on top (a paused request keeps its place by its due date). */
export function RequestList({ me, requests, context, showAssignee, empty, now }: Props) {
  if (requests.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  const sorted = [...requests].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return (
    <List listStyleType="none" spacing="xs" styles={{ itemWrapper: { width: '100%' } }}>
      {sorted.map((request) => (
        <RequestRow
          key={request.id}
          me={me}
          request={request}
          serviceMailboxId={context.serviceOf(request.serviceId)?.mailboxId ?? null}
          formTitle={context.formTitle(request.form)}
          showAssignee={showAssignee}
          now={now}
        />
      ))}
    </List>
  );
}
