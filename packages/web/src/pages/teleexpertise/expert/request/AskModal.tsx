import { TE_NOTE_MAX_CHARS } from '@liaison/core/teleexpertise/noteContent';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  onSend: (text: string) => void;
  pending: boolean;
  error: unknown;
}

/** "Demander des précisions": a question to the requester, encrypted; the deadline clock pauses. */
export function AskModal({ opened, onClose, onSend, pending, error }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const blank = text.trim() === '';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('teleexpertiseExpert.actions.askTitle')}
      centered
      size="lg"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!blank) onSend(text.trim());
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('teleexpertiseExpert.actions.askText')}</Text>
          <Textarea
            label={t('teleexpertiseExpert.actions.askQuestion')}
            required
            autosize
            minRows={4}
            maxLength={TE_NOTE_MAX_CHARS}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={tried && blank ? t('validation.required') : undefined}
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {t('teleexpertiseExpert.actions.askSend')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
