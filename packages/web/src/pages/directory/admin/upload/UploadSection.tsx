import type { DirectoryImportCheck, ImportRowError } from '@liaison/core/api/directory';
import { Alert, Button, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkImportFile, startImport } from '../../../../api/directory.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { Loading } from '../../../../components/Loading.tsx';
import { ColumnsTable } from './ColumnsTable.tsx';
import { ImportCounts } from './ImportCounts.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import { RowErrorsTable } from './RowErrorsTable.tsx';
import { importErrors, missingColumns } from './importLabels.ts';

const ACCEPT = '.xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Props {
  organisationId: string;
  /** The import being followed, if any (kept by the page in the address). */
  importId: string | null;
  progressToken: string | undefined;
  onImportChange: (started: { importId: string; progressToken?: string | undefined } | null) => void;
  onShowEntries: () => void;
}

/**
 * A CSV or XLSX file in three steps: a dry run shows how it was read (columns, counts, first rows,
 * every bad row); the person confirms; the import runs with a progress bar. All or nothing.
 */
export function UploadSection({
  organisationId,
  importId,
  progressToken,
  onImportChange,
  onShowEntries,
}: Props) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({ mutationFn: (chosen: File) => checkImportFile(organisationId, chosen) });
  const run = useMutation({
    mutationFn: (chosen: File) => startImport(organisationId, chosen),
    onSuccess: (result) => onImportChange(result),
  });

  const choose = (chosen: File | null) => {
    setFile(chosen);
    if (importId) onImportChange(null);
    run.reset();
    check.reset();
    if (chosen) check.mutate(chosen);
  };

  if (importId) {
    return (
      <Stack gap="md">
        <Title order={3} size="h5">
          {t('directory.upload.progressTitle')}
        </Title>
        <ImportProgress
          organisationId={organisationId}
          importId={importId}
          progressToken={progressToken}
          onShowEntries={onShowEntries}
        />
        <Group>
          <Button variant="default" onClick={() => choose(null)}>
            {t('directory.upload.another')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const report = check.data;
  const missing = missingColumns(t, check.error);
  return (
    <Stack gap="md">
      <Text size="sm">{t('directory.upload.intro')}</Text>
      <FileInput
        label={t('directory.upload.file')}
        placeholder={t('directory.upload.filePlaceholder')}
        accept={ACCEPT}
        value={file}
        onChange={choose}
        clearable
        w={{ base: '100%', sm: 480 }}
        data-testid="import-file"
      />
      {check.isPending ? (
        <Stack gap={0} align="center">
          <Loading />
          <Text size="sm" c="dimmed">
            {t('directory.upload.checking')}
          </Text>
        </Stack>
      ) : null}
      <ErrorAlert error={check.error} />
      {missing.length > 0 ? (
        <Text size="sm">{t('directory.upload.missingColumns', { columns: missing.join(' ; ') })}</Text>
      ) : null}
      {report && file ? (
        <CheckReport
          report={report}
          refused={importErrors(run.error)}
          runError={importErrors(run.error) ? null : run.error}
          running={run.isPending}
          onConfirm={() => run.mutate(file)}
        />
      ) : null}
    </Stack>
  );
}

function CheckReport({
  report,
  refused,
  runError,
  running,
  onConfirm,
}: {
  report: DirectoryImportCheck;
  refused: { errors: ImportRowError[]; errorCount: number } | null;
  runError: unknown;
  running: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const errors = refused?.errors ?? report.errors;
  const errorCount = refused?.errorCount ?? report.errors.length;
  const toImport = report.counts.create + report.counts.update;
  const details = [
    t('directory.upload.rows', { count: report.totalRows }),
    report.encoding ? t('directory.upload.encoding', { encoding: report.encoding.toUpperCase() }) : null,
    report.separator
      ? t('directory.upload.separator', {
          separator: report.separator === '\t' ? t('directory.upload.tab') : report.separator,
        })
      : null,
  ].filter((part): part is string => part !== null);

  return (
    <Stack gap="md" data-testid="import-report">
      <Stack gap={2}>
        <Title order={3} size="h5">
          {t('directory.upload.reportTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('directory.upload.fileInfo', { name: report.fileName, format: report.format.toUpperCase() })}
        </Text>
        <List size="sm" c="dimmed" listStyleType="none">
          {details.map((detail) => (
            <List.Item key={detail}>{detail}</List.Item>
          ))}
        </List>
      </Stack>
      <ImportCounts counts={report.counts} errors={errorCount} />
      {errorCount > 0 ? (
        <Stack gap="sm">
          <Title order={4} size="h6">
            {t('directory.upload.errorsTitle')}
          </Title>
          <Alert color="red" variant="light" data-testid="import-blocked">
            {t('directory.upload.blocked')}
          </Alert>
          <RowErrorsTable errors={errors} total={errorCount} columns={report.columns} />
        </Stack>
      ) : null}
      {report.preview.length > 0 ? (
        <Stack gap="xs">
          <Title order={4} size="h6">
            {t('directory.upload.previewTitle')}
          </Title>
          <PreviewTable preview={report.preview} />
        </Stack>
      ) : null}
      {errorCount === 0 && toImport === 0 ? (
        <Alert color="gray" variant="light">
          {t('directory.upload.nothingToImport')}
        </Alert>
      ) : null}
      {errorCount === 0 && toImport > 0 ? (
        <Group>
          <Button size="md" loading={running} onClick={onConfirm} data-testid="import-confirm">
            {t('directory.upload.confirm', { count: toImport })}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={runError} />
      <Stack gap="xs" maw={560}>
        <Title order={4} size="h6">
          {t('directory.upload.columnsTitle')}
        </Title>
        <ColumnsTable columns={report.columns} />
      </Stack>
    </Stack>
  );
}
