import { useTranslation } from 'react-i18next';
import { durationParts } from './queueTiming.ts';

/** "2 j 3 h", "4 h 10 min", "12 min": the two largest units are enough to judge a wait. */
export function useDurationText(): (minutes: number) => string {
  const { t } = useTranslation();
  return (minutes) => {
    const parts = durationParts(minutes);
    if (parts.days > 0) return t('teleexpertiseExpert.duration.daysHours', parts);
    if (parts.hours > 0) return t('teleexpertiseExpert.duration.hoursMinutes', parts);
    return t('teleexpertiseExpert.duration.minutes', parts);
  };
}
