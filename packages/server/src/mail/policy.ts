import { isNoReplyAddress, NO_REPLY_CHARTER_ARTICLE } from '@liaison/core/policy/noReply';
import { NOTICE_MAX_JSON_BYTES } from '@liaison/core/notice/index';
import type { DeclaredSizes, MailCategory } from '@liaison/core/api/mail';
import { fail } from '../errors.ts';
import type { ResolvedMailbox, ResolvedRecipient } from './resolve.ts';

/** What a policy rule may look at: metadata only; the server never sees the letter. */
export interface PolicyInput {
  senderUserId: string;
  from: ResolvedMailbox;
  recipients: readonly ResolvedRecipient[];
  category: MailCategory;
  declared: DeclaredSizes;
  maxBytes: number;
}

/**
 * A rule refuses a submission by throwing an AppError (code + sentence the sender sees). Rules run in
 * order before anything is stored, so a refused message leaves no trace but the refusal.
 */
export type PolicyRule = (input: PolicyInput) => void | Promise<void>;

/** Every address must accept answers (charter article 4), the sender's first of all. */
export const noReplySender: PolicyRule = ({ from }) => refuseNoReplySender(from.address);

export function refuseNoReplySender(address: string): void {
  if (isNoReplyAddress(address)) {
    fail(
      'NO_REPLY_FORBIDDEN',
      `${address} looks like a no-reply address: letters must come from an address that accepts answers (charter article ${NO_REPLY_CHARTER_ARTICLE}).`,
      { address, article: NO_REPLY_CHARTER_ARTICLE },
    );
  }
}

/**
 * A notice's one small JSON part (its structured copy, docs/notices.md) is not an attachment the GP
 * could miss: the filed text says the same. Anything more than that one bounded part is.
 */
function onlyNoticePart(category: MailCategory, declared: DeclaredSizes): boolean {
  return (
    category === 'notice' &&
    declared.attachmentCount === 1 &&
    declared.attachmentBytes <= NOTICE_MAX_JSON_BYTES
  );
}

/** Attachments go only to mailboxes that accept them (their practice software may not file them). */
export const attachmentsAccepted: PolicyRule = ({ recipients, declared, category }) => {
  if (declared.attachmentCount === 0 || onlyNoticePart(category, declared)) return;
  const refusing = recipients.filter((r) => !r.acceptsAttachments).map((r) => r.address);
  if (refusing.length > 0) {
    fail('ATTACHMENTS_REFUSED', `These mailboxes do not accept attachments: ${refusing.join(', ')}.`, {
      addresses: refusing,
    });
  }
};

export const sizeLimit: PolicyRule = ({ declared, maxBytes }) => {
  if (declared.bodyBytes > maxBytes) {
    fail('MESSAGE_TOO_LARGE', `The message is over the ${maxBytes}-byte limit of this server.`, {
      limit: maxBytes,
    });
  }
};

/**
 * Rules that refuse. The bulk-mail limits (charter article 5) are not here: they do not refuse, they
 * hold the letter for a technician, and are judged where it is stored (submit.ts, bulk.ts).
 */
export const DEFAULT_POLICY: readonly PolicyRule[] = [noReplySender, sizeLimit, attachmentsAccepted];

export async function runPolicy(rules: readonly PolicyRule[], input: PolicyInput): Promise<void> {
  for (const rule of rules) await rule(input);
}
