import type { DirectorySubmission } from '@liaison/core/api/directory';
import { changedFields } from '@liaison/core/directory/entryRules';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_ORDER, fieldText, type FieldKey } from '../labels.ts';
import classes from './FieldDiff.module.css';

const NEW_ENTRY_FLAGS: Partial<Record<FieldKey, boolean>> = {
  acceptsAttachments: true,
  proxyUser: false,
  unlisted: false,
};

/**
 * Rows that differ from what is published (for a new entry or a removal: every field with a value).
 * The kind of an identifier is shown with the number, so a change to either is one row.
 */
function changedRows(submission: DirectorySubmission): Set<FieldKey> {
  const { action, published, fields } = submission;
  const before = action === 'update' ? published : null;
  const keys = changedFields(before, fields).map((key) => (key === 'nationalIdKind' ? 'nationalId' : key));
  if (before !== null) return new Set(keys);
  // A whole entry shown at once: flags left at their usual value are noise for the reviewer.
  return new Set(
    keys.filter((key) => NEW_ENTRY_FLAGS[key] === undefined || NEW_ENTRY_FLAGS[key] !== fields[key]),
  );
}

/**
 * Published → proposed, field by field. For a change, only what differs is shown at first (marked
 * with words and <del>/<ins>, not colour alone); a new entry shows what it would publish, a removal
 * what would disappear.
 */
export function FieldDiff({ submission }: { submission: DirectorySubmission }) {
  const { t, i18n } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const { action, published, fields } = submission;
  const changed = changedRows(submission);
  const isUpdate = action === 'update' && published !== null;
  const rows = isUpdate && showAll ? FIELD_ORDER : FIELD_ORDER.filter((key) => changed.has(key));
  const text = (key: FieldKey, source: typeof fields) => fieldText(t, i18n.language, key, source);

  return (
    <Stack gap="xs">
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('directory.review.noChange')}
        </Text>
      ) : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={520}>
          <Table
            verticalSpacing={6}
            withTableBorder
            withColumnBorders
            className={classes.diff}
            data-testid="submission-diff"
          >
            <Table.Caption>{t(`directory.review.diffCaption.${action}`)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="28%">
                  {t('directory.review.field')}
                </Table.Th>
                {isUpdate || action === 'remove' ? (
                  <Table.Th scope="col">{t('directory.review.published')}</Table.Th>
                ) : null}
                {action !== 'remove' ? (
                  <Table.Th scope="col">{t('directory.review.proposed')}</Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((key) => {
                const differs = isUpdate && changed.has(key);
                return (
                  <Table.Tr key={key} data-changed={differs} data-testid="diff-row" data-field={key}>
                    <Table.Th scope="row" fw={500}>
                      <Group gap={6} wrap="nowrap">
                        <span>{t(`directory.fields.${key}`)}</span>
                        {differs ? (
                          <Badge size="xs" color="orange" variant="light" tt="none">
                            {t('directory.review.changed')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Th>
                    {isUpdate ? (
                      <Table.Td>
                        {differs ? (
                          <del className={classes.removed}>{text(key, published)}</del>
                        ) : (
                          text(key, published)
                        )}
                      </Table.Td>
                    ) : null}
                    {action === 'remove' ? (
                      <Table.Td>
                        <del className={classes.removed}>{text(key, fields)}</del>
                      </Table.Td>
                    ) : (
                      <Table.Td>
                        {differs ? (
                          <ins className={classes.added}>{text(key, fields)}</ins>
                        ) : (
                          text(key, fields)
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {isUpdate ? (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setShowAll((value) => !value)}
            aria-expanded={showAll}
          >
            {showAll ? t('directory.review.changedOnly') : t('directory.review.allFields')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
