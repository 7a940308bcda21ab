/**
 * The one catalogue of errors Liaison reports. Codes are stable (clients and scripts match on them);
 * messages are English defaults the web app translates by code. Each protocol adapter maps `status`
 * (HTTP) to its own reply (SMTP, LDAP) from here.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not accepted.' },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  INVALID_IDENTIFIER: { status: 400, message: 'The identifier is not valid.' },
  UNKNOWN_CODE: { status: 400, message: 'The code is not in the reference list.' },
  NO_REPLY_FORBIDDEN: {
    status: 400,
    message: 'No-reply addresses are not allowed: every address must accept answers (charter article 4).',
  },
  CHARTER_NOT_ACCEPTED: { status: 400, message: 'The current usage charter must be accepted.' },
  NOT_AUTHENTICATED: { status: 401, message: 'You need to sign in.' },
  SESSION_EXPIRED: { status: 401, message: 'Your session has expired; sign in again.' },
  SECOND_FACTOR_REQUIRED: { status: 401, message: 'The second factor (TOTP) is required.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Wrong email or password.' },
  INVALID_TOTP: { status: 401, message: 'The code is wrong or has expired.' },
  ACCOUNT_LOCKED: { status: 423, message: 'Too many failed attempts: the account is locked for a while.' },
  ACCOUNT_PENDING: { status: 403, message: 'The account is waiting for verification by a technician.' },
  ACCOUNT_REJECTED: { status: 403, message: 'The registration was rejected.' },
  ACCOUNT_DISABLED: { status: 403, message: 'The account is disabled.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  OUTSIDE_ESTABLISHMENT: { status: 403, message: 'You can act only on your own establishment.' },
  TOKEN_INVALID: { status: 400, message: 'This link is invalid, already used or expired.' },
  SETUP_DONE: { status: 409, message: 'The platform is already set up.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  USER_NOT_FOUND: { status: 404, message: 'User not found.' },
  ORGANISATION_NOT_FOUND: { status: 404, message: 'Establishment not found.' },
  REGISTRATION_NOT_FOUND: { status: 404, message: 'Registration not found.' },
  MAILBOX_NOT_FOUND: { status: 404, message: 'Mailbox not found.' },
  EMAIL_TAKEN: { status: 409, message: 'An account already uses this email address.' },
  ADDRESS_TAKEN: { status: 409, message: 'This mailbox address is already taken.' },
  FINESS_TAKEN: { status: 409, message: 'An establishment already has this FINESS number.' },
  FINESS_REQUIRED: {
    status: 409,
    message:
      'This establishment has no FINESS number yet: set it first (LDAP names establishments by FINESS).',
  },
  NATIONAL_ID_TAKEN: { status: 409, message: 'An account already uses this RPPS/ADELI number.' },
  ALREADY_DECIDED: { status: 409, message: 'This registration has already been decided.' },
  TOTP_ALREADY_ENABLED: { status: 409, message: 'A second factor is already enrolled.' },
  TOTP_NOT_ENROLLED: { status: 409, message: 'Start the second-factor enrolment first.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again later.' },
  INTERNAL: { status: 500, message: 'Internal error.' },
  CSR_INVALID: { status: 400, message: 'The certificate request (PKCS#10 CSR) cannot be read.' },
  CSR_SIGNATURE_INVALID: {
    status: 400,
    message: 'The certificate request is not signed by its own key (no proof of possession).',
  },
  WEAK_KEY: { status: 400, message: 'The key is too weak: an RSA key of at least 3072 bits is required.' },
  CSR_IDENTITY_MISMATCH: {
    status: 400,
    message: 'The certificate request does not match the verified identity.',
  },
  CERT_NOT_FOUND: { status: 404, message: 'Certificate not found.' },
  ALREADY_REVOKED: { status: 409, message: 'This certificate is already revoked.' },
  DEVICE_REQUIRED: {
    status: 403,
    message: 'Register this device first (key operations need an enrolled device).',
  },
  DEVICE_NOT_APPROVED: {
    status: 403,
    message: 'This device waits for approval: type its code on one of your enrolled devices.',
  },
  DEVICE_REVOKED: { status: 403, message: 'This device has been revoked.' },
  DEVICE_NOT_FOUND: { status: 404, message: 'Device not found.' },
  DEVICE_NOT_PENDING: { status: 409, message: 'This device is not waiting for approval.' },
  DEVICE_CODE_INVALID: { status: 400, message: 'No device of yours waits with this code (or it expired).' },
  BACKUP_NOT_FOUND: { status: 404, message: 'No key backup has been saved yet.' },
  BACKUP_CONFLICT: { status: 409, message: 'The key backup changed meanwhile: reload it before saving.' },
  ENVELOPE_INVALID: { status: 400, message: 'The key wrap is not a readable CMS EnvelopedData.' },
  ENVELOPE_WRONG_RECIPIENT: {
    status: 400,
    message: "A key wrap is not addressed to that member's current encryption certificate.",
  },
  WRAPS_INCOMPLETE: {
    status: 400,
    message: 'The new mailbox key must be wrapped for every member, and only them.',
  },
  NO_ENCRYPTION_CERTIFICATE: { status: 409, message: 'This person has no encryption certificate yet.' },
  NOT_A_MEMBER: { status: 403, message: 'You are not an owner or delegate of this mailbox.' },
  ALREADY_MEMBER: { status: 409, message: 'This person is already a member of the mailbox.' },
  LAST_OWNER: { status: 409, message: 'A shared mailbox keeps at least one owner.' },
  MESSAGE_ID_CONFLICT: {
    status: 409,
    message: 'Another message was already submitted with this id: choose a new id for a new message.',
  },
  MESSAGE_NOT_FOUND: { status: 404, message: 'Message not found in this mailbox.' },
  RECIPIENT_UNKNOWN: { status: 400, message: 'No verified mailbox has this address.' },
  RECIPIENT_NO_CERTIFICATE: {
    status: 409,
    message: 'This recipient has no encryption certificate yet, so nothing can be encrypted for them.',
  },
  RECIPIENT_DUPLICATE: { status: 400, message: 'The same address appears twice among the recipients.' },
  ATTACHMENTS_REFUSED: { status: 400, message: 'A recipient mailbox does not accept attachments.' },
  PATIENT_COUNT_INVALID: {
    status: 400,
    message: 'An information message is about no patient, and a patient letter about at least one.',
  },
  HOLD_NOT_FOUND: { status: 404, message: 'No held message has this id.' },
  HOLD_ALREADY_DECIDED: { status: 409, message: 'This held message was already released or rejected.' },
  REJECT_REASON_REQUIRED: {
    status: 400,
    message: 'Say why the message is rejected: the sender reads it (and what to do instead).',
  },
  CHARTER_INVALID: { status: 400, message: 'The charter text is not valid.' },
  CHARTER_VERSION_STALE: {
    status: 409,
    message: 'This is not the charter version in force: read the current one and accept it.',
  },
  MESSAGE_TOO_LARGE: { status: 413, message: 'The message is larger than this server accepts.' },
  BLOB_SIZE_MISMATCH: {
    status: 400,
    message: 'The encrypted message disagrees with its declared sizes.',
  },
  BLOB_NOT_ENVELOPED: {
    status: 400,
    message: 'The message or its summary is not a CMS EnvelopedData.',
  },
  BLOB_RECIPIENTS_MISMATCH: {
    status: 400,
    message: "The message is not encrypted for every recipient's current certificate and the sender's.",
  },
  SENDER_CERTIFICATE_INVALID: {
    status: 403,
    message: 'You have no valid signing certificate (revoked or missing): renew it before sending.',
  },
  FILE_FORMAT_UNSUPPORTED: {
    status: 400,
    message: 'This file format is not supported: save the file as .xlsx or CSV.',
  },
  FILE_ENCODING_UNKNOWN: {
    status: 400,
    message: 'The file is not readable text (neither UTF-8 nor Windows-1252): save it as CSV UTF-8.',
  },
  FILE_COLUMNS_MISSING: { status: 400, message: 'Required columns are missing from the file header.' },
  FILE_EMPTY: { status: 400, message: 'The file has no data rows.' },
  FILE_TOO_LARGE: { status: 413, message: 'The file has more rows or bytes than an import accepts.' },
  DIRECTORY_ENTRY_INVALID: {
    status: 400,
    message: 'The directory entry is not valid (see the details for each field).',
  },
  ENTRY_NOT_FOUND: { status: 404, message: 'Directory entry not found.' },
  ENTRY_EXISTS: {
    status: 409,
    message: 'Your establishment already has an entry with this address: edit it instead.',
  },
  ENTRY_RETIRED: { status: 409, message: 'This directory entry has been removed.' },
  SUBMISSION_NOT_FOUND: { status: 404, message: 'Directory submission not found.' },
  SUBMISSION_DECIDED: {
    status: 409,
    message: 'This submission has already been decided or replaced by a newer one.',
  },
  NO_CHANGE: { status: 409, message: 'Nothing differs from what is published.' },
  NOT_IN_ADDRESS_BOOK: { status: 404, message: 'This correspondent is not in the address book.' },
  ALREADY_IN_ADDRESS_BOOK: { status: 409, message: 'This correspondent is already in the address book.' },
  DIRECTORY_IMPORT_INVALID: {
    status: 400,
    message:
      'The file has rows that cannot be imported: nothing was imported (see the details for each line).',
  },
  STATS_PERIOD_INVALID: {
    status: 400,
    message: 'The period is not valid: give two dates (YYYY-MM-DD), the first on or before the second.',
  },
  STATS_PERIOD_TOO_LONG: { status: 400, message: 'The period is too long: at most three years (1096 days).' },
  STATUS_EVENT_NOT_FOUND: { status: 404, message: 'No incident or maintenance has this id.' },
  STATUS_EVENT_INVALID: {
    status: 400,
    message: 'The end of an incident or maintenance cannot be before its start.',
  },
  CHAT_NOT_MEMBER: {
    status: 404,
    message: 'No conversation with this id among yours.',
  },
  CHAT_MEMBER_NOT_ELIGIBLE: {
    status: 400,
    message: 'Only active, verified users with an encryption certificate can join a conversation.',
  },
  CHAT_ADMIN_REQUIRED: { status: 403, message: 'Only an admin of this group can do this.' },
  CHAT_DIRECT_FIXED: {
    status: 409,
    message: 'A direct conversation has exactly two people: its members and name cannot change.',
  },
  CHAT_MESSAGE_CONFLICT: {
    status: 409,
    message: 'A different message was already sent with this id.',
  },
  CHAT_MESSAGE_TOO_LARGE: { status: 413, message: 'The message is over the size limit of this server.' },
  CHAT_PHOTO_TOO_LARGE: {
    status: 413,
    message: 'The photo is over the size limit of this server: reduce it on the device first.',
  },
  CHAT_PHOTO_NOT_FOUND: { status: 404, message: 'This message has no photo.' },
  CHAT_LAST_ADMIN: {
    status: 409,
    message: 'A group needs at least one admin: make someone else admin first.',
  },
  CHAT_ENVELOPE_INVALID: { status: 400, message: 'The message is not a CMS EnvelopedData.' },
  CHAT_RECIPIENTS_MISMATCH: {
    status: 400,
    message: "The message must be encrypted for exactly the current members' active encryption certificates.",
  },
  CHAT_RATE_LIMITED: {
    status: 429,
    message: 'Too many messages in a short time: wait a few seconds before sending again.',
  },
  // patient movement notices
  NOTICE_SENDER_NOT_ALLOWED: {
    status: 403,
    message:
      'Only a service or application mailbox of a hospital, clinic or nursing home can send patient movement notices.',
  },
  NOTICE_RECIPIENT_REFUSED: {
    status: 400,
    message: "A patient movement notice goes only to a professional's personal mailbox.",
  },
  // tele-expertise
  RESPONSE_INVALID: {
    status: 400,
    message: 'The tele-expertise request or answer does not have the expected shape (checked on the device).',
  },
  QUESTIONNAIRE_UNSUPPORTED: {
    status: 400,
    message: 'The form uses FHIR that Liaison does not support; details name the linkId and path.',
  },
  QUESTIONNAIRE_INVALID: {
    status: 400,
    message: 'The form is not a valid Questionnaire; details name the linkId and path.',
  },
  TE_FORM_NOT_FOUND: { status: 404, message: 'No form has this url and version.' },
  TE_FORM_EXISTS: {
    status: 409,
    message: 'A form with this url and version was already imported: give the new one another version.',
  },
  TE_SERVICE_NOT_FOUND: { status: 404, message: 'No tele-expertise service has this id.' },
  TE_SERVICE_MAILBOX_UNSUITABLE: {
    status: 400,
    message: "A service's address is an ORG mailbox of its establishment, used by no other service.",
  },
  TE_FORM_NOT_ACCEPTED: { status: 400, message: 'This service does not accept this form.' },
  TE_EXPERT_NOT_MEMBER: {
    status: 400,
    message: 'An expert must own or be a delegate of the service mailbox, to open its requests.',
  },
  TE_NOT_EXPERT: { status: 403, message: "Only the service's experts can do this." },
  TE_REQUEST_NOT_FOUND: { status: 404, message: 'No such tele-expertise request among those you can see.' },
  TE_REQUEST_CONFLICT: { status: 409, message: 'A different request was already sent with this id.' },
  TE_FOLLOW_UP_NOT_FOUND: {
    status: 400,
    message: 'The earlier request this one follows is not one of yours.',
  },
  TE_NOT_ASSIGNEE: { status: 403, message: 'Only the expert the request is assigned to can do this.' },
  TE_NOT_REQUESTER: { status: 403, message: 'Only the requester can do this.' },
  TE_TRANSITION_NOT_ALLOWED: { status: 409, message: "The request's status does not allow this action." },
  TE_ENVELOPE_INVALID: { status: 400, message: 'The request or answer is not a CMS EnvelopedData.' },
  TE_RECIPIENTS_MISMATCH: {
    status: 400,
    message: "Encrypt for exactly the service mailbox's current certificate and your own.",
  },
  TE_ENVELOPE_TOO_LARGE: {
    status: 413,
    message: 'The request is over the size limit: send fewer or smaller photos.',
  },
  TE_ANSWER_LETTER_NOT_FOUND: {
    status: 400,
    message: 'Send the answer letter from the service mailbox to the requester first.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code);
}
