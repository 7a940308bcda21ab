import { Divider, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NoticeThreadList } from './notices/NoticeThreadList.tsx';
import { useNoticeThreads } from './notices/useNotices.ts';

/**
 * Below the conversations, the establishments that sent this person patient movement notices. Most
 * people (nurses, pharmacists) never receive any: the section then takes no room at all.
 */
export function NoticesSection(props: {
  selected: string | undefined;
  onOpen: (organisationId: string) => void;
}) {
  const { t } = useTranslation();
  const threads = useNoticeThreads();
  if (!threads.data || threads.data.threads.length === 0) return null;
  return (
    <>
      <Divider my={4} />
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt={4} id="notices-heading">
        {t('notices.title')}
      </Text>
      <NoticeThreadList
        onOpen={props.onOpen}
        {...(props.selected === undefined ? {} : { selected: props.selected })}
      />
    </>
  );
}
