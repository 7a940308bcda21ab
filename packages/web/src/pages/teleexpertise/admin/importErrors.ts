import { QuestionnaireError } from '@liaison/core/teleexpertise/questionnaireError';
import { isApiError } from '../../../api/client.ts';

/** Where a refused Questionnaire went wrong: the code, the item (linkId) and the JSON path. */
export interface ImportProblem {
  code: 'QUESTIONNAIRE_UNSUPPORTED' | 'QUESTIONNAIRE_INVALID' | 'NOT_JSON';
  linkId: string | null;
  path: string | null;
  message: string;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The same facts whether this device refused the form (core's importQuestionnaire, run before
 * sending) or the server did (its error details carry linkId and path); null for other failures,
 * which the generic error sentence covers.
 */
export function importProblem(error: unknown): ImportProblem | null {
  if (error instanceof QuestionnaireError) {
    return {
      code: error.code,
      linkId: error.linkId ?? null,
      path: error.path || null,
      message: error.message,
    };
  }
  if (error instanceof SyntaxError)
    return { code: 'NOT_JSON', linkId: null, path: null, message: error.message };
  if (
    isApiError(error) &&
    (error.code === 'QUESTIONNAIRE_UNSUPPORTED' || error.code === 'QUESTIONNAIRE_INVALID')
  ) {
    const details =
      typeof error.details === 'object' && error.details !== null
        ? (error.details as Record<string, unknown>)
        : {};
    return {
      code: error.code,
      linkId: text(details['linkId']),
      path: text(details['path']),
      message: error.message,
    };
  }
  return null;
}
