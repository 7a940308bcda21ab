import type { Messages } from '../fr.ts';

/** Usage rules on the sender's and recipient's side: letter-format findings, bulk-mail warnings, held messages. */
export const usageEn: Messages['usage'] = {
  charter: {
    cite: 'charter, article {{number}}',
    citeHeading: 'charter, article {{number}}: {{heading}}',
    citeStart: 'Charter, article {{number}}',
    citeStartHeading: 'Charter, article {{number}}: {{heading}}',
    quoteLabel: 'Text of article {{number}} of the usage charter',
  },
  findings: {
    blockingTitle: 'This letter cannot be sent yet',
    warningTitle: 'Before you send',
    receivedTitle: 'About this letter',
    sender: {
      PATIENT_HEADER_MISSING:
        'A letter about a patient starts with the HPRIM header (the patient’s surname, first name and birth date) so the recipient’s software files it in the right record. Fill in the “Patient” part, or choose “Message without patient (information)” if no patient is concerned.',
      PATIENT_SURNAME_MISSING:
        'Enter the patient’s surname, or choose “Message without patient (information)” if the message is about no patient.',
      PATIENT_FIRST_NAME_MISSING: 'Enter the patient’s first name.',
      PATIENT_BIRTH_DATE_MISSING:
        'Enter the patient’s birth date (dd/mm/yyyy): without it, the recipient’s software cannot find the record.',
      PATIENT_BIRTH_DATE_INVALID: 'The patient’s birth date must be a date in the past, written dd/mm/yyyy.',
      PDF_ONLY_LETTER:
        'This letter is only a PDF, with no text: practice software files the text of a letter, not what a PDF shows, so the recipient will have to file it by hand. Write the essentials in the letter’s text too.',
      NO_REPLY_FORBIDDEN:
        '{{address}} is a “no-reply” address: every letter must be able to receive an answer. Write from an address that can be answered.',
      noReplyFrom:
        '{{address}} is a “no-reply” address: every letter must be able to receive an answer. Write from an address that can be answered.',
    },
    reader: {
      PATIENT_HEADER_MISSING:
        'This letter is declared as being about a patient but has no HPRIM header: your software cannot file it automatically. Check which patient it is about before filing it.',
      PATIENT_SURNAME_MISSING: 'The HPRIM header gives no patient surname: automatic filing may fail.',
      PATIENT_FIRST_NAME_MISSING: 'The HPRIM header gives no patient first name: automatic filing may fail.',
      PATIENT_BIRTH_DATE_MISSING:
        'The HPRIM header gives no patient birth date: check the record before filing this letter.',
      PATIENT_BIRTH_DATE_INVALID:
        'The HPRIM header’s birth date is unreadable or in the future: check the record before filing this letter.',
      PDF_ONLY_LETTER:
        'This letter only holds a PDF, with no text: your software cannot file it automatically, so it has to be filed by hand.',
      NO_REPLY_FORBIDDEN:
        'Answers to this letter would go to {{address}}, an address that accepts no answers: they would not arrive. To answer, write to the sender directly ({{from}}).',
      noReplyFrom:
        'The sender {{address}} is an address that accepts no answers: a reply would not reach them. Contact them another way.',
    },
  },
  trips: {
    message_recipients: '{{observed}} recipients, more than {{limit}} per message',
    hourly_recipients:
      '{{observed}} different recipients within an hour for your information messages, more than {{limit}}',
    ownLimit: '{{text}} (a limit a technician set for your mailbox)',
    separator: '; ',
  },
  bulk: {
    title: 'This message will be held for review',
    text: 'This message will be held for review: {{trips}} ({{citation}}). A technician will decide whether it is delivered.',
    advice:
      'For an announcement, an invitation or a survey, use a mailing tool outside Liaison, or write only to the few colleagues concerned.',
    confirm: 'I am sending it anyway, I understand it will be reviewed',
    confirmRequired: 'Tick this box to send anyway, or reduce the number of recipients.',
    unchecked:
      'The number of recipients could not be checked beforehand: if a charter rule applies, the message will be held for review when sent.',
  },
  sent: {
    held: 'Your message is held for review and has not been delivered yet: {{trips}} ({{citation}}). A technician will decide whether it is delivered.',
  },
  hold: {
    badge: {
      held: 'Held',
      rejected: 'Rejected',
      released: 'Delivered after review',
    },
    held: {
      title: 'Message held for review',
      text: 'This message has been delivered to nobody: {{trips}} ({{citation}}). A technician will decide whether it is delivered; the decision will show here.',
    },
    rejected: {
      title: 'Message rejected after review',
      text: 'A technician rejected this message on {{date}}: it was delivered to nobody and never will be ({{citation}}).',
      advice:
        'For an announcement, an invitation or a farewell, use a mailing tool outside Liaison, or write only to the few colleagues concerned.',
    },
    released: {
      title: 'Delivered after review',
      text: 'This message had been held ({{trips}}). A technician reviewed it on {{date}} and let it through: it was delivered to its recipients.',
    },
    reason: 'The technician’s reason: “{{reason}}”',
    heldAt: 'Held on {{date}}',
    delivery: {
      held: 'Awaiting review',
      rejected: 'Not delivered',
    },
    deliveryNote: {
      held: 'No recipient receives this message until a technician has reviewed it.',
      rejected: 'This message was rejected: it was delivered to no recipient.',
    },
  },
};
