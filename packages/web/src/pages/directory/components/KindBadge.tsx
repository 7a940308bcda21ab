import type { MailboxKind } from '@liaison/core/api/common';
import { Badge, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const KIND_COLOURS: Record<MailboxKind, string> = {
  PER: 'liaison',
  ORG: 'grape',
  APP: 'gray',
  CAB: 'teal',
};

/** "PER", "ORG"… as people in the field say them, with the words for screen readers and on hover. */
export function KindBadge({ kind }: { kind: MailboxKind }) {
  const { t } = useTranslation();
  const label = t(`directory.kinds.${kind}`);
  return (
    <Tooltip label={label} withArrow>
      <Badge size="sm" variant="light" color={KIND_COLOURS[kind]} style={{ flexShrink: 0 }}>
        <span aria-hidden="true">{kind}</span>
        <VisuallyHidden>{label}</VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}
