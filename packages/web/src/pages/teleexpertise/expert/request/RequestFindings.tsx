import type { QuestionnaireItem } from '@liaison/core/teleexpertise/questionnaire';
import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ViewFinding } from './requestFindings.ts';

interface Props {
  findings: readonly ViewFinding[];
  formItems: ReadonlyMap<string, QuestionnaireItem>;
}

/** Said first and in red: what this device found wrong in the request (the sender is not trusted). */
export function RequestFindings({ findings, formItems }: Props) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="filled"
      role="alert"
      title={t('teleexpertiseExpert.findings.title', { count: findings.length })}
      data-testid="te-findings"
    >
      <Text size="sm" mb="xs">
        {t('teleexpertiseExpert.findings.intro')}
      </Text>
      <List size="sm" spacing={4}>
        {findings.map((finding, index) => (
          <List.Item key={index}>{findingText(finding)}</List.Item>
        ))}
      </List>
    </Alert>
  );

  function findingText(finding: ViewFinding): string {
    switch (finding.kind) {
      case 'form-missing':
        return t('teleexpertiseExpert.findings.formMissing');
      case 'requester-mismatch':
        return t('teleexpertiseExpert.findings.requesterMismatch', {
          inEnvelope: finding.inEnvelope,
          routed: finding.routed,
        });
      case 'answer': {
        const { code, linkId, message } = finding.finding;
        const item = linkId === null ? null : (formItems.get(linkId)?.text ?? linkId);
        const what = t(`teleexpertiseExpert.findings.codes.${code}`);
        return item === null ? `${what} (${message})` : `${item} : ${what} (${message})`;
      }
    }
  }
}
