import { Button, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SendStage } from './useSendLetter.ts';

interface Props {
  stage: SendStage;
  working: boolean;
  /** No keys in this browser: nothing can be sealed, the button is off. */
  disabled: boolean;
  /**
   * A letter-format rule stops the sending: the button says so (aria-disabled, described by the
   * findings) but stays focusable, and pressing it submits as usual: the form points at what to fix.
   */
  blocked: boolean;
  describedBy: string | undefined;
  cancelTo: string;
}

/** Send, cancel, and the sealing progress. */
export function SendBar({ stage, working, disabled, blocked, describedBy, cancelTo }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="center">
      <Button
        type="submit"
        size="md"
        loading={working}
        disabled={disabled}
        data-disabled={blocked || undefined}
        aria-disabled={blocked || undefined}
        aria-describedby={describedBy}
        data-testid="compose-send"
      >
        {t('mail.compose.send')}
      </Button>
      <Button component={Link} to={cancelTo} variant="default" size="md">
        {t('common.cancel')}
      </Button>
      <Group gap="xs" role="status" aria-live="polite" data-testid="compose-progress">
        {stage !== 'idle' ? (
          <>
            <Loader size="xs" />
            <Text size="sm" fw={500}>
              {t(`mail.compose.stage.${stage}`)}
            </Text>
          </>
        ) : null}
      </Group>
    </Group>
  );
}
