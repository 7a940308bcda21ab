import type { TFunction } from 'i18next';
import { mailErrorMessage } from '../../../mailCrypto/errors.ts';
import { TeSealError } from './teCrypto.ts';

/**
 * A sentence for a failure on a tele-expertise screen: the sealing problems of teCrypto said for
 * this context (`viewerId` tells "you have no certificate" from "the requester has none"), anything
 * else as mail says it (this browser's keys: mailCrypto/errors.ts) or by its stable code.
 */
export function teErrorMessage(t: TFunction, error: unknown, viewerId: string): string {
  if (error instanceof TeSealError) {
    switch (error.reason) {
      case 'service-no-certificate':
        return t('teleexpertise.crypto.serviceNoCertificate');
      case 'service-wrong-address':
        return t('teleexpertise.crypto.serviceWrongAddress');
      case 'no-personal-certificate':
        return error.userId === viewerId
          ? t('teleexpertise.crypto.noCertificate')
          : t('teleexpertise.crypto.requesterNoCertificate');
    }
  }
  return mailErrorMessage(t, error);
}
