import { maxOccurs, minOccurs, mimeTypes } from '@liaison/core/teleexpertise/extensions';
import type { QuestionnaireItem } from '@liaison/core/teleexpertise/questionnaire';
import type { Answer } from '@liaison/core/teleexpertise/responseSchema';
import { Button, CloseButton, Group, Input, Loader, Stack, Text } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errorMessage.ts';
import { fieldId, itemLabel } from './answers.ts';
import { AttachmentFileError, attachmentFromFile } from './attachmentFiles.ts';
import { AttachmentThumb } from './AttachmentThumb.tsx';

interface Props {
  item: QuestionnaireItem;
  answers: readonly Answer[];
  onChange: (answers: Answer[]) => void;
  error: string | undefined;
  required: boolean;
}

/**
 * Photos taken with the phone's camera or picked from files (PDF too where the item allows it),
 * reduced on the device, shown as thumbnails each with a remove button. A single-answer item keeps
 * the last file picked; a repeating one adds up to its maxOccurs.
 */
export function AttachmentInput({ item, answers, onChange, error, required }: Props) {
  const { t } = useTranslation();
  const cameraRef = useRef<HTMLInputElement>(null);
  const filesRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [pending, setPending] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  // The latest answers, for files that finish reducing after the user removed or added others.
  const current = useRef(answers);
  current.current = answers;

  const allowed = mimeTypes(item);
  const pdf = allowed.includes('application/pdf');
  const max = item.repeats ? maxOccurs(item) : 1;
  const min = minOccurs(item);
  const label = itemLabel(item);

  const add = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const picked = [...files];
    setProblems([]);
    setPending((n) => n + picked.length);
    const found: string[] = [];
    for (const file of picked) {
      try {
        const answer = await attachmentFromFile(file, allowed);
        const next = item.repeats ? [...current.current, answer] : [answer];
        if (max !== undefined && next.length > max) {
          found.push(t('teleexpertise.form.photos.atMost', { max }));
        } else {
          current.current = next;
          onChange(next);
        }
      } catch (cause) {
        found.push(
          cause instanceof AttachmentFileError
            ? t(`teleexpertise.form.photos.${cause.problem}`, { name: cause.fileName })
            : errorMessage(t, cause),
        );
      } finally {
        setPending((n) => n - 1);
      }
    }
    setProblems([...new Set(found)]);
  };

  const remove = (index: number) => onChange(answers.filter((_, i) => i !== index));

  const limits =
    min !== undefined && max !== undefined
      ? t('teleexpertise.form.photos.limits', { min, max })
      : min !== undefined
        ? t('teleexpertise.form.photos.atLeast', { min })
        : max !== undefined && max > 1
          ? t('teleexpertise.form.photos.atMost', { max })
          : '';
  const accepted = t('teleexpertise.form.photos.accepted', {
    types: allowed.map((type) => type.replace(/^.*\//, '').toUpperCase()).join(', '),
  });
  const full = max !== undefined && answers.length >= max && item.repeats === true;

  return (
    // A group of controls rather than one input: named for assistive technology, focusable for "Corriger".
    <div id={fieldId(item.linkId)} role="group" aria-label={label} tabIndex={-1}>
      <Input.Wrapper
        labelElement="div"
        label={label}
        withAsterisk={required}
        description={`${limits} ${accepted}`.trim()}
        error={error}
      >
        <Stack gap="xs" mt={4}>
          {answers.length > 0 && (
            <Group gap="sm" aria-live="polite">
              {answers.map((answer, index) =>
                answer.valueAttachment ? (
                  <div key={index} style={{ position: 'relative' }}>
                    <AttachmentThumb attachment={answer.valueAttachment} />
                    <CloseButton
                      size="sm"
                      variant="filled"
                      radius="xl"
                      style={{ position: 'absolute', top: -8, right: -8 }}
                      aria-label={t('teleexpertise.form.photos.remove', {
                        name: answer.valueAttachment.title ?? `${index + 1}`,
                      })}
                      onClick={() => remove(index)}
                    />
                  </div>
                ) : null,
              )}
            </Group>
          )}
          {pending > 0 && (
            <Group gap="xs" role="status">
              <Loader size="xs" />
              <Text size="sm">{t('teleexpertise.form.photos.reducing')}</Text>
            </Group>
          )}
          <Group gap="xs">
            <Button
              variant="light"
              disabled={full}
              onClick={() => cameraRef.current?.click()}
              aria-describedby={hintId}
            >
              {t('teleexpertise.form.photos.take')}
            </Button>
            <Button
              variant="default"
              disabled={full}
              onClick={() => filesRef.current?.click()}
              aria-describedby={hintId}
            >
              {pdf ? t('teleexpertise.form.photos.add') : t('teleexpertise.form.photos.addPhotos')}
            </Button>
          </Group>
          <Text id={hintId} size="xs" c="dimmed">
            {t('teleexpertise.form.photos.count', { count: answers.length })}
          </Text>
          {/* The camera on a phone; a plain picker on a computer. */}
          <input
            ref={cameraRef}
            type="file"
            accept="image/*"
            capture="environment"
            multiple={item.repeats === true}
            hidden
            aria-label={t('teleexpertise.form.photos.cameraInput', { label })}
            onChange={(event) => {
              void add(event.currentTarget.files);
              event.currentTarget.value = '';
            }}
          />
          <input
            ref={filesRef}
            type="file"
            accept={pdf ? 'image/*,application/pdf' : 'image/*'}
            multiple={item.repeats === true}
            hidden
            aria-label={t('teleexpertise.form.photos.filesInput', { label })}
            onChange={(event) => {
              void add(event.currentTarget.files);
              event.currentTarget.value = '';
            }}
          />
          {problems.map((problem) => (
            <Text key={problem} size="sm" c="red" role="alert">
              {problem}
            </Text>
          ))}
        </Stack>
      </Input.Wrapper>
    </div>
  );
}
