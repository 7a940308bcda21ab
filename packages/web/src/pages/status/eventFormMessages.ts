import type { TFunction } from 'i18next';
import type { FieldProblem } from './eventForm.ts';

/** A field problem in words; the end-before-start sentence is the server's own (STATUS_EVENT_INVALID). */
export function problemText(t: TFunction, problem: FieldProblem, field?: string): string {
  switch (problem) {
    case 'required':
      return field === 'components'
        ? t('status.manage.form.componentsRequired')
        : t('status.manage.form.required');
    case 'date':
      return t('status.manage.form.date');
    case 'STATUS_EVENT_INVALID':
      return t('errors.STATUS_EVENT_INVALID');
  }
}

/** Problems as @mantine/form wants them: field name → message. */
export function problemMessages(
  t: TFunction,
  problems: Partial<Record<string, FieldProblem>>,
): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [field, problem] of Object.entries(problems)) {
    if (problem) messages[field] = problemText(t, problem, field);
  }
  return messages;
}
