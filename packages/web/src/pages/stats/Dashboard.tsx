import type { StatsReport } from '@liaison/core/api/stats';
import { SimpleGrid, Stack } from '@mantine/core';
import { CategoriesChart } from './CategoriesChart.tsx';
import { EhpadCoverage } from './EhpadCoverage.tsx';
import { FlowsTable } from './FlowsTable.tsx';
import { InterceptionsChart } from './InterceptionsChart.tsx';
import { KpiCards } from './KpiCards.tsx';
import { MessagesChart } from './MessagesChart.tsx';
import { PostageCard } from './PostageCard.tsx';
import { TeleexpertiseSection } from './TeleexpertiseSection.tsx';
import { TopEstablishmentsChart } from './TopEstablishmentsChart.tsx';

/**
 * One report laid out, for the platform or for one establishment: the page around it chooses the
 * period and the scope. Rankings of establishments only make sense platform-wide, so they are left out
 * of an establishment's own page (the server sends them empty there anyway).
 */
export function Dashboard({ report }: { report: StatsReport }) {
  const platform = report.scope.kind === 'platform';
  return (
    <Stack gap="lg" data-testid="stats-dashboard" data-scope={report.scope.kind}>
      <KpiCards report={report} />
      <MessagesChart series={report.series} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <CategoriesChart categories={report.usersByCategory} />
        <InterceptionsChart interceptions={report.interceptions} />
      </SimpleGrid>
      {platform ? <TopEstablishmentsChart top={report.topEstablishments} /> : null}
      <FlowsTable report={report} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <PostageCard report={report} />
        <EhpadCoverage ehpad={report.ehpad} />
      </SimpleGrid>
      <TeleexpertiseSection report={report} />
    </Stack>
  );
}
