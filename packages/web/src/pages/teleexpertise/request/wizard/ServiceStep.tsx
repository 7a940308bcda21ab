import type { TeleexpertiseRequestSummary, TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import { specialtyLabel } from '@liaison/core/codes/index';
import { NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../lib/format.ts';
import { patientLabel, usePatients } from '../../shared/patientName.ts';
import { formKey, type KnownForm } from '../../shared/useForms.ts';
import type { Draft } from './draft.ts';

interface Props {
  /** The id of the service choice, focused when the requester goes on without choosing. */
  fieldId: string;
  meId: string;
  services: readonly TeleexpertiseService[];
  forms: ReadonlyMap<string, KnownForm> | undefined;
  myRequests: readonly TeleexpertiseRequestSummary[];
  draft: Draft;
  onChange: (patch: Partial<Draft>) => void;
  error: string | undefined;
}

/**
 * How many earlier requests the follow-up picker offers: each is downloaded and opened on the device
 * to name its patient, so only the latest.
 */
const FOLLOW_UP_CHOICES = 10;

/** Step 1: the service (and its form when it has several), and optionally what this follows up. */
export function ServiceStep({ fieldId, meId, services, forms, myRequests, draft, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const chosen = services.find((s) => s.id === draft.serviceId);
  const earlier = myRequests.slice(0, FOLLOW_UP_CHOICES);
  const patients = usePatients(
    meId,
    earlier.map((r) => r.id),
  );

  return (
    <Stack gap="lg">
      <Radio.Group
        id={fieldId}
        label={t('teleexpertise.wizard.service.legend')}
        withAsterisk
        error={error}
        value={draft.serviceId ?? ''}
        onChange={(serviceId) => {
          const service = services.find((s) => s.id === serviceId);
          const first = service?.forms[0];
          onChange({ serviceId, formKey: first ? formKey(first) : null, answers: {} });
        }}
      >
        <Stack gap="sm" mt="xs">
          {services.map((service) => (
            <Radio
              key={service.id}
              value={service.id}
              label={service.name}
              description={[
                service.organisationName,
                specialtyLabel(service.specialty, i18n.language === 'en' ? 'en' : 'fr') ?? service.specialty,
                t('teleexpertise.common.sla', { hours: service.slaHours }),
              ].join(' · ')}
            />
          ))}
        </Stack>
      </Radio.Group>

      {chosen && chosen.forms.length > 1 && (
        <Radio.Group
          label={t('teleexpertise.wizard.service.form')}
          description={t('teleexpertise.wizard.service.formHelp')}
          withAsterisk
          value={draft.formKey ?? ''}
          onChange={(key) => onChange({ formKey: key, answers: {} })}
        >
          <Stack gap="xs" mt="xs">
            {chosen.forms.map((ref) => (
              <Radio
                key={formKey(ref)}
                value={formKey(ref)}
                label={forms?.get(formKey(ref))?.title ?? `${ref.url} (${ref.version})`}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}

      {earlier.length > 0 && (
        <NativeSelect
          label={t('teleexpertise.wizard.service.followUp')}
          description={t('teleexpertise.wizard.service.followUpHelp')}
          value={draft.followsRequestId ?? ''}
          onChange={(event) => onChange({ followsRequestId: event.currentTarget.value || null })}
          data={[
            { value: '', label: t('teleexpertise.wizard.service.followUpNone') },
            ...earlier.map((request) => {
              const patient = patients.get(request.id);
              return {
                value: request.id,
                label: t('teleexpertise.wizard.service.followUpOption', {
                  patient: patient ? patientLabel(patient) : t('teleexpertise.common.decrypting'),
                  service: request.serviceName,
                  date: formatDate(request.createdAt, i18n.language, 'medium'),
                }),
              };
            }),
          ]}
        />
      )}
      {services.length === 0 && <Text>{t('teleexpertise.wizard.service.none')}</Text>}
    </Stack>
  );
}
