import type { CharterArticle } from '@liaison/core/policy/charterArticles';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { citation } from './usageTexts.ts';

/** "Charte, article 6 : Format des courriers", the heading from the charter in force when known. */
export function Citation({ number, article }: { number: number; article: CharterArticle | null }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" data-testid="charter-citation" data-article={number}>
      {citation(t, number, article, true)}
    </Text>
  );
}

/** The cited article's own words, quoted, so the person reads the rule rather than a reference to it. */
export function CharterQuote({ article }: { article: CharterArticle | null }) {
  const { t } = useTranslation();
  if (!article) return null;
  return (
    <Text
      component="blockquote"
      size="sm"
      fs="italic"
      m={0}
      pl="sm"
      style={{ borderInlineStart: '3px solid var(--mantine-color-gray-4)', whiteSpace: 'pre-line' }}
      aria-label={t('usage.charter.quoteLabel', { number: article.number })}
      data-testid="charter-quote"
      data-article={article.number}
    >
      {`Article ${article.number} — ${article.text}`}
    </Text>
  );
}
