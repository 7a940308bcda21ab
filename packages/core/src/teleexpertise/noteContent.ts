import { z } from 'zod';
import { decodeJson, encodeJson, parseContent } from './contentCodec.ts';

/**
 * The plaintext of the ask and provide envelopes: the expert's question to the requester while the
 * request is on hold, and the requester's reply. Free text only, encrypted like the request.
 */
export const TE_NOTE_MAX_CHARS = 4000;

export const NoteContent = z.strictObject({
  kind: z.literal('teleexpertise-note'),
  version: z.literal(1),
  text: z.string().trim().min(1).max(TE_NOTE_MAX_CHARS),
});
export type NoteContent = z.output<typeof NoteContent>;

const WHAT = 'tele-expertise note';

/** Checked before encoding, so a blank or oversized note is refused on the writer's device. */
export function encodeNoteContent(content: z.input<typeof NoteContent>): Uint8Array {
  return encodeJson(parseContent(NoteContent, content, WHAT));
}

/** ResponseError (RESPONSE_INVALID) when the bytes are not a note. */
export function decodeNoteContent(bytes: Uint8Array): NoteContent {
  return decodeJson(NoteContent, bytes, WHAT);
}

/** A note's content from the text typed in a box. */
export const noteContent = (text: string): NoteContent => ({ kind: 'teleexpertise-note', version: 1, text });
