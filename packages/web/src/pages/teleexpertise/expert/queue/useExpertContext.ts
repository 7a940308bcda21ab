import type { Me } from '@liaison/core/api/index';
import type { FormRef, TeleexpertiseForm, TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import { useQuery } from '@tanstack/react-query';
import { fetchForms, fetchServices, teleexpertiseKeys } from '../../../../api/teleexpertise.ts';

export const formKey = (ref: FormRef) => `${ref.url}|${ref.version}`;

/** The services this person is an expert of (the list names every expert for their own services). */
export function expertServices(me: Me, services: readonly TeleexpertiseService[]): TeleexpertiseService[] {
  return services.filter((service) => service.experts.some((expert) => expert.userId === me.id));
}

/** Services (for their mailbox address and experts) and forms (for their titles), shared by the screens. */
export function useExpertContext() {
  const services = useQuery({ queryKey: teleexpertiseKeys.services, queryFn: fetchServices });
  const forms = useQuery({ queryKey: teleexpertiseKeys.forms, queryFn: fetchForms, staleTime: 10 * 60_000 });
  const byForm = new Map<string, TeleexpertiseForm>((forms.data ?? []).map((f) => [formKey(f), f]));
  const serviceById = new Map((services.data ?? []).map((s) => [s.id, s]));
  return {
    services,
    forms,
    formTitle: (ref: FormRef) => byForm.get(formKey(ref))?.title ?? ref.url,
    formOf: (ref: FormRef) => byForm.get(formKey(ref)) ?? null,
    serviceOf: (id: string) => serviceById.get(id) ?? null,
  };
}
