import { describe, expect, it } from 'vitest';
import { forwardDraft, replyDraft, type Letter } from '../../src/mail/index.ts';

const original: Letter = {
  messageId: '3f1c9f0e-5b7a-4c1e-9d2a-8e6f0a1b2c3d',
  from: 'alice@liaison.test',
  to: ['bob@liaison.test', 'Carol@liaison.test'],
  cc: ['dave@liaison.test', 'bob@liaison.test'],
  subject: 'Compte rendu',
  date: new Date('2025-03-14T09:26:53Z'),
  inReplyTo: null,
  replyTo: null,
  text: 'Cher confrère,\n\n> cité\nFin',
  attachments: [{ filename: 'cr.pdf', contentType: 'application/pdf', content: new Uint8Array([1, 2]) }],
};

describe('reply and forward drafts', () => {
  it('replies to From, the other recipients in Cc without me, quoting the text under a neutral line', () => {
    const draft = replyDraft(original, 'BOB@liaison.test');
    expect(draft).toEqual({
      to: ['alice@liaison.test'],
      cc: ['Carol@liaison.test', 'dave@liaison.test'],
      subject: 'RE: Compte rendu',
      inReplyTo: original.messageId,
      text: '\n\n--- alice@liaison.test, 2025-03-14T09:26:53.000Z ---\n> Cher confrère,\n>\n>> cité\n> Fin\n',
    });
  });

  it('replies to Reply-To when set', () => {
    const draft = replyDraft({ ...original, replyTo: 'secretariat@liaison.test' }, 'bob@liaison.test');
    expect(draft.to).toEqual(['secretariat@liaison.test']);
    expect(draft.cc).toEqual(['Carol@liaison.test', 'dave@liaison.test']);
  });

  it('answering my own sent letter goes to its recipients', () => {
    const draft = replyDraft(original, 'alice@liaison.test');
    expect(draft.to).toEqual(['bob@liaison.test', 'Carol@liaison.test']);
    expect(draft.cc).toEqual(['dave@liaison.test']);
  });

  it('prefixes the subject once', () => {
    expect(replyDraft({ ...original, subject: 'RE: Compte rendu' }, 'bob@liaison.test').subject).toBe(
      'RE: Compte rendu',
    );
    expect(replyDraft({ ...original, subject: 'Re: Compte rendu' }, 'bob@liaison.test').subject).toBe(
      'Re: Compte rendu',
    );
    expect(replyDraft({ ...original, subject: 'AW: Befund' }, 'bob@liaison.test').subject).toBe('AW: Befund');
    expect(replyDraft({ ...original, subject: 'Report' }, 'bob@liaison.test', 'Re: ').subject).toBe(
      'Re: Report',
    );
    expect(forwardDraft({ ...original, subject: 'TR: Compte rendu' }).subject).toBe('TR: Compte rendu');
    expect(forwardDraft({ ...original, subject: 'Fwd: x' }).subject).toBe('Fwd: x');
    expect(forwardDraft(original, 'Fwd: ').subject).toBe('Fwd: Compte rendu');
  });

  it('forwards with the attachments and the original header lines above the text', () => {
    const draft = forwardDraft(original);
    expect(draft.subject).toBe('TR: Compte rendu');
    expect(draft.text).toBe(
      '\n\n--- alice@liaison.test, 2025-03-14T09:26:53.000Z ---\n' +
        'From: alice@liaison.test\n' +
        'To: bob@liaison.test, Carol@liaison.test\n' +
        'Cc: dave@liaison.test, bob@liaison.test\n' +
        'Date: 2025-03-14T09:26:53.000Z\n' +
        'Subject: Compte rendu\n\n' +
        original.text,
    );
    expect(draft.attachments).toEqual(original.attachments);
    expect(draft.attachments[0]!.content).not.toBe(original.attachments[0]!.content);
  });
});
