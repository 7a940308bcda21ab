import type { MailCategory } from '@liaison/core/api/mail';
import { Group, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComposeValues } from './composeValues.ts';
import { RecipientPicker } from './RecipientPicker.tsx';

// Notices are not written here: an establishment's system sends them (docs/notices.md).
const CATEGORIES = ['patient', 'information'] as const satisfies readonly MailCategory[];

interface Props {
  from: string;
  values: ComposeValues;
  set: <K extends keyof ComposeValues>(key: K, value: ComposeValues[K]) => void;
  errors: { to: string | undefined; subject: string | undefined };
}

/** Who the letter goes from and to, its subject, and whether it is about a patient. */
export function Addressing({ from, values, set, errors }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="sm">
        <Group gap="xs">
          <Text size="sm" c="dimmed" w={70}>
            {t('mail.message.from')}
          </Text>
          <Text size="sm" ff="monospace" data-testid="compose-from">
            {from}
          </Text>
        </Group>
        <RecipientPicker
          label={t('mail.compose.to')}
          value={values.to}
          onChange={(to) => set('to', to)}
          exclude={values.cc.map((r) => r.address)}
          error={errors.to}
          testId="compose-to"
        />
        <RecipientPicker
          label={t('mail.compose.cc')}
          value={values.cc}
          onChange={(cc) => set('cc', cc)}
          exclude={values.to.map((r) => r.address)}
          testId="compose-cc"
        />
        <TextInput
          label={t('mail.compose.subject')}
          value={values.subject}
          onChange={(event) => set('subject', event.currentTarget.value)}
          error={errors.subject}
          required
          maxLength={250}
          data-testid="compose-subject"
        />
        <Radio.Group
          label={t('mail.compose.category')}
          value={values.category}
          onChange={(value) => set('category', value === 'information' ? 'information' : 'patient')}
        >
          <Group gap="lg" mt={6} wrap="wrap">
            {CATEGORIES.map((category) => (
              <Radio
                key={category}
                value={category}
                label={t(`mail.compose.categories.${category}`)}
                description={t(`mail.compose.categoryHelp.${category}`)}
                data-testid={`category-${category}`}
              />
            ))}
          </Group>
        </Radio.Group>
      </Stack>
    </Paper>
  );
}
