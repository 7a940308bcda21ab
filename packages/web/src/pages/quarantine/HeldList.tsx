import type { HoldState } from '@liaison/core/api/mailHold';
import type { QuarantineItem } from '@liaison/core/api/usage';
import { Button, Center, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCharterArticles } from '../../components/charter/useCharterInForce.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { DecisionModal } from './DecisionModal.tsx';
import { HeldCard } from './HeldCard.tsx';
import { useDecision, useQuarantineList, type DecisionKind } from './useQuarantine.ts';

/** Items of all fetched pages, each once (a refetch can shift a message across a page boundary). */
function distinct(pages: readonly { items: QuarantineItem[] }[]): QuarantineItem[] {
  const byId = new Map<string, QuarantineItem>();
  for (const page of pages) for (const item of page.items) byId.set(item.messageId, item);
  return [...byId.values()];
}

/** The messages of one state, newest first; held ones with their release and reject actions. */
export function HeldList({ state, onSetLimit }: { state: HoldState; onSetLimit: (address: string) => void }) {
  const { t } = useTranslation();
  const list = useQuarantineList(state);
  const articles = useCharterArticles();
  const [target, setTarget] = useState<{ item: QuarantineItem; kind: DecisionKind } | null>(null);
  const decide = useDecision(() => setTarget(null));
  const items = list.data ? distinct(list.data.pages) : [];
  return (
    <Stack gap="md">
      <ErrorAlert error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && items.length === 0 ? (
        <Text data-testid="quarantine-empty">{t(`quarantine.empty.${state}`)}</Text>
      ) : null}
      {items.length > 0 ? (
        <Stack
          component="ul"
          gap="md"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t(`quarantine.lists.${state}`)}
        >
          {items.map((item) => (
            <li key={item.messageId}>
              <HeldCard
                item={item}
                articles={articles}
                busy={decide.isPending && decide.variables.item.messageId === item.messageId}
                onDecide={(chosen, kind) => {
                  decide.reset();
                  setTarget({ item: chosen, kind });
                }}
                onSetLimit={onSetLimit}
              />
            </li>
          ))}
        </Stack>
      ) : null}
      {list.hasNextPage ? (
        <Center>
          <Button
            variant="default"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('quarantine.more')}
          </Button>
        </Center>
      ) : null}
      <DecisionModal
        target={target}
        pending={decide.isPending}
        error={decide.error}
        onClose={() => setTarget(null)}
        onConfirm={(decision) => decide.mutate(decision)}
      />
    </Stack>
  );
}
