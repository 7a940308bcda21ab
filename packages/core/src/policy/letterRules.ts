/**
 * Letter format rules (usage charter): a patient letter must file itself into the practice software,
 * so it starts with an HPRIM header naming the patient (surname, first name, birth date); a letter
 * whose only content is a PDF cannot be filed and gets a warning saying why; every letter can be
 * answered (no no-reply From or Reply-To). The server cannot read letters: these run on the sender's
 * device before sealing (compose, CLI) and again on the recipient's after opening, where a finding is
 * shown. One list of findings with stable codes for both.
 */
import { isIsoDate, isoDay } from '../hprim/dates.ts';
import { parseHprim } from '../hprim/parse.ts';
import { HprimUnreadableError } from '../hprim/unreadable.ts';
import { isNoReplyAddress, NO_REPLY_CHARTER_ARTICLE } from './noReply.ts';

/** The charter article on letter format (patient identity, fileable content). */
export const LETTER_FORMAT_CHARTER_ARTICLE = 6;

/** A notice (patient movement) is a patient letter too: it starts with the same HPRIM header. */
export type LetterCategory = 'patient' | 'information' | 'notice';

export type LetterRuleCode =
  | 'PATIENT_HEADER_MISSING'
  | 'PATIENT_SURNAME_MISSING'
  | 'PATIENT_FIRST_NAME_MISSING'
  | 'PATIENT_BIRTH_DATE_MISSING'
  | 'PATIENT_BIRTH_DATE_INVALID'
  | 'PDF_ONLY_LETTER'
  | 'NO_REPLY_FORBIDDEN';

export interface LetterFinding {
  code: LetterRuleCode;
  /** An error stops the sending; a warning is shown and the sender may go on. */
  severity: 'error' | 'warning';
  message: string;
  charterArticle: number;
}

export interface LetterToCheck {
  category: LetterCategory;
  from: string;
  replyTo: string | null;
  /** The body as written (a patient letter starts with the 12 HPRIM header lines). */
  text: string;
  attachments: readonly { contentType: string }[];
}

const HEADER_LINES = 12;

function finding(
  code: LetterRuleCode,
  severity: LetterFinding['severity'],
  message: string,
  charterArticle = LETTER_FORMAT_CHARTER_ARTICLE,
): LetterFinding {
  return { code, severity, message, charterArticle };
}

/** What the patient header says, or null when the text does not even have 12 lines to read one from. */
function patientHeader(text: string, now: Date) {
  if (text.replace(/\r\n?/g, '\n').split('\n').length < HEADER_LINES) return null;
  try {
    return parseHprim(text, { now }).documents[0]?.header ?? null;
  } catch (err) {
    if (err instanceof HprimUnreadableError) return null;
    throw err;
  }
}

function patientFindings(text: string, now: Date): LetterFinding[] {
  const header = patientHeader(text, now);
  if (header === null) {
    return [
      finding(
        'PATIENT_HEADER_MISSING',
        'error',
        'A patient letter starts with the HPRIM header (patient surname, first name, birth date…) so the practice software files it; or declare a non-patient message.',
      ),
    ];
  }
  const findings: LetterFinding[] = [];
  if (!header.lastName?.trim())
    findings.push(
      finding('PATIENT_SURNAME_MISSING', 'error', 'The HPRIM header has no patient surname (line 2).'),
    );
  if (!header.firstName?.trim())
    findings.push(
      finding('PATIENT_FIRST_NAME_MISSING', 'error', 'The HPRIM header has no patient first name (line 3).'),
    );
  // The parser gives a readable birth date as ISO and drops an impossible one: line 7 tells which.
  const birth = header.birthDate?.trim() ?? '';
  const written = text.replace(/\r\n?/g, '\n').split('\n')[6]?.trim() ?? '';
  if (birth === '' && written === '') {
    findings.push(
      finding(
        'PATIENT_BIRTH_DATE_MISSING',
        'error',
        'The HPRIM header has no patient birth date (line 7, dd/mm/yyyy).',
      ),
    );
  } else if (!isIsoDate(birth) || birth > isoDay(now)) {
    findings.push(
      finding(
        'PATIENT_BIRTH_DATE_INVALID',
        'error',
        `The patient birth date "${written || birth}" is not a date in the past (dd/mm/yyyy).`,
      ),
    );
  }
  return findings;
}

/** The free text of a letter once its HPRIM header (if any) is set aside. */
function bodyWithoutHeader(text: string, category: LetterCategory): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const body = category !== 'information' ? lines.slice(HEADER_LINES) : lines;
  return body.filter((line) => !/^\*{4}(FIN|FINFICHIER|LAB)\*{4}\s*$/.test(line.trim())).join('\n');
}

export function checkLetterRules(letter: LetterToCheck, now: Date = new Date()): LetterFinding[] {
  const findings: LetterFinding[] = [];
  for (const [field, address] of [
    ['From', letter.from],
    ['Reply-To', letter.replyTo],
  ] as const) {
    if (address !== null && isNoReplyAddress(address)) {
      findings.push(
        finding(
          'NO_REPLY_FORBIDDEN',
          'error',
          `${field} ${address} is a no-reply address: every letter must accept answers.`,
          NO_REPLY_CHARTER_ARTICLE,
        ),
      );
    }
  }
  if (letter.category !== 'information') findings.push(...patientFindings(letter.text, now));
  const onlyPdfs =
    letter.attachments.length > 0 &&
    letter.attachments.every((a) => a.contentType.trim().toLowerCase() === 'application/pdf');
  if (onlyPdfs && bodyWithoutHeader(letter.text, letter.category).trim() === '') {
    findings.push(
      finding(
        'PDF_ONLY_LETTER',
        'warning',
        'The letter is only a PDF: practice software files the text of a letter, not what a PDF shows, so the recipient will have to file it by hand. Write the essentials in the letter too.',
      ),
    );
  }
  return findings;
}

/** True when nothing stops the sending (warnings may remain). */
export function letterMaySend(findings: readonly LetterFinding[]): boolean {
  return findings.every((f) => f.severity !== 'error');
}
