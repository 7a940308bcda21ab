import type { Me } from '@liaison/core/api/index';
import type { TeleexpertiseRequestDetail, TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import type { RequestContent } from '@liaison/core/teleexpertise/requestContent';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../../components/Section.tsx';
import { mailErrorMessage } from '../../../../mailCrypto/errors.ts';
import { useActiveSigningSerial, usePersonalKeys } from '../../../mail/useMailCrypto.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { useSendAnswer } from './useSendAnswer.ts';

interface Props {
  me: Me;
  detail: TeleexpertiseRequestDetail;
  content: RequestContent;
  service: TeleexpertiseService;
}

/** "Répondre": the answer form, and the sending of the letter and the answer with its progress. */
export const AnswerSection = forwardRef<HTMLDivElement, Props>(function AnswerSection(
  { me, detail, content, service },
  ref,
) {
  const { t } = useTranslation();
  const keys = usePersonalKeys(me);
  const signing = useActiveSigningSerial(me);
  const sender = useSendAnswer();
  const blockedReason = keys.error
    ? mailErrorMessage(t, keys.error)
    : !keys.data || signing.isPending
      ? t('teleexpertiseExpert.answer.loadingKeys')
      : null;

  return (
    <div ref={ref} tabIndex={-1}>
      <Section title={t('teleexpertiseExpert.answer.title')}>
        <AnswerForm
          state={sender.state}
          locked={sender.letterSent}
          blockedReason={blockedReason}
          onSend={(input) => {
            if (!keys.data) return;
            void sender.send(input, {
              me,
              detail,
              content,
              service,
              keys: keys.data,
              signingSerial: signing.data ?? null,
            });
          }}
        />
      </Section>
    </div>
  );
});
