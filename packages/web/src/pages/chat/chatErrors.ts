import { ChatHistoryError } from '@liaison/core/chat/history';
import { ChatPhotoError } from '@liaison/core/chat/photo';
import type { TFunction } from 'i18next';
import { mailErrorMessage } from '../../mailCrypto/errors.ts';

/**
 * The sentence for any failure of the chat screens: photo and history checks on this device, then the keys of this
 * browser (shared with mail), then the server's and the crypto core's catalogues.
 */
export function chatErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ChatPhotoError) return t(`chat.photo.errors.${error.code}`);
  if (error instanceof ChatHistoryError) return t('chat.history.invalid');
  return mailErrorMessage(t, error);
}
