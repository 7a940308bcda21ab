import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  intro?: ReactNode;
  width?: number;
  children: ReactNode;
}

/** The centred card used by every signed-out step (login, second factor, setup, activation). */
export function AuthCard({ title, intro, width = 440, children }: Props) {
  return (
    <Center py="xl">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={width}>
        <Stack gap="md">
          <Title order={1} size="h2">
            {title}
          </Title>
          {intro ? <Text c="dimmed">{intro}</Text> : null}
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
