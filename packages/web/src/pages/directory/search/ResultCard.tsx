import type { Me } from '@liaison/core/api/index';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { Anchor, Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchHit } from '../../../api/directory.ts';
import { EntryActions } from '../components/EntryActions.tsx';
import { MailboxList } from '../components/MailboxList.tsx';
import { placeLine, practiceLine } from '../labels.ts';
import { entryPath } from '../paths.ts';

/** One search result: who, what they practise, where, and the addresses to write to. */
export function ResultCard({ hit, me, inBook }: { hit: SearchHit; me: Me | null; inBook: boolean }) {
  const { t, i18n } = useTranslation();
  const name = entryDisplayName(hit.fields);
  const practice = practiceLine(hit.fields, i18n.language);
  return (
    <Paper
      component="article"
      withBorder
      p="md"
      radius="md"
      data-testid="directory-result"
      data-entry-id={hit.id}
      aria-label={name}
    >
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={entryPath(hit.id)} data-testid="result-name">
                {name}
              </Anchor>
            </Title>
            {hit.match === 'typo' ? (
              <Badge variant="outline" color="gray" tt="none" size="sm">
                {t('directory.search.typo')}
              </Badge>
            ) : null}
            {hit.fields.unlisted ? (
              <Badge variant="light" color="gray" tt="none" size="sm">
                {t('directory.fields.unlisted')}
              </Badge>
            ) : null}
          </Group>
          {practice ? (
            <Text size="sm" fw={500} data-testid="result-practice">
              {practice}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {placeLine(hit)}
          </Text>
        </Stack>
        <EntryActions me={me} entry={hit} inBook={inBook} />
      </Group>
      <Box mt="sm">
        <MailboxList mailboxes={hit.fields.mailboxes} />
      </Box>
    </Paper>
  );
}
