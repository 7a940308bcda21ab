import type { FormRef, TeleexpertiseForm } from '@liaison/core/api/teleexpertise';
import { importQuestionnaire, type Questionnaire } from '@liaison/core/teleexpertise/questionnaire';
import { useQuery } from '@tanstack/react-query';
import { fetchForms, teleexpertiseKeys } from '../../../api/teleexpertise.ts';

export const formKey = (ref: FormRef) => `${ref.url}|${ref.version}`;

export interface KnownForm {
  ref: FormRef;
  title: string;
  /** Typed and checked again here: the server stores what an admin imported. */
  questionnaire: Questionnaire | null;
}

function known(form: TeleexpertiseForm): KnownForm {
  let questionnaire: Questionnaire | null = null;
  try {
    questionnaire = importQuestionnaire(form.questionnaire);
  } catch {
    // A form this version of the app cannot read: shown as unavailable rather than half-rendered.
  }
  return { ref: { url: form.url, version: form.version }, title: form.title, questionnaire };
}

/** Every form of the instance by `url|version` (forms are not patient data; they rarely change). */
export function useForms() {
  return useQuery({
    queryKey: teleexpertiseKeys.forms,
    queryFn: fetchForms,
    staleTime: 10 * 60_000,
    select: (forms) => new Map(forms.map((form) => [`${form.url}|${form.version}`, known(form)])),
  });
}

/** One form's Questionnaire, or undefined while loading or when the instance does not have it. */
export function useQuestionnaire(ref: FormRef | null | undefined): {
  questionnaire: Questionnaire | undefined;
  isPending: boolean;
  title: string | undefined;
} {
  const forms = useForms();
  const entry = ref ? forms.data?.get(formKey(ref)) : undefined;
  return {
    questionnaire: entry?.questionnaire ?? undefined,
    isPending: forms.isPending,
    title: entry?.title,
  };
}
