import { Badge } from '@mantine/core';

/** The unread count beside a navigation entry; nothing at zero. The label says what is counted. */
export function NavCountBadge({ count, label, testId }: { count: number; label: string; testId: string }) {
  if (count === 0) return null;
  return (
    <Badge
      size="sm"
      variant="filled"
      color="liaison"
      circle={count < 10}
      aria-label={label}
      data-testid={testId}
    >
      {count}
    </Badge>
  );
}
