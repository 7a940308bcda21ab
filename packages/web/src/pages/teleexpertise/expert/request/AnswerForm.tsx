import {
  ANSWER_OUTCOMES,
  ANSWER_URGENCIES,
  type AnswerInput,
  type AnswerOutcome,
  type AnswerUrgency,
} from '@liaison/core/teleexpertise/answerForm';
import { Alert, Button, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerProgress } from './AnswerProgress.tsx';
import type { SendState } from './useSendAnswer.ts';

interface Props {
  state: SendState;
  /** The letter is out: the fields are frozen (the answer must stay the letter's). */
  locked: boolean;
  /** Keys or certificate missing here: nothing can be signed, the button is off and says why. */
  blockedReason: string | null;
  onSend: (input: AnswerInput) => void;
}

interface Values {
  conclusion: string;
  advice: string;
  outcome: AnswerOutcome | null;
  urgency: AnswerUrgency | null;
  referTo: string;
}

type Problems = Partial<Record<'conclusion' | 'outcome' | 'urgency' | 'referTo', string>>;

/** The structured answer (the fields of core's ANSWER_FORM): conclusion, advice and what to do next. */
export function AnswerForm({ state, locked, blockedReason, onSend }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>({
    conclusion: '',
    advice: '',
    outcome: null,
    urgency: null,
    referTo: '',
  });
  const [tried, setTried] = useState(false);
  const running = state.phase === 'running';
  const frozen = locked || running || state.phase === 'done';

  const problems: Problems = {};
  if (values.conclusion.trim() === '') problems.conclusion = t('validation.required');
  if (values.outcome === null) problems.outcome = t('teleexpertiseExpert.answer.chooseOutcome');
  if (values.outcome === 'consultation' && values.urgency === null) {
    problems.urgency = t('teleexpertiseExpert.answer.chooseUrgency');
  }
  if (values.outcome === 'refer' && values.referTo.trim() === '') problems.referTo = t('validation.required');
  const shown = (key: keyof Problems) => (tried ? problems[key] : undefined);

  const submit = () => {
    setTried(true);
    if (Object.keys(problems).length > 0 || values.outcome === null) return;
    const advice = values.advice.trim();
    onSend({
      conclusion: values.conclusion.trim(),
      ...(advice !== '' ? { advice } : {}),
      outcome: values.outcome,
      ...(values.outcome === 'consultation' && values.urgency !== null ? { urgency: values.urgency } : {}),
      ...(values.outcome === 'refer' ? { referTo: values.referTo.trim() } : {}),
    });
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      aria-label={t('teleexpertiseExpert.answer.title')}
    >
      <Stack gap="md">
        <Textarea
          label={t('teleexpertiseExpert.answer.conclusion')}
          required
          autosize
          minRows={4}
          readOnly={frozen}
          value={values.conclusion}
          onChange={(event) => setValues({ ...values, conclusion: event.currentTarget.value })}
          error={shown('conclusion')}
        />
        <Textarea
          label={t('teleexpertiseExpert.answer.advice')}
          autosize
          minRows={3}
          readOnly={frozen}
          value={values.advice}
          onChange={(event) => setValues({ ...values, advice: event.currentTarget.value })}
        />
        <Radio.Group
          label={t('teleexpertiseExpert.answer.outcome')}
          required
          value={values.outcome}
          onChange={(value) => {
            const outcome = ANSWER_OUTCOMES.find((o) => o === value) ?? null;
            if (!frozen) setValues({ ...values, outcome });
          }}
          error={shown('outcome')}
        >
          <Stack gap={6} mt={6}>
            {ANSWER_OUTCOMES.map((outcome) => (
              <Radio
                key={outcome}
                value={outcome}
                disabled={frozen}
                label={t(`teleexpertiseExpert.answer.outcomes.${outcome}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        {values.outcome === 'consultation' ? (
          <Radio.Group
            label={t('teleexpertiseExpert.answer.urgency')}
            required
            value={values.urgency}
            onChange={(value) => {
              const urgency = ANSWER_URGENCIES.find((u) => u === value) ?? null;
              if (!frozen) setValues({ ...values, urgency });
            }}
            error={shown('urgency')}
          >
            <Stack gap={6} mt={6}>
              {ANSWER_URGENCIES.map((urgency) => (
                <Radio
                  key={urgency}
                  value={urgency}
                  disabled={frozen}
                  label={t(`teleexpertiseExpert.answer.urgencies.${urgency}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
        ) : null}
        {values.outcome === 'refer' ? (
          <TextInput
            label={t('teleexpertiseExpert.answer.referTo')}
            required
            maxLength={200}
            readOnly={frozen}
            value={values.referTo}
            onChange={(event) => setValues({ ...values, referTo: event.currentTarget.value })}
            error={shown('referTo')}
          />
        ) : null}
        {locked && state.phase !== 'done' ? (
          <Alert color="orange" variant="light">
            {t('teleexpertiseExpert.answer.letterAlreadySent')}
          </Alert>
        ) : null}
        {blockedReason ? (
          <Alert color="orange" variant="light" id="te-answer-blocked">
            {blockedReason}
          </Alert>
        ) : null}
        <AnswerProgress state={state} />
        {state.phase !== 'done' ? (
          <Group>
            <Button
              type="submit"
              size="md"
              loading={running}
              disabled={blockedReason !== null}
              aria-describedby={blockedReason ? 'te-answer-blocked' : undefined}
            >
              {state.phase === 'failed'
                ? t('teleexpertiseExpert.answer.retry')
                : t('teleexpertiseExpert.answer.send')}
            </Button>
          </Group>
        ) : (
          <Alert color="green" variant="light" role="status">
            {state.held ? t('teleexpertiseExpert.answer.sentHeld') : t('teleexpertiseExpert.answer.sent')}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
