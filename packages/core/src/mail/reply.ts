/**
 * Drafts for answering and forwarding a letter. The attribution lines are language-neutral
 * (`--- <from>, <ISO date> ---`, RFC 5322 field names) so the UI can show them in any language; the
 * subject prefixes are the caller's (French defaults).
 */
import { sameAddress } from './addresses.ts';
import type { Letter, LetterAttachment } from './letter.ts';

export interface ReplyDraft {
  to: string[];
  cc: string[];
  subject: string;
  inReplyTo: string;
  text: string;
}

export interface ForwardDraft {
  subject: string;
  text: string;
  attachments: LetterAttachment[];
}

/** Usual reply and forward prefixes of other clients, so we never stack "RE: Re:" or "TR: Fwd:". */
const REPLY_PREFIXES = ['re', 'réf', 'aw', 'sv', 'antw'];
const FORWARD_PREFIXES = ['tr', 'fwd', 'fw', 'wg', 'rv'];

function hasPrefix(subject: string, prefix: string, known: string[]): boolean {
  const trimmed = subject.trimStart().toLowerCase();
  const own = prefix.trim().toLowerCase();
  if (own !== '' && trimmed.startsWith(own)) return true;
  const label = /^([^\s:]+)\s*:/.exec(trimmed)?.[1];
  return label !== undefined && known.includes(label);
}

function prefixOnce(subject: string, prefix: string, known: string[]): string {
  return hasPrefix(subject, prefix, known) ? subject : prefix + subject;
}

function attribution(letter: Letter): string {
  return `--- ${letter.from}, ${letter.date.toISOString()} ---`;
}

/** "> " before each line; an already quoted line gets ">" only, the usual nesting ("> > a" → ">> a"). */
function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : line.startsWith('>') ? `>${line}` : `> ${line}`))
    .join('\n');
}

function withoutAddresses(list: string[], excluded: string[]): string[] {
  const out: string[] = [];
  for (const address of list) {
    if (excluded.some((e) => sameAddress(e, address))) continue;
    if (out.some((o) => sameAddress(o, address))) continue;
    out.push(address);
  }
  return out;
}

/**
 * A reply-all draft: To is Reply-To or From, Cc the other recipients but `me` (the UI offers "reply"
 * by clearing Cc). Answering one's own sent letter goes to its recipients, as mail clients do.
 */
export function replyDraft(letter: Letter, me: string, prefix = 'RE: '): ReplyDraft {
  const ownLetter = letter.replyTo === null && sameAddress(letter.from, me);
  const recipients = withoutAddresses(letter.to, [me]);
  const to = ownLetter && recipients.length > 0 ? recipients : [letter.replyTo ?? letter.from];
  const cc = withoutAddresses(ownLetter ? letter.cc : [...letter.to, ...letter.cc], [me, ...to]);
  return {
    to,
    cc,
    subject: prefixOnce(letter.subject, prefix, REPLY_PREFIXES),
    inReplyTo: letter.messageId,
    text: `\n\n${attribution(letter)}\n${quote(letter.text)}\n`,
  };
}

/**
 * A forward draft: the attachments kept, the original text under its header lines. A patient letter
 * forwarded as one needs its HPRIM header first again: the composer puts it there, this draft does not
 * know the category.
 */
export function forwardDraft(letter: Letter, prefix = 'TR: '): ForwardDraft {
  const header = [
    attribution(letter),
    `From: ${letter.from}`,
    `To: ${letter.to.join(', ')}`,
    ...(letter.cc.length > 0 ? [`Cc: ${letter.cc.join(', ')}`] : []),
    `Date: ${letter.date.toISOString()}`,
    `Subject: ${letter.subject}`,
  ];
  return {
    subject: prefixOnce(letter.subject, prefix, FORWARD_PREFIXES),
    text: `\n\n${header.join('\n')}\n\n${letter.text}`,
    attachments: letter.attachments.map((a) => ({ ...a, content: a.content.slice() })),
  };
}
