import { Center, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  /** 1-based. */
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  label: string;
}

/** Page numbers in a labelled navigation landmark; nothing when everything fits on one page. */
export function Pager({ page, pageSize, total, onChange, label }: Props) {
  const { t } = useTranslation();
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  return (
    <Center component="nav" aria-label={label}>
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        siblings={1}
        getItemProps={(item) => ({
          'aria-label': t('directory.search.page', { page: item }),
          'aria-current': item === page ? 'page' : undefined,
        })}
        getControlProps={(control) => {
          if (control === 'previous') return { 'aria-label': t('directory.search.previous') };
          if (control === 'next') return { 'aria-label': t('directory.search.next') };
          return {};
        }}
      />
    </Center>
  );
}
