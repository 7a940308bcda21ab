import { List, Loader, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { mailErrorMessage } from '../../../../mailCrypto/errors.ts';
import { ANSWER_STEPS, type SendState } from './useSendAnswer.ts';

/** The steps of sending an answer, each done, running, failed or to come; a live region for readers. */
export function AnswerProgress({ state }: { state: SendState }) {
  const { t } = useTranslation();
  if (state.phase === 'idle') return null;
  const at = state.phase === 'done' ? ANSWER_STEPS.length : ANSWER_STEPS.indexOf(state.step);

  return (
    <div role="status" aria-live="polite" data-testid="te-answer-progress">
      <List spacing={6} listStyleType="none">
        {ANSWER_STEPS.map((step, index) => {
          const failed = state.phase === 'failed' && index === at;
          const running = state.phase === 'running' && index === at;
          const done = index < at;
          const mark = failed ? '✕' : done ? '✓' : '';
          return (
            <List.Item
              key={step}
              icon={
                running ? (
                  <Loader size={18} />
                ) : (
                  <ThemeIcon
                    size={20}
                    radius="xl"
                    color={failed ? 'red' : done ? 'green' : 'gray'}
                    variant={done || failed ? 'filled' : 'light'}
                  >
                    <span aria-hidden="true">{mark}</span>
                  </ThemeIcon>
                )
              }
            >
              <Text size="sm" fw={running || failed ? 700 : 400} c={failed ? 'red.8' : undefined}>
                {t(`teleexpertiseExpert.answer.steps.${step}`)}
                {done ? ` — ${t('teleexpertiseExpert.answer.stepDone')}` : ''}
                {failed ? ` — ${t('teleexpertiseExpert.answer.stepFailed')}` : ''}
              </Text>
            </List.Item>
          );
        })}
      </List>
      {state.phase === 'failed' ? (
        <Text size="sm" c="red.8" mt="xs" role="alert">
          {t('teleexpertiseExpert.answer.failedAt', {
            step: t(`teleexpertiseExpert.answer.steps.${state.step}`),
            reason: mailErrorMessage(t, state.error),
          })}
        </Text>
      ) : null}
    </div>
  );
}
