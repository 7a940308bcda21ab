/**
 * The secure letter: its MIME form (protected headers, text, attachments), the encrypted inbox
 * summary, sealing into a SubmitMessageRequest and opening a delivered letter, reply/forward drafts.
 */
export { buildLetterEntity, DEFAULT_ATTACHMENT_TYPE, type Letter, type LetterAttachment } from './letter.ts';
export { parseLetterEntity } from './letterParse.ts';
export { MESSAGE_ID_DOMAIN } from './messageIds.ts';
export {
  decodeSummary,
  encodeSummary,
  HPRIM_HEADER_LINES,
  PREVIEW_MAX_CHARS,
  SUMMARY_SUBJECT_KEEP_CHARS,
  summariseLetter,
  type LetterSummary,
} from './summary.ts';
export { sealLetter, type SealInput } from './seal.ts';
export {
  openLetter,
  openSummary,
  type LetterEnvelope,
  type OpenedLetter,
  type OpenLetterInput,
  type OpenSummaryInput,
} from './open.ts';
export { forwardDraft, replyDraft, type ForwardDraft, type ReplyDraft } from './reply.ts';
