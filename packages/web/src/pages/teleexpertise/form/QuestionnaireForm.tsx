import type {
  AnswerOption,
  Questionnaire,
  QuestionnaireItem,
} from '@liaison/core/teleexpertise/questionnaire';
import type { Answer } from '@liaison/core/teleexpertise/responseSchema';
import {
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { enabledFor, fieldId, itemLabel, type AnswerMap } from './answers.ts';
import { AttachmentInput } from './AttachmentInput.tsx';

interface Props {
  questionnaire: Questionnaire;
  answers: AnswerMap;
  onChange: (linkId: string, answers: Answer[]) => void;
  /** Messages to show next to items, by linkId (from the review's findings). */
  errors?: Readonly<Record<string, string>>;
}

/**
 * A FHIR Questionnaire of Liaison's subset rendered as a form: every item type, required marks, and
 * enableWhen evaluated on every change (core enableWhen.ts), so items whose conditions no longer hold
 * disappear at once. Generic: the requester's wizard and any other screen fill any imported form.
 */
export function QuestionnaireForm({ questionnaire, answers, onChange, errors = {} }: Props) {
  const enabled = enabledFor(questionnaire, answers);
  return (
    <Stack gap="md">
      {questionnaire.item.map((item) => (
        <ItemField
          key={item.linkId}
          item={item}
          answers={answers}
          onChange={onChange}
          errors={errors}
          enabled={enabled}
        />
      ))}
    </Stack>
  );
}

interface ItemProps {
  item: QuestionnaireItem;
  answers: AnswerMap;
  onChange: (linkId: string, answers: Answer[]) => void;
  errors: Readonly<Record<string, string>>;
  enabled: (linkId: string) => boolean;
}

function ItemField(props: ItemProps) {
  const { item, answers, onChange, errors, enabled } = props;
  if (!enabled(item.linkId)) return null;
  if (item.type === 'group') {
    return (
      <Fieldset legend={itemLabel(item)} id={fieldId(item.linkId)}>
        <Stack gap="md">
          {(item.item ?? []).map((child) => (
            <ItemField key={child.linkId} {...props} item={child} />
          ))}
        </Stack>
      </Fieldset>
    );
  }
  if (item.type === 'display') {
    return (
      <Text size="sm" id={fieldId(item.linkId)}>
        {itemLabel(item)}
      </Text>
    );
  }
  return (
    <QuestionField
      item={item}
      answers={answers[item.linkId] ?? []}
      onChange={(next) => onChange(item.linkId, next)}
      error={errors[item.linkId]}
    />
  );
}

function optionLabel(option: AnswerOption): string {
  if (option.valueCoding) return option.valueCoding.display ?? option.valueCoding.code;
  return option.valueString ?? String(option.valueInteger);
}

function optionAnswer(option: AnswerOption): Answer {
  if (option.valueCoding) return { valueCoding: option.valueCoding };
  if (option.valueString !== undefined) return { valueString: option.valueString };
  return { valueInteger: option.valueInteger ?? 0 };
}

/** The index of the option an answer is, or -1 (codings compare by system and code). */
function optionIndex(options: readonly AnswerOption[], answer: Answer): number {
  return options.findIndex((option) =>
    option.valueCoding
      ? answer.valueCoding?.code === option.valueCoding.code &&
        answer.valueCoding.system === option.valueCoding.system
      : option.valueString !== undefined
        ? answer.valueString === option.valueString
        : answer.valueInteger === option.valueInteger,
  );
}

interface QuestionProps {
  item: QuestionnaireItem;
  answers: readonly Answer[];
  onChange: (answers: Answer[]) => void;
  error: string | undefined;
}

function QuestionField({ item, answers, onChange, error }: QuestionProps) {
  const { t, i18n } = useTranslation();
  const label = itemLabel(item);
  const required = item.required === true;
  const id = fieldId(item.linkId);
  const first = answers[0];
  const common = { id, label, withAsterisk: required, error, 'aria-required': required };
  const text = (value: string): Answer[] => (value.trim() === '' ? [] : [{ valueString: value }]);

  switch (item.type) {
    case 'string':
      return (
        <TextInput
          {...common}
          value={first?.valueString ?? ''}
          onChange={(event) => onChange(text(event.currentTarget.value))}
        />
      );
    case 'text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxRows={10}
          value={first?.valueString ?? ''}
          onChange={(event) => onChange(text(event.currentTarget.value))}
        />
      );
    case 'boolean':
      return (
        <Radio.Group
          id={id}
          label={label}
          withAsterisk={required}
          error={error}
          value={first?.valueBoolean === undefined ? '' : String(first.valueBoolean)}
          onChange={(value) => onChange([{ valueBoolean: value === 'true' }])}
        >
          <Group gap="lg" mt={4}>
            <Radio value="true" label={t('teleexpertise.common.yes')} />
            <Radio value="false" label={t('teleexpertise.common.no')} />
          </Group>
        </Radio.Group>
      );
    case 'integer':
    case 'decimal': {
      const key = item.type === 'integer' ? 'valueInteger' : 'valueDecimal';
      return (
        <NumberInput
          {...common}
          allowDecimal={item.type === 'decimal'}
          decimalSeparator={i18n.language === 'en' ? '.' : ','}
          inputMode={item.type === 'integer' ? 'numeric' : 'decimal'}
          hideControls
          value={first?.[key] ?? ''}
          onChange={(value) => onChange(typeof value === 'number' ? [{ [key]: value }] : [])}
        />
      );
    }
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={first?.valueDate ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onChange(value === '' ? [] : [{ valueDate: value }]);
          }}
        />
      );
    case 'choice':
      return <ChoiceField item={item} answers={answers} onChange={onChange} error={error} />;
    case 'quantity': {
      const quantity = first?.valueQuantity;
      const unit = quantity?.unit ?? '';
      return (
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <NumberInput
            {...common}
            style={{ flex: 1 }}
            decimalSeparator={i18n.language === 'en' ? '.' : ','}
            inputMode="decimal"
            hideControls
            value={quantity?.value ?? ''}
            onChange={(value) =>
              onChange(
                typeof value === 'number' ? [{ valueQuantity: { value, ...(unit ? { unit } : {}) } }] : [],
              )
            }
          />
          <TextInput
            label={t('teleexpertise.form.unit')}
            w={110}
            value={unit}
            onChange={(event) => {
              const next = event.currentTarget.value.trim();
              if (quantity)
                onChange([{ valueQuantity: { value: quantity.value, ...(next ? { unit: next } : {}) } }]);
            }}
          />
        </Group>
      );
    }
    case 'attachment':
      return (
        <AttachmentInput
          item={item}
          answers={answers}
          onChange={onChange}
          error={error}
          required={required}
        />
      );
    case 'group':
    case 'display':
      return null;
  }
}

