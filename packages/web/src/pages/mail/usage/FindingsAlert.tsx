import { Alert, List, Stack, Title } from '@mantine/core';
import { Citation } from './CharterQuote.tsx';
import { useCharterArticle } from './useCharterArticle.ts';
import { citedArticles, type FindingNotice } from './usageTexts.ts';

interface Props {
  title: string;
  notices: readonly FindingNotice[];
  color: string;
  /** `status` while the person writes (polite updates); `note` on an opened letter (nothing to announce). */
  role: 'status' | 'note';
  id?: string;
  testId: string;
}

function ArticleCitation({ number }: { number: number }) {
  return <Citation number={number} article={useCharterArticle(number)} />;
}

/** Letter-format findings in words, then the charter articles they come from. */
export function FindingsAlert({ title, notices, color, role, id, testId }: Props) {
  return (
    <Alert
      id={id}
      tabIndex={id ? -1 : undefined}
      color={color}
      variant="light"
      role={role}
      title={
        <Title order={2} size="h5">
          {title}
        </Title>
      }
      data-testid={testId}
    >
      <Stack gap={6}>
        <List size="sm" spacing={4}>
          {notices.map((notice, index) => (
            <List.Item key={`${notice.code}-${index}`} data-testid="letter-finding" data-code={notice.code}>
              {notice.text}
            </List.Item>
          ))}
        </List>
        {citedArticles(notices).map((number) => (
          <ArticleCitation key={number} number={number} />
        ))}
      </Stack>
    </Alert>
  );
}
