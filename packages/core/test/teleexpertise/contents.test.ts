import { describe, expect, it } from 'vitest';
import { utf8 } from '../../src/crypto/bytes.ts';
import { decodeAnswerContent, encodeAnswerContent } from '../../src/teleexpertise/answerContent.ts';
import { buildAnswerResponse } from '../../src/teleexpertise/answerForm.ts';
import { buildFhirTask } from '../../src/teleexpertise/fhirTask.ts';
import {
  TE_NOTE_MAX_CHARS,
  decodeNoteContent,
  encodeNoteContent,
  noteContent,
} from '../../src/teleexpertise/noteContent.ts';
import { ResponseError } from '../../src/teleexpertise/responseSchema.ts';
import { requestSummary } from './teFixtures.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ResponseError) return `${err.code} ${err.path}`;
    throw err;
  }
  return 'no error';
};

const answerContent = () => ({
  kind: 'teleexpertise-answer' as const,
  version: 1 as const,
  response: buildAnswerResponse(
    { conclusion: 'Kératose séborrhéique.', outcome: 'advice-only' },
    new Date('2026-12-02T14:00:00Z'),
  ),
  task: buildFhirTask({
    request: requestSummary({ status: 'completed', answeredAt: '2026-12-02T14:00:00Z' }),
  }),
});

describe('the answer envelope content', () => {
  it('round-trips the answer and the Task', () => {
    const content = answerContent();
    expect(decodeAnswerContent(encodeAnswerContent(content))).toEqual(content);
  });

  it('refuses an answer that does not fit the answer form, or a missing Task', () => {
    const content = answerContent();
    const noOutcome = {
      ...content,
      response: { ...content.response, item: content.response.item!.filter((i) => i.linkId !== 'outcome') },
    };
    expect(codeOf(() => encodeAnswerContent(noOutcome))).toBe('RESPONSE_INVALID outcome');
    expect(codeOf(() => decodeAnswerContent(utf8(JSON.stringify(noOutcome))))).toBe(
      'RESPONSE_INVALID outcome',
    );
    const { task: _task, ...noTask } = content;
    expect(codeOf(() => decodeAnswerContent(utf8(JSON.stringify(noTask))))).toBe('RESPONSE_INVALID .task');
    const badStatus = { ...content, task: { ...content.task, status: 'done' } };
    expect(codeOf(() => decodeAnswerContent(utf8(JSON.stringify(badStatus))))).toBe(
      'RESPONSE_INVALID .task.status',
    );
    expect(codeOf(() => decodeAnswerContent(utf8('[]')))).toBe('RESPONSE_INVALID ');
  });
});

describe('the ask and provide note content', () => {
  it('round-trips a note, trimmed', () => {
    const bytes = encodeNoteContent(noteContent('  Pouvez-vous joindre une photo en lumière rasante ?\n'));
    expect(decodeNoteContent(bytes)).toEqual({
      kind: 'teleexpertise-note',
      version: 1,
      text: 'Pouvez-vous joindre une photo en lumière rasante ?',
    });
  });

  it('refuses a blank or oversized note before encrypting, and a foreign shape after', () => {
    expect(codeOf(() => encodeNoteContent(noteContent(' \n ')))).toBe('RESPONSE_INVALID .text');
    expect(codeOf(() => encodeNoteContent(noteContent('x'.repeat(TE_NOTE_MAX_CHARS + 1))))).toBe(
      'RESPONSE_INVALID .text',
    );
    expect(encodeNoteContent(noteContent('x'.repeat(TE_NOTE_MAX_CHARS))).length).toBeGreaterThan(
      TE_NOTE_MAX_CHARS,
    );
    expect(
      codeOf(() => decodeNoteContent(utf8('{"kind":"teleexpertise-note","version":2,"text":"x"}'))),
    ).toBe('RESPONSE_INVALID .version');
    expect(codeOf(() => decodeNoteContent(new Uint8Array([0xff, 0xfe, 0x00])))).toBe('RESPONSE_INVALID ');
  });
});
