import type { TaskStatus } from '@liaison/core/teleexpertise/task';
import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A request's FHIR Task status as a person reads it: one French label and one colour per status, the
 * same on the requester's and the expert's screens. Colours only repeat what the label says (never
 * the only cue): waiting is grey/blue, an action expected from the requester orange, done green.
 */
export const TASK_STATUS_COLOURS: Readonly<Record<TaskStatus, MantineColor>> = {
  requested: 'gray',
  received: 'cyan',
  accepted: 'indigo',
  'in-progress': 'blue',
  'on-hold': 'orange',
  completed: 'green',
  rejected: 'red',
  cancelled: 'dark',
};

export function useTaskStatusLabel(): (status: TaskStatus) => string {
  const { t } = useTranslation();
  return (status) => t(`teleexpertise.status.${status}`);
}

export function TaskStatusBadge({ status, size = 'md' }: { status: TaskStatus; size?: 'sm' | 'md' | 'lg' }) {
  const label = useTaskStatusLabel();
  return (
    <Badge color={TASK_STATUS_COLOURS[status]} variant="light" size={size} data-status={status}>
      {label(status)}
    </Badge>
  );
}
