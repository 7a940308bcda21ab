/** Patient movement notices: an establishment tells a GP of an admission, discharge, transfer or death. */
export {
  BirthDate,
  EventAt,
  Ipp,
  NOTICE_KINDS,
  NOTICE_MAX_JSON_BYTES,
  NOTICE_NOTE_MAX_CHARS,
  NOTICE_SEXES,
  NoticeKind,
  NoticePatient,
  PatientNotice,
  type PatientNoticeInput,
} from './schema.ts';
export { frenchDate, frenchDateTime, noticeSubject, noticeText, patientPhrase } from './text.ts';
export {
  buildNoticeLetter,
  NOTICE_CONTENT_TYPE,
  NOTICE_FILENAME,
  noticeJson,
  type NoticeEnvelope,
  type NoticeLetter,
} from './letter.ts';
export { decodeNotice, parseNotice, readNotice } from './read.ts';
export {
  admitsPatients,
  NOTICE_RECIPIENT_MAILBOX_KINDS,
  NOTICE_SENDER_MAILBOX_KINDS,
  NOTICE_SENDER_ORGANISATION_KINDS,
} from './senders.ts';
export { NoticePage, NoticePageQuery, NoticeThread, NoticeThreads } from './api.ts';
