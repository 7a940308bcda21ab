import type { Charter } from '@liaison/core/api/index';
import { Checkbox, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  charter: Charter;
  acceptLabel: string;
  checkboxProps: {
    checked?: boolean;
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => void;
    error?: React.ReactNode;
  };
}

/**
 * The full charter in a scrollable, focusable region: keyboard users can scroll it with the arrow keys
 * and screen readers reach it by its name before the checkbox that accepts it.
 */
export function CharterBox({ charter, acceptLabel, checkboxProps }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Paper withBorder p={0} radius="sm" bg="white">
        <ScrollArea.Autosize mah={260} type="auto" offsetScrollbars>
          <section
            aria-labelledby="charter-title"
            tabIndex={0}
            style={{ padding: 'var(--mantine-spacing-md)' }}
            data-testid="charter-text"
          >
            <Title order={3} size="h5" id="charter-title">
              {charter.title}
            </Title>
            {/* The server's title usually names the version already; say it only when it does not. */}
            {charter.title.includes(String(charter.version)) ? null : (
              <Text size="xs" c="dimmed">
                {t('register.charterVersion', { version: charter.version })}
              </Text>
            )}
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {charter.text}
            </Text>
          </section>
        </ScrollArea.Autosize>
      </Paper>
      <Checkbox
        label={acceptLabel}
        required
        checked={checkboxProps.checked ?? false}
        onChange={checkboxProps.onChange}
        error={checkboxProps.error}
        data-testid="charter-accept"
      />
    </Stack>
  );
}
