import type { Me } from '@liaison/core/api/index';
import type { ChatPhotoCard } from '@liaison/core/chat/photo';
import { Alert, Anchor, Image, Loader, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chatErrorMessage } from './chatErrors.ts';
import { usePhoto } from './useChatData.ts';

interface Props {
  me: Me;
  conversationId: string;
  messageId: string;
  card: ChatPhotoCard;
  senderName: string;
}

/** The thumbnail from the card at once; the full photo is fetched, decrypted and checked when opened. */
export function PhotoView({ me, conversationId, messageId, card, senderName }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const alt = card.caption.trim() || t('chat.photo.alt', { name: senderName });
  return (
    <Stack gap={4}>
      <UnstyledButton
        onClick={open}
        aria-label={`${t('chat.photo.open')} : ${alt}`}
        data-testid="chat-photo-open"
      >
        <img
          src={`data:image/jpeg;base64,${card.thumbnail.jpeg}`}
          width={card.thumbnail.width}
          height={card.thumbnail.height}
          alt={alt}
          data-testid="chat-photo-thumb"
          style={{ display: 'block', maxWidth: '100%', height: 'auto', borderRadius: 8 }}
        />
      </UnstyledButton>
      {card.caption.trim() ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {card.caption}
        </Text>
      ) : null}
      <Modal
        opened={opened}
        onClose={close}
        title={t('chat.photo.title', { name: senderName })}
        size="xl"
        centered
      >
        {opened ? (
          <FullPhoto me={me} conversationId={conversationId} messageId={messageId} card={card} alt={alt} />
        ) : null}
      </Modal>
    </Stack>
  );
}

function FullPhoto({
  me,
  conversationId,
  messageId,
  card,
  alt,
}: Omit<Props, 'senderName'> & { alt: string }) {
  const { t } = useTranslation();
  const photo = usePhoto(me, conversationId, messageId, card, true);
  const url = useObjectUrl(photo.data);
  if (photo.isError) {
    return (
      <Alert color="red" variant="light" data-testid="chat-photo-error">
        {chatErrorMessage(t, photo.error)}
      </Alert>
    );
  }
  if (!url) return <Loader size="sm" aria-label={t('chat.photo.loading')} />;
  return (
    <Stack gap="sm" align="center">
      <Image src={url} alt={alt} w="auto" maw="100%" mah="75vh" fit="contain" data-testid="chat-photo-full" />
      <Anchor
        href={url}
        download={`photo-${messageId.slice(0, 8)}.jpg`}
        size="sm"
        data-testid="chat-photo-download"
      >
        {t('chat.photo.download')}
      </Anchor>
    </Stack>
  );
}

/** An object URL for the checked bytes, revoked when the photo closes: decrypted data does not linger. */
function useObjectUrl(bytes: Uint8Array | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!bytes) return;
    const next = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }));
    setUrl(next);
    return () => {
      URL.revokeObjectURL(next);
      setUrl(null);
    };
  }, [bytes]);
  return url;
}
