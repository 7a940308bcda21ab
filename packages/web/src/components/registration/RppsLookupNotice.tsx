import { isValidRpps } from '@liaison/core/ids/rpps';
import { Alert } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRppsRecord } from '../../api/accounts.ts';
import { isApiError } from '../../api/client.ts';
import type { RegistrationValues } from './values.ts';

/**
 * Looks the typed RPPS up in the national reference: fills the names and profession left empty, and
 * says plainly when the number is unknown or the reference gives another name (the technician sees
 * the same finding, so the applicant can correct it before sending).
 */
export function RppsLookupNotice({ form }: { form: UseFormReturnType<RegistrationValues> }) {
  const { t } = useTranslation();
  const { nationalIdKind, nationalId, lastName, firstName } = form.getValues();
  const rpps = nationalId.replace(/\s/g, '');
  const enabled = nationalIdKind === 'rpps' && isValidRpps(rpps);
  const lookup = useQuery({
    queryKey: ['rpps-record', rpps],
    queryFn: ({ signal }) => fetchRppsRecord(rpps, signal),
    enabled,
    retry: false,
    staleTime: 10 * 60_000,
  });
  const record = enabled ? lookup.data : undefined;

  useEffect(() => {
    if (record === undefined) return;
    const values = form.getValues();
    if (values.lastName.trim() === '') form.setFieldValue('lastName', record.lastName);
    if (values.firstName.trim() === '') form.setFieldValue('firstName', record.firstName);
    if (values.profession === null && record.professionCode !== null)
      form.setFieldValue('profession', record.professionCode);
    if (values.specialty === null && record.specialty !== null)
      form.setFieldValue('specialty', record.specialty);
    // The form object is stable for the page's life; only a new record should fill anything.
  }, [record, form]);

  if (!enabled) return null;
  if (lookup.isError && isApiError(lookup.error) && lookup.error.status === 404) {
    return (
      <Alert color="orange" variant="light" data-testid="rpps-lookup">
        {t('register.rppsUnknown')}
      </Alert>
    );
  }
  if (record === undefined) return null;
  const sameName =
    record.lastName.localeCompare(lastName.trim(), 'fr', { sensitivity: 'base' }) === 0 &&
    record.firstName.localeCompare(firstName.trim(), 'fr', { sensitivity: 'base' }) === 0;
  const name = `${record.firstName} ${record.lastName}`;
  return (
    <Alert color={sameName ? 'teal' : 'orange'} variant="light" data-testid="rpps-lookup">
      {sameName
        ? t('register.rppsFound', { name, profession: record.professionLabel ?? '' })
        : t('register.rppsOtherName', { name })}
    </Alert>
  );
}
