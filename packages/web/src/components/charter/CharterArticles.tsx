import type { Charter } from '@liaison/core/api/index';
import { Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { articleBody, charterLayout } from './charterScreen.ts';

/**
 * A charter as people read it: its title, version and publication date, then its articles as a
 * numbered list, each with its heading ("Article 5 — Pas d'envois de masse") and its words. A text
 * without numbered articles is shown as written.
 */
export function CharterArticles({ charter }: { charter: Charter }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const { preamble, articles } = charterLayout(charter.text);
  return (
    <Stack component="section" aria-labelledby={titleId} gap="md" data-testid="charter-text">
      <Stack gap={2}>
        <Title order={2} size="h3" id={titleId}>
          {charter.title}
        </Title>
        <Text size="sm" c="dimmed" data-testid="charter-version" data-version={charter.version}>
          {charter.publishedAt
            ? t('quarantine.charter.versionPublished', {
                version: charter.version,
                date: formatDate(charter.publishedAt, i18n.language),
              })
            : t('quarantine.charter.version', { version: charter.version })}
        </Text>
      </Stack>
      {preamble ? (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {preamble}
        </Text>
      ) : null}
      {articles.length > 0 ? (
        <Stack
          component="ol"
          gap="md"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('quarantine.charter.articles')}
        >
          {articles.map((article) => (
            <li key={article.number} data-testid="charter-article" data-article={article.number}>
              <Title order={3} size="h5">
                {t('quarantine.charter.article', { number: article.number, heading: article.heading })}
              </Title>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
                {articleBody(article)}
              </Text>
            </li>
          ))}
        </Stack>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {charter.text}
        </Text>
      )}
    </Stack>
  );
}
