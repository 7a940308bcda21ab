import { Box, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  own: boolean;
  /** Shown above the content for others' messages in a group. */
  sender: string | null;
  footer: ReactNode;
  children: ReactNode;
  testId: string;
  data?: Record<string, string>;
}

/** One message's frame: own messages on the right in the brand colour, others' on the left in white. */
export function Bubble({ own, sender, footer, children, testId, data }: Props) {
  return (
    <Group justify={own ? 'flex-end' : 'flex-start'} wrap="nowrap">
      <Paper
        shadow="xs"
        radius="lg"
        px="sm"
        py={6}
        maw="min(85%, 520px)"
        bg={own ? 'liaison.0' : 'white'}
        withBorder
        data-testid={testId}
        data-own={own}
        {...data}
      >
        {sender ? (
          <Text size="xs" fw={700} c="liaison.8" data-testid="chat-message-sender">
            {sender}
          </Text>
        ) : null}
        <Box>{children}</Box>
        <Group gap={6} justify="flex-end" mt={2} wrap="nowrap">
          {footer}
        </Group>
      </Paper>
    </Group>
  );
}
