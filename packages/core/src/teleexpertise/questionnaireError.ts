/**
 * Why a Questionnaire was refused at import. Device-side, like CryptoError or ChatPhotoError: the admin
 * importing a form sees the message, which names the offending item so the JSON can be fixed.
 */
export type QuestionnaireErrorCode = 'QUESTIONNAIRE_UNSUPPORTED' | 'QUESTIONNAIRE_INVALID';

export class QuestionnaireError extends Error {
  constructor(
    readonly code: QuestionnaireErrorCode,
    /** The linkId of the item at fault; undefined when the fault is on the Questionnaire itself. */
    readonly linkId: string | undefined,
    /** Where in the JSON, e.g. `item[1].enableWhen[0].question`. */
    readonly path: string,
    reason: string,
  ) {
    super(`${linkId === undefined ? 'Questionnaire' : `item "${linkId}"`} (${path || '$'}): ${reason}`);
    this.name = 'QuestionnaireError';
  }
}

/** `['item', 0, 'enableWhen', 1]` → `item[0].enableWhen[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** The linkId of the innermost item on `path` through the raw JSON, to name it in the error. */
export function linkIdAt(json: unknown, path: readonly PropertyKey[]): string | undefined {
  let node = json;
  let linkId: string | undefined;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) break;
    node = (node as Record<PropertyKey, unknown>)[key];
    const candidate =
      typeof node === 'object' && node !== null ? (node as { linkId?: unknown }).linkId : undefined;
    if (typeof candidate === 'string') linkId = candidate;
  }
  return linkId;
}
