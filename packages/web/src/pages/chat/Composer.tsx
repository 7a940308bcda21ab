import { MAX_CHAT_CAPTION_CHARS } from '@liaison/core/chat/photo';
import { Alert, Button, FileButton, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chatErrorMessage } from './chatErrors.ts';
import { checkPhotoFile } from './crypto/reducePhoto.ts';
import { CameraIcon } from './icons.tsx';

interface Props {
  onSendText: (text: string) => void;
  onSendPhoto: (file: Blob, caption: string) => void;
  /** No keys in this browser: nothing could be encrypted. */
  disabled: boolean;
}

/**
 * Text (Enter sends, Shift+Enter starts a new line) or a photo with an optional caption. The file
 * input asks phones for the camera; what is picked is checked to be an image before anything else.
 */
export function Composer({ onSendText, onSendPhoto, disabled }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [problem, setProblem] = useState<unknown>(null);

  const sendText = () => {
    if (disabled || text.trim() === '') return;
    onSendText(text);
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // While an input method composes a word, Enter confirms the word, not the message.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      sendText();
    }
  };

  const pick = async (file: File | null) => {
    setProblem(null);
    if (!file) return;
    try {
      await checkPhotoFile(file);
      setPhoto(file);
    } catch (error) {
      setProblem(error);
    }
  };

  const sendPhoto = () => {
    if (!photo) return;
    onSendPhoto(photo, caption.trim());
    setPhoto(null);
    setCaption('');
  };

  return (
    <Paper p="sm" radius={0} style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Stack gap="xs">
        {problem ? (
          <Alert
            color="red"
            variant="light"
            withCloseButton
            onClose={() => setProblem(null)}
            data-testid="chat-composer-error"
          >
            {chatErrorMessage(t, problem)}
          </Alert>
        ) : null}
        {photo ? (
          <Stack gap={6} data-testid="chat-photo-draft">
            <Text size="sm">{t('chat.composer.photoReady', { name: photo.name })}</Text>
            <TextInput
              label={t('chat.composer.caption')}
              placeholder={t('chat.composer.captionPlaceholder')}
              value={caption}
              maxLength={MAX_CHAT_CAPTION_CHARS}
              onChange={(event) => setCaption(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  sendPhoto();
                }
              }}
              data-autofocus
            />
            <Text size="xs" c="dimmed">
              {t('chat.composer.privacy')}
            </Text>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setPhoto(null)}>
                {t('chat.composer.cancelPhoto')}
              </Button>
              <Button onClick={sendPhoto} data-testid="chat-photo-send">
                {t('chat.composer.sendPhoto')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <FileButton
              disabled={disabled}
              onChange={(file) => void pick(file)}
              accept="image/*"
              capture="environment"
              inputProps={{ 'aria-label': t('chat.composer.photo') }}
            >
              {(props) => (
                <Button
                  {...props}
                  variant="default"
                  px="xs"
                  aria-label={t('chat.composer.photo')}
                  title={t('chat.composer.photo')}
                  data-testid="chat-photo-pick"
                >
                  <CameraIcon />
                </Button>
              )}
            </FileButton>
            <Textarea
              style={{ flex: 1 }}
              aria-label={t('chat.composer.label')}
              aria-description={t('chat.composer.hint')}
              placeholder={t('chat.composer.placeholder')}
              autosize
              minRows={1}
              maxRows={6}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              onKeyDown={onKeyDown}
              disabled={disabled}
              data-testid="chat-composer"
            />
            <Button onClick={sendText} disabled={disabled || text.trim() === ''} data-testid="chat-send">
              {t('chat.composer.send')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
