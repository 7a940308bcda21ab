import type { MailItem } from '@liaison/core/api/mail';
import type { Letter } from '@liaison/core/mail/index';
import { checkLetterRules, type LetterFinding, type LetterToCheck } from '@liaison/core/policy/letterRules';

/**
 * The letter-format rules on a letter as its recipient opened it: the category the envelope declares,
 * the signed From and Reply-To, the text and the attachments' types. The server cannot read letters,
 * so this is where a letter that slipped past them (an older client, another tool) is noticed.
 */
export function receivedLetterToCheck(
  item: Pick<MailItem, 'category'>,
  letter: Pick<Letter, 'from' | 'replyTo' | 'text' | 'attachments'>,
): LetterToCheck {
  return {
    category: item.category,
    from: letter.from,
    replyTo: letter.replyTo,
    text: letter.text,
    attachments: letter.attachments.map((a) => ({ contentType: a.contentType })),
  };
}

export function receivedFindings(
  item: Pick<MailItem, 'category'>,
  letter: Pick<Letter, 'from' | 'replyTo' | 'text' | 'attachments'>,
  now: Date = new Date(),
): LetterFinding[] {
  return checkLetterRules(receivedLetterToCheck(item, letter), now);
}
