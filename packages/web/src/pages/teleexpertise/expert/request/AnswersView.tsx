import type { QuestionnaireItem } from '@liaison/core/teleexpertise/questionnaire';
import type { Answer, ResponseItem } from '@liaison/core/teleexpertise/responseSchema';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { answerText, isInlineImage } from './answerValue.ts';
import { FileDownload } from './FileDownload.tsx';
import { PhotoThumb } from './PhotoThumb.tsx';

interface Props {
  items: readonly ResponseItem[] | undefined;
  /** The form's items by linkId: questions are named with the form's text, not the sender's. */
  formItems: ReadonlyMap<string, QuestionnaireItem>;
  /** linkIds that have a finding, marked beside the answer. */
  flagged: ReadonlySet<string>;
}

/** Every answer of the request with its question, groups as headed blocks, photos as thumbnails. */
export function AnswersView({ items, formItems, flagged }: Props) {
  const { t } = useTranslation();
  if (!items || items.length === 0) {
    return <Text c="dimmed">{t('teleexpertiseExpert.view.noAnswers')}</Text>;
  }
  return (
    <Stack gap="sm" component="dl" m={0}>
      {items.map((item, index) => (
        <ItemView key={`${item.linkId}-${index}`} item={item} formItems={formItems} flagged={flagged} />
      ))}
    </Stack>
  );
}

function ItemView({
  item,
  formItems,
  flagged,
}: {
  item: ResponseItem;
  formItems: ReadonlyMap<string, QuestionnaireItem>;
  flagged: ReadonlySet<string>;
}) {
  const { t, i18n } = useTranslation();
  const formItem = formItems.get(item.linkId);
  const question = formItem?.text ?? item.linkId;
  const answers: Answer[] = item.answer ?? [];
  const photos = answers.filter(isInlineImage);
  const others = answers.filter((answer) => !isInlineImage(answer));

  if (item.item && item.item.length > 0 && answers.length === 0) {
    return (
      <Stack gap={6} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
        <Text fw={700} component="dt">
          {question}
        </Text>
        <dd style={{ margin: 0 }}>
          <AnswersView items={item.item} formItems={formItems} flagged={flagged} />
        </dd>
      </Stack>
    );
  }
  return (
    <div data-testid="te-answer" data-link-id={item.linkId}>
      <Group gap="xs" component="dt">
        <Text fw={600} size="sm">
          {question}
        </Text>
        {formItem === undefined ? (
          <Badge color="red" variant="light" size="sm">
            {t('teleexpertiseExpert.view.unknownItem')}
          </Badge>
        ) : null}
        {flagged.has(item.linkId) ? (
          <Badge color="red" variant="filled" size="sm">
            {t('teleexpertiseExpert.view.flagged')}
          </Badge>
        ) : null}
      </Group>
      <dd style={{ margin: 0 }}>
        {others.map((answer, index) => {
          const text = answerText(answer, formItem, t, i18n.language);
          const file = answer.valueAttachment;
          if (file?.url !== undefined) {
            return (
              <Text key={index}>{t('teleexpertiseExpert.view.attachmentByReference', { name: text })}</Text>
            );
          }
          return (
            <Group key={index} gap="sm">
              <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
              {file?.data !== undefined ? (
                <FileDownload attachment={file} label={`${question} : ${text}`} />
              ) : null}
            </Group>
          );
        })}
        {photos.length > 0 ? (
          <Group gap="sm" mt={4}>
            {photos.map((answer, index) => (
              <PhotoThumb
                key={index}
                attachment={answer.valueAttachment!}
                label={t('teleexpertiseExpert.view.photoLabel', {
                  question,
                  n: index + 1,
                  total: photos.length,
                })}
              />
            ))}
          </Group>
        ) : null}
      </dd>
    </div>
  );
}
