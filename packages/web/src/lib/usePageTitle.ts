import { useEffect } from 'react';

/** Each page names itself in the tab title: it is the first thing a screen reader announces. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Liaison`;
  }, [title]);
}
