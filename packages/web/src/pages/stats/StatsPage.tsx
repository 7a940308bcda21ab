import { useTranslation } from 'react-i18next';
import { RequireSession } from '../../components/RequireSession.tsx';
import { StatsScreen } from './StatsScreen.tsx';

/** The whole platform's figures: platform admins only (the server refuses everyone else too). */
export function StatsPage() {
  return <RequireSession roles={['platform_admin']}>{() => <PlatformStats />}</RequireSession>;
}

function PlatformStats() {
  const { t } = useTranslation();
  return <StatsScreen title={() => t('stats.title')} />;
}