function ChoiceField({ item, answers, onChange, error }: QuestionProps) {
  const options = item.answerOption ?? [];
  const label = itemLabel(item);
  const required = item.required === true;
  const id = fieldId(item.linkId);
  if (item.repeats) {
    const value = answers.map((answer) => String(optionIndex(options, answer))).filter((v) => v !== '-1');
    return (
      <Checkbox.Group
        id={id}
        label={label}
        withAsterisk={required}
        error={error}
        value={value}
        onChange={(next) =>
          onChange(
            // Kept in the form's order, whatever order they were ticked in.
            options.flatMap((option, index) => (next.includes(String(index)) ? [optionAnswer(option)] : [])),
          )
        }
      >
        <Stack gap={6} mt={4}>
          {options.map((option, index) => (
            <Checkbox key={index} value={String(index)} label={optionLabel(option)} />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  }
  const index = answers[0] ? optionIndex(options, answers[0]) : -1;
  return (
    <Radio.Group
      id={id}
      label={label}
      withAsterisk={required}
      error={error}
      value={index === -1 ? '' : String(index)}
      onChange={(next) => {
        const option = options[Number(next)];
        onChange(option ? [optionAnswer(option)] : []);
      }}
    >
      <Stack gap={6} mt={4}>
        {options.map((option, i) => (
          <Radio key={i} value={String(i)} label={optionLabel(option)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}
