import type { TeleexpertiseRequestSummary } from '@liaison/core/api/teleexpertise';
import { importQuestionnaire, type Questionnaire } from '@liaison/core/teleexpertise/questionnaire';
import { checkRequestContent, type RequestContent } from '@liaison/core/teleexpertise/requestContent';
import type { ResponseFinding } from '@liaison/core/teleexpertise/response';

/**
 * What the expert's device finds wrong with a request after opening it. The server cannot read the
 * answers, and a buggy or hostile sender may send anything: the form is checked again here, and the
 * requester named inside the envelope must be the one the server routed it from.
 */
export type ViewFinding =
  | { kind: 'answer'; finding: ResponseFinding }
  /** The form of the request is not (or no longer) known here: the answers cannot be checked. */
  | { kind: 'form-missing' }
  | { kind: 'requester-mismatch'; inEnvelope: string; routed: string };

/** The form's JSON as the server lists it, typed; null when it does not pass the import checks. */
export function readForm(json: Record<string, unknown> | undefined): Questionnaire | null {
  if (json === undefined) return null;
  try {
    return importQuestionnaire(json);
  } catch {
    return null;
  }
}

export function requestFindings(
  summary: Pick<TeleexpertiseRequestSummary, 'requesterAddress'>,
  content: RequestContent,
  form: Questionnaire | null,
): ViewFinding[] {
  const findings: ViewFinding[] = [];
  if (content.requester.address.toLowerCase() !== summary.requesterAddress.toLowerCase()) {
    findings.push({
      kind: 'requester-mismatch',
      inEnvelope: content.requester.address,
      routed: summary.requesterAddress,
    });
  }
  if (form === null) findings.push({ kind: 'form-missing' });
  else for (const finding of checkRequestContent(form, content)) findings.push({ kind: 'answer', finding });
  return findings;
}

/** linkIds with an answer finding, to mark them beside the answers. */
export function flaggedLinkIds(findings: readonly ViewFinding[]): Set<string> {
  const ids = new Set<string>();
  for (const f of findings) if (f.kind === 'answer' && f.finding.linkId !== null) ids.add(f.finding.linkId);
  return ids;
}
