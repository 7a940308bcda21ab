import { useSearchParams } from 'react-router';
import { defaultPeriod, type Period } from './period.ts';

/**
 * The period shown lives in the address (?from=…&to=…): a reload, a bookmark or a link sent to a
 * colleague opens the same figures. Without it, the last 30 days.
 */
export function usePeriodParams(): { period: Period; setPeriod: (period: Period) => void } {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const period = from !== null && to !== null ? { from, to } : defaultPeriod();
  const setPeriod = (next: Period) => setParams({ from: next.from, to: next.to }, { replace: true });
  return { period, setPeriod };
}
