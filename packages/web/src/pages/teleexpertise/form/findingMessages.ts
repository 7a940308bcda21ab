import type { ResponseFinding } from '@liaison/core/teleexpertise/response';
import type { TFunction } from 'i18next';

/**
 * Core's findings as French sentences by linkId, to show next to the items (several findings on one
 * item are joined). Findings without an item (WRONG_QUESTIONNAIRE) go under the empty key.
 */
export function findingMessages(t: TFunction, findings: readonly ResponseFinding[]): Record<string, string> {
  const byItem: Record<string, string[]> = {};
  for (const finding of findings) {
    const key = finding.linkId ?? '';
    (byItem[key] ??= []).push(t(`teleexpertise.form.findings.${finding.code}`));
  }
  return Object.fromEntries(Object.entries(byItem).map(([key, list]) => [key, [...new Set(list)].join(' ')]));
}
